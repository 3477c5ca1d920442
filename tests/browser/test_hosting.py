"""Hosting as GitHub Pages does it: under a /REPO/ subpath, offline after one
visit, and across a redeploy."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page

from tests.browser.reader import RESULTS, see_results
from tests.browser.serve import serve
from tests.conftest import ROOT, Build, build_site
from tests.website.pages import html_pages


def package_of(page: Page) -> str:
    """The package folder the page's form names (in the contract the build wrote)."""
    contract = page.locator("#assessment-form").get_attribute("data-contract")
    assert contract is not None
    return json.loads(contract)["package"]


def take_check_in(page: Page) -> None:
    page.locator("label[for='q-now-drifting']").click()
    page.locator("label[for='q-hardest-time']").click()
    page.locator("input[name=deepen]").first.check()
    see_results(page)


def wait_for_offline_ready(page: Page) -> None:
    """Until the service worker controls the page, its two caches made. (Polled:
    wait_for_function takes a string, which the page's policy refuses to eval.)
    The reader's first touch of the form registers it, as it starts scoring."""
    page.locator("form.assessment-form input").first.focus()
    for _ in range(300):
        controlled = page.evaluate("() => !!navigator.serviceWorker.controller")
        if controlled and len(page.evaluate("() => caches.keys()")) == 2:
            return
        page.wait_for_timeout(100)
    raise AssertionError("the service worker never took control")


def test_every_page_works_under_a_project_subpath(browser: Browser, site: Build) -> None:
    with serve(site.output, prefix="closer/") as base:
        page = browser.new_page()
        failures: list[str] = []
        page.on("response", lambda r: r.status >= 400 and failures.append(f"{r.status} {r.url}"))
        origin_path = urlsplit(base).path
        visited = 0
        for found in html_pages(site.output):
            if found.path == "404.html":
                continue
            page.goto(base + found.path.removesuffix("index.html"))
            visited += 1
            for href in page.locator("a[href]").evaluate_all("els => els.map(a => a.href)"):
                parts = urlsplit(href)
                if parts.netloc == urlsplit(base).netloc:
                    assert parts.path.startswith(origin_path), (
                        f"{found.path}: {href} leaves /closer/"
                    )
        page.goto(base + "assessments/check-in/")
        take_check_in(page)
        page.close()
    assert visited > 20
    assert failures == []


def test_an_assessment_visited_once_works_offline(
    browser: Browser, site: Build, tmp_path: Path
) -> None:
    context = browser.new_context()
    page = context.new_page()
    with serve(site.output) as base:
        page.goto(base + "assessments/rope-tally/")
        wait_for_offline_ready(page)
    # The server is gone and the browser is offline.
    context.set_offline(True)
    page.reload()
    page.click("label[for='q-period-day']")
    page.fill("#q-positives-input", "10")
    page.fill("#q-negatives-input", "2")
    see_results(page)
    assert "5 to 1" in page.locator(RESULTS).inner_text()
    cached = page.evaluate(
        "() => caches.keys().then(names => Promise.all(names.map(n => caches.open(n)"
        ".then(c => c.keys()).then(rs => rs.map(r => r.url))))).then(l => l.flat())"
    )
    context.close()
    assert cached and all("?" not in url for url in cached)


def test_a_redeploy_is_served_whole_and_works(browser: Browser, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    site = tmp_path / "site"
    first = build_site(site, content=content)
    assert first.returncode == 0, first.log
    context = browser.new_context()
    page = context.new_page()
    with serve(site) as base:
        page.goto(base + "assessments/check-in/")
        wait_for_offline_ready(page)
        old_package = package_of(page)

        # The new deploy changes a question, and so the compiled package.
        check_in = content / "assessments" / "check-in.yaml"
        text = check_in.read_text()
        check_in.write_text(text.replace("hardest right now?", "hardest this week?"))
        second = build_site(site, content=content)
        assert second.returncode == 0, second.log

        requests: list[str] = []
        failures: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("response", lambda r: r.status >= 400 and failures.append(f"{r.status} {r.url}"))
        page.reload()
        assert "hardest this week?" in page.content()
        new_package = package_of(page)
        assert new_package != old_package
        take_check_in(page)
        # The new service worker installs and drops the old deploy's cache.
        for _ in range(300):
            names = page.evaluate("() => caches.keys()")
            if len([name for name in names if name.startswith("closer-site-")]) == 1:
                break
            page.wait_for_timeout(100)
        else:
            raise AssertionError(f"old caches were kept: {names}")
        served = {urlsplit(url).path.lstrip("/") for url in requests if url.startswith(base)}
        packages = {m.group(0) for p in served if (m := re.search(r"py/package-[0-9a-f]+", p))}
        assert packages == {new_package.strip("./")}, packages  # the new package, alone
        assert all((site / p).exists() or (site / p / "index.html").exists() for p in served if p)
    context.close()
    assert failures == []
