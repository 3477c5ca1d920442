"""A reader takes every assessment in Chromium: the results shown are the CPython
engine's, and nothing the reader answers leaves the page."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request

from tests.browser.answers import (
    expected_result,
    mismatches,
    reader_answers,
    shown_result_script,
)
from tests.browser.origins import origin_of
from tests.browser.reader import answer_all, see_results
from tests.browser.serve import serve
from tests.conftest import Build
from tests.pyodide.engines import package_dir, runtime_dir

ASSESSMENTS = ["check-in", "connection-check", "connection-style", "rope-tally"]
KNOWLEDGE_CHECKS = ["micro-connections-quiz", "repair-quiz"]


def test_every_assessment_and_knowledge_check_is_taken_below(catalog: dict[str, Any]) -> None:
    """The cut standard library must serve them all: none may go untested."""
    assert sorted(catalog) == sorted(ASSESSMENTS + KNOWLEDGE_CHECKS)


@pytest.mark.parametrize("assessment", ASSESSMENTS)
def test_a_reader_sees_the_engines_result_for_their_answers(
    browser: Browser,
    site: Build,
    site_url: str,
    catalog: dict[str, Any],
    assessment: str,
    tmp_path: Path,
) -> None:
    questions, answers, expected = expected_result(
        site.output, tmp_path, catalog, assessment, seed=len(assessment)
    )
    page = browser.new_page()
    page.goto(f"{site_url}assessments/{assessment}/")
    answer_all(page, questions, answers)
    see_results(page)

    shown = page.evaluate(f"() => {shown_result_script('form.assessment-form')}")
    assert mismatches(shown, expected) == []
    page.close()


def page_embedding(site: Build, quiz: str) -> str:
    """The path of the first page that embeds `quiz` (knowledge checks have no page)."""
    marker = f'data-assessment="{quiz}"'
    for path in sorted(site.output.rglob("index.html")):
        if marker in path.read_text(encoding="utf-8"):
            return path.parent.relative_to(site.output).as_posix() + "/"
    raise AssertionError(f"no page embeds {quiz}")


@pytest.mark.parametrize("quiz", KNOWLEDGE_CHECKS)
def test_a_reader_sees_the_engines_marks_for_a_knowledge_check(
    browser: Browser,
    site: Build,
    site_url: str,
    catalog: dict[str, Any],
    quiz: str,
    tmp_path: Path,
) -> None:
    questions, answers, result = expected_result(
        site.output, tmp_path, catalog, quiz, seed=len(quiz)
    )
    expected = result["quiz"]
    page = browser.new_page()
    page.goto(f"{site_url}{page_embedding(site, quiz)}")
    form = page.locator(f"form[data-assessment='{quiz}']")
    prefix = form.get_attribute("data-prefix") or ""
    answer_all(page, questions, answers, prefix)
    form.get_by_role("button", name="See my results").click()
    results = page.locator(f"#{prefix}results:not([hidden])")
    results.wait_for(timeout=60_000)
    assert f"You got {expected['correct']} of {expected['total']} right" in results.inner_text()
    marks = results.locator("[data-correct]").evaluate_all("els => els.map(e => e.dataset.correct)")
    assert marks == [str(mark["correct"]).lower() for mark in expected["questions"]]
    page.close()


def test_no_request_carries_an_answer_or_goes_elsewhere(
    browser: Browser, site: Build, site_url: str, catalog: dict[str, Any]
) -> None:
    context = browser.new_context()
    page = context.new_page()
    requests: list[Request] = []
    context.on("request", lambda request: requests.append(request))
    page.goto(f"{site_url}assessments/connection-style/", wait_until="networkidle")
    first_answer_at = len(requests)
    questions = catalog["connection-style"]["questions"]
    answers = reader_answers(questions, seed=7)
    answer_all(page, questions, answers)
    see_results(page)
    page.get_by_role("button", name="Start over").click()
    page.get_by_role("button", name="Clear my answers").click()
    context.close()

    origin = urlsplit(site_url).netloc
    for request in requests:
        parts = urlsplit(request.url)
        assert origin_of(request.url) == origin, request.url
        if parts.scheme == "blob":
            continue
        assert request.method in ("GET", "HEAD") and request.post_data is None, request.url
        assert parts.query == "" and parts.fragment == "", request.url
        served = site.output / parts.path.lstrip("/")
        assert served.is_file() or (served / "index.html").is_file(), request.url
        headers = json.dumps(request.headers)
        assert "cookie" not in {name.lower() for name in request.headers}
        for value in answers.values():
            assert json.dumps(value) not in headers
    later = [r for r in requests[first_answer_at:] if not r.url.startswith("blob:")]
    # The page and its scoring worker fetch only the runtime and the package
    # (on an assessment's page, usually all done before the first answer)...
    runtime = {"/" + p.relative_to(site.output).as_posix() for p in (site.output / "py").rglob("*")}
    worker = next((site.output / "theme" / "assessments").glob("scoring-worker.*.js")).name
    page_fetches = {urlsplit(r.url).path for r in later if r.service_worker is None}
    assert page_fetches <= {f"/theme/assessments/{worker}", "/sw.js", *runtime}
    # ...and the service worker, started then, only the files its build listed.
    listed = (site.output / "sw.js").read_text()
    for request in later:
        path = urlsplit(request.url).path.lstrip("/")
        if request.service_worker is not None and path != "sw.js":
            assert f'"{path}"' in listed, request.url


def test_on_its_own_page_scoring_is_ready_before_the_first_answer(
    browser: Browser, site_url: str
) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}assessments/check-in/")
    # Nothing touched: the form on screen is enough to start loading. (The
    # site's safety notice puts it just below a 720 px fold: scrolled to, as
    # a reader scrolls, without focusing or tapping anything.)
    page.mouse.wheel(0, 400)
    page.wait_for_selector("#scoring-status[data-state='ready']", timeout=60_000)
    assert page.evaluate("document.activeElement === document.body")
    assert len(page.workers) == 1
    page.close()


def test_the_scoring_worker_cannot_reach_another_origin(
    browser: Browser, site: Build, site_url: str, tmp_path: Path
) -> None:
    (tmp_path / "probe.txt").write_text("reached")
    with serve(tmp_path) as elsewhere:
        hits: list[str] = []
        page = browser.new_page()
        page.on("request", lambda request: hits.append(request.url))
        page.goto(f"{site_url}assessments/check-in/")
        page.locator("label[for='q-now-close']").click()  # engaging starts the worker
        page.wait_for_selector("#scoring-status[data-state='ready']", timeout=60_000)
        (worker,) = page.workers
        outcome = worker.evaluate(
            "url => fetch(url).then(r => r.text(), e => 'blocked: ' + e.name)",
            elsewhere + "probe.txt",
        )
        page.close()
    assert outcome.startswith("blocked")
    assert all(not hit.startswith(elsewhere) for hit in hits)


@pytest.mark.parametrize("action", ["enter", "button"])
def test_without_javascript_the_form_sends_nothing(
    browser: Browser, site_url: str, action: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}assessments/rope-tally/", wait_until="networkidle")
    requests: list[Request] = []
    refusals: list[str] = []
    page.on("request", lambda request: requests.append(request))
    page.on("console", lambda message: refusals.append(message.text))
    page.click("label[for='q-period-day']")
    page.fill("#q-positives-input", "12")
    # A blocked submission is a navigation that never happens: wait for the
    # browser's refusal instead.
    with page.expect_console_message(lambda message: "form-action 'none'" in message.text):
        if action == "enter":
            page.press("#q-positives-input", "Enter", no_wait_after=True)
        else:
            page.get_by_role("button", name="See my results").click(no_wait_after=True)
    # No submission: no navigation, nothing but GETs, nothing in a query. (The
    # browser may still fetch the page's icon on its own; that carries nothing.)
    sent = [
        r.url
        for r in requests
        if r.is_navigation_request() or r.method != "GET" or urlsplit(r.url).query
    ]
    assert sent == []
    assert urlsplit(page.url).query == ""
    assert any("form-action 'none'" in text for text in refusals)
    assert "needs JavaScript" in page.locator("noscript").inner_text()
    context.close()


@pytest.fixture
def broken_site(site: Build, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(site.output, copy)
    return copy


def take_until_failure(browser: Browser, root: Path) -> Page:
    with serve(root) as base:
        page = browser.new_page()
        page.goto(f"{base}assessments/check-in/")
        page.locator("label[for='q-now-drifting']").click()
        page.locator("label[for='q-hardest-time']").click()
        page.locator("input[name=deepen]").first.check()
        page.get_by_role("button", name="See my results").click()
        page.wait_for_selector("#form-alert:not([hidden])", timeout=60_000)
        page.wait_for_selector("#form-alert button", timeout=5_000)
        return page


def test_a_missing_runtime_shows_a_clear_message_and_keeps_the_answers(
    browser: Browser, broken_site: Path
) -> None:
    (runtime_dir(broken_site) / "pyodide.asm.wasm").unlink()
    page = take_until_failure(browser, broken_site)
    assert "could not be worked out" in page.locator("#form-alert").inner_text()
    assert "Your answers are still here" in page.locator("#form-alert").inner_text()
    assert page.locator("#q-now-drifting").is_checked()
    assert page.locator("#q-hardest-time").is_checked()
    assert page.locator("#results").is_hidden()
    page.close()


def test_a_package_failing_its_integrity_check_shows_the_failure(
    browser: Browser, broken_site: Path
) -> None:
    lockfile = package_dir(broken_site) / "pyodide-lock.json"
    data = json.loads(lockfile.read_text())
    for package in data["packages"].values():
        package["sha256"] = "0" * 64
    lockfile.write_text(json.dumps(data))
    page = take_until_failure(browser, broken_site)
    assert "integrity check" in page.locator("#form-alert").inner_text()
    assert page.locator("#q-now-drifting").is_checked()
    page.close()


def test_start_over_asks_first_then_clears_answers_results_and_the_worker(
    browser: Browser, site_url: str
) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}assessments/check-in/")
    page.locator("label[for='q-now-tense']").click()
    page.locator("label[for='q-hardest-time']").click()
    page.locator("input[name=deepen]").first.check()
    see_results(page)
    page.get_by_role("button", name="Start over").click()
    # Nothing is cleared yet: the reader is asked, and "Keep them" has the focus.
    assert page.locator("#q-now-tense").is_checked()
    assert page.evaluate("document.activeElement.textContent") == "Keep them"
    page.get_by_role("button", name="Keep them").click()
    assert page.locator("#q-now-tense").is_checked()
    assert page.locator("#results").is_visible()
    (worker,) = page.workers
    page.get_by_role("button", name="Start over").click()
    with worker.expect_event("close", timeout=10_000):
        page.get_by_role("button", name="Clear my answers").click()
    assert page.locator("#results").is_hidden()
    assert page.locator("input:checked").count() == 0
    assert page.locator("#form-progress").inner_text() == "0 of 4 answered"
    page.close()


def test_a_result_says_when_an_answer_changed_and_updates_in_one_tap(
    browser: Browser, site_url: str
) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}assessments/check-in/")
    for label in ("q-now-tense", "q-hardest-time", "q-deepen-talks"):
        page.locator(f"label[for='{label}']").click()
    see_results(page)
    assert page.locator("[data-role=stale]").count() == 0
    assert page.locator("#scoring-status").inner_text() == ""  # no status beside a result
    page.locator("label[for='q-now-close']").click()
    stale = page.locator("#results [data-role=stale]")
    assert "out of date" in stale.inner_text()
    assert "That sounds hard" in page.locator("#results").inner_text()  # the old result, marked
    page.get_by_role("button", name="Update my results").click()
    page.locator("#results", has_text="lovely to hear").wait_for(timeout=30_000)
    assert page.locator("[data-role=stale]").count() == 0
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_printed_result_is_dark_on_light_with_the_site_title_and_date(
    browser: Browser, site_url: str, scheme: str
) -> None:
    page = browser.new_page(color_scheme=scheme)
    page.goto(f"{site_url}assessments/check-in/")
    for label in ("q-now-tense", "q-hardest-time", "q-deepen-talks"):
        page.locator(f"label[for='{label}']").click()
    see_results(page)
    page.emulate_media(media="print")
    line = page.locator(".results__print-line")
    assert line.is_visible()
    assert line.inner_text().startswith("Closer · A quick check-in · ")
    colours = page.locator("#results").evaluate(
        """results => [results, ...results.querySelectorAll('p, h2, h3, li')].map(el => {
            const style = getComputedStyle(el);
            return [style.color, getComputedStyle(results).backgroundColor];
        })"""
    )
    for color, background in colours:
        assert luminance(color) < 0.2, color  # dark text
        assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), background
    assert page.locator(".assessment-form").is_hidden()
    page.close()


def luminance(css_colour: str) -> float:
    """Relative luminance (WCAG) of an rgb()/rgba() colour."""
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", css_colour)[:3])

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def test_unanswered_questions_are_listed_with_links(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}assessments/check-in/")
    page.locator("label[for='q-now-tense']").click()
    page.get_by_role("button", name="See my results").click()
    alert = page.locator("#form-alert")
    assert "2 questions still need an answer" in alert.inner_text()
    assert alert.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))") == [
        "#q-hardest",
        "#q-deepen",
    ]
    assert page.locator("#q-now-tense").is_checked()
    page.close()


@pytest.mark.parametrize(
    "assessment", ["check-in", "connection-check", "connection-style", "rope-tally"]
)
def test_on_a_phone_the_first_screen_of_a_result_holds_its_headline_chart_and_next_step(
    browser: Browser, site_url: str, catalog: dict[str, Any], assessment: str
) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812}, reduced_motion="reduce")
    page.goto(f"{site_url}assessments/{assessment}/")
    answer_all(
        page,
        catalog[assessment]["questions"],
        reader_answers(catalog[assessment]["questions"], seed=7),
    )
    see_results(page)
    top = page.locator("#results-title").bounding_box()
    assert top is not None and 0 <= top["y"] < 200  # the heading was brought to the top
    screen_end = top["y"] + 812
    parts = ["[data-role=headline]", "#results [aria-labelledby=results-next] a"]
    if page.locator("#results .overview, #results .bar--target").count():
        parts.append("#results .overview, #results .bar--target")
    for selector in parts:
        box = page.locator(selector).first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= screen_end, selector
    page.close()


# Resolves once the page has stopped scrolling: the same scroll position over
# ten animation frames in a row.
SCROLL_SETTLED = """() => new Promise((resolve) => {
  let last = -1, still = 0;
  const step = () => {
    still = window.scrollY === last ? still + 1 : 0;
    last = window.scrollY;
    if (still >= 10) resolve(window.scrollY); else requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})"""


def test_with_smooth_scrolling_the_results_heading_ends_in_view_below_the_top_bar(
    browser: Browser, site_url: str, catalog: dict[str, Any]
) -> None:
    """Without reduced motion the page scrolls smoothly to the result, and
    scroll anchoring does not hold it: nothing above may change size after."""
    page = browser.new_page(viewport={"width": 375, "height": 812}, reduced_motion="no-preference")
    page.goto(f"{site_url}assessments/connection-check/")
    questions = catalog["connection-check"]["questions"]
    answer_all(page, questions, reader_answers(questions, seed=8))
    see_results(page)
    page.evaluate(SCROLL_SETTLED)
    heading = page.locator("#results-title").bounding_box()
    bar = page.locator(".quick-exit-bar").bounding_box()
    assert heading is not None and bar is not None
    assert bar["y"] + bar["height"] <= heading["y"] < 200
    page.close()
