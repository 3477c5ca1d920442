"""The wait for scoring, shown where the reader looks: a reader who asks for
results before the engine is in sees the button working and the real bytes
arriving beside it; a reader saving data is told the size before anything
downloads."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Request, expect

from tests.conftest import Build

GUIDE = "practices/repair-after-conflict/"
FORM = "#quiz1-assessment-form"


def slow_network(page: Page) -> None:
    """About 1.5 MB/s: the download takes seconds, long enough to watch."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 40,
            "downloadThroughput": 1_500_000,
            "uploadThroughput": 500_000,
        },
    )


def answer_the_repair_quiz(page: Page) -> None:
    page.click("label[for='quiz1-break-pause']")
    page.click("label[for='quiz1-during-rehearse']")
    page.click("label[for='quiz1-back-i']")


def test_a_reader_who_asks_early_sees_the_button_working_and_the_bytes_arriving(
    browser: Browser, site_url: str
) -> None:
    page = browser.new_page()
    slow_network(page)
    page.goto(f"{site_url}{GUIDE}")
    answer_the_repair_quiz(page)
    button = page.locator(f"{FORM} [data-role=submit]")
    button.click()
    # At once, beside the button: it is busy, and a bar counts the download.
    expect(button).to_have_attribute("aria-busy", "true")
    expect(button).to_have_attribute("aria-disabled", "true")
    expect(button).to_have_text("Working out your results…")
    bar = page.locator("#quiz1-scoring-progress")
    expect(bar).to_be_visible()
    status = page.locator("#quiz1-scoring-status")
    expect(status).to_contain_text(
        re.compile(r"Downloading the private scoring engine \(\d+\.\d MB")
    )
    expect(status).to_contain_text(re.compile(r": [1-9]\d*%"), timeout=60_000)
    received, total = bar.evaluate("bar => [bar.value, bar.max]")
    assert 0 < received < total
    assert "a moment" not in status.inner_text()
    button.click()  # a second press while working: ignored
    page.wait_for_selector("#quiz1-results:not([hidden])", timeout=120_000)
    assert "You got 2 of 3 right" in page.locator("#quiz1-results").inner_text()
    expect(button).to_have_text("See my results")
    assert button.get_attribute("aria-busy") is None
    expect(bar).to_be_hidden()
    assert page.locator("#quiz1-results [data-correct]").count() == 3
    page.close()


def test_the_contract_holds_the_sizes_of_what_the_worker_downloads(site: Build) -> None:
    html = (site.output / GUIDE / "index.html").read_text(encoding="utf-8")
    contract = json.loads(
        re.search(r"data-contract='([^']*)'", html).group(1).replace("&#34;", '"')
    )
    runtime = site.output / contract["runtime"].replace("../", "", 2)
    assert contract["stdlib"] in contract["sizes"]
    for name in contract["runtimeFiles"]:
        assert contract["sizes"][name] == (runtime / name).stat().st_size
    assert 0 < sum(contract["wireSizes"].values()) < sum(contract["sizes"].values())


def test_a_reader_saving_data_is_told_the_size_before_anything_downloads(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(navigator, 'connection', {value: {saveData: true}})"
    )
    page = context.new_page()
    requests: list[Request] = []
    context.on("request", lambda request: requests.append(request))
    page.goto(f"{site_url}{GUIDE}", wait_until="networkidle")
    status = page.locator("#quiz1-scoring-status")
    expect(status).to_contain_text(re.compile(r"one-time download of \d+\.\d MB"))
    answer_the_repair_quiz(page)  # touching the form downloads nothing yet
    assert not [r.url for r in requests if "/py/" in urlsplit(r.url).path]
    assert page.workers == []
    page.locator(f"{FORM} [data-role=submit]").click()
    page.wait_for_selector("#quiz1-results:not([hidden])", timeout=120_000)
    assert [r.url for r in requests if "/py/" in urlsplit(r.url).path]
    context.close()
