"""Faults on the reader's page, in Chromium: each is told in a reader's words
within seconds, with the answers kept, and never as a URL or a raw exception.
Each test serves a copy of the built site with one part broken."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Worker, expect

from tests.browser.serve import serve
from tests.conftest import Build
from tests.pyodide.engines import package_dir, runtime_dir

CHECK_IN = "assessments/check-in/"
GUIDE = "practices/repair-after-conflict/"
# Far below the page's own time limit for a runtime that never answers (120 s),
# far above the few seconds a good runtime takes to fail or start here.
AT_ONCE_MS = 30_000
DOWNLOAD_FAILED = "Part of the scoring engine could not be downloaded."
# What no reader should be shown.
RAW = re.compile(r"https?:|127\.0\.0\.1|/py/|\.m?js\b|\.wasm|Error|Failed to|import", re.I)


@pytest.fixture
def broken_site(site: Build, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(site.output, copy)
    return copy


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def answer_check_in(page: Page) -> None:
    page.locator("label[for='q-now-drifting']").click()
    page.locator("label[for='q-hardest-time']").click()
    page.locator("input[name=deepen]").first.check()


def ask_until_alert(page: Page, base: str) -> tuple[str, float]:
    """Take the check-in and ask for results; the alert's text and the seconds it took."""
    page.goto(base + CHECK_IN)
    answer_check_in(page)
    started = time.monotonic()
    page.get_by_role("button", name="See my results").click()
    alert = page.locator("#form-alert")
    alert.locator("button").wait_for(timeout=AT_ONCE_MS)  # "Try again"
    return alert.inner_text(), time.monotonic() - started


def answers_kept(page: Page) -> bool:
    return (
        page.locator("#q-now-drifting").is_checked()
        and page.locator("#q-hardest-time").is_checked()
    )


@pytest.mark.parametrize("damage", ["truncated", "not WebAssembly"])
def test_a_runtime_that_does_not_compile_fails_at_once_with_the_answers_kept(
    page: Page, broken_site: Path, damage: str
) -> None:
    wasm = runtime_dir(broken_site) / "pyodide.asm.wasm"
    data = wasm.read_bytes()
    # Half the file (a download cut short), or a host's error page in its place.
    wasm.write_bytes(data[: len(data) // 2] if damage == "truncated" else b"<!doctype html>" * 100)
    with serve(broken_site) as base:
        text, seconds = ask_until_alert(page, base)
    assert "Your results could not be worked out" in text
    assert DOWNLOAD_FAILED in text and "Your answers are still here" in text
    assert not RAW.search(text), text
    assert answers_kept(page) and page.locator("#results").is_hidden()
    assert seconds < AT_ONCE_MS / 1000
    print(f"{damage} wasm: failed after {seconds:.1f} s")


@pytest.mark.parametrize(
    "missing", ["scoring-worker", "pyodide.mjs", "pyodide.asm.js", "the package"]
)
def test_every_load_failure_is_told_in_reader_words(
    page: Page, broken_site: Path, missing: str
) -> None:
    if missing == "the package":
        for wheel in package_dir(broken_site).glob("*.whl"):
            wheel.unlink()
    elif missing == "scoring-worker":
        static_file(broken_site, missing).unlink()
    else:
        (runtime_dir(broken_site) / missing).unlink()
    with serve(broken_site) as base:
        text, _ = ask_until_alert(page, base)
    assert text.startswith("Your results could not be worked out."), text
    assert not RAW.search(text), text
    assert answers_kept(page)


def static_file(site: Path, name: str) -> Path:
    (path,) = (site / "theme" / "assessments").glob(f"{name}.*.js")
    return path


@pytest.mark.parametrize("missing", ["results", "policy", "assessment"])
def test_a_page_script_that_cannot_be_had_leaves_a_message_not_a_dead_button(
    page: Page, broken_site: Path, missing: str
) -> None:
    static_file(broken_site, missing).unlink()
    with serve(broken_site) as base:
        page.goto(base + CHECK_IN)
        status = page.locator("#scoring-status")
        expect(status).to_contain_text("Part of this page did not load")
        answer_check_in(page)
        page.get_by_role("button", name="See my results").click()
        alert = page.locator("#form-alert")
        expect(alert).to_be_visible()
        expect(alert).to_contain_text("your results cannot be worked out here")
        expect(alert).to_be_focused()
    assert answers_kept(page)
    assert page.url == base + CHECK_IN  # no navigation, nothing in a URL


def test_a_whole_page_does_not_show_the_missing_script_message(page: Page, site_url: str) -> None:
    """The control: with every script in place the page is wired, and says nothing of the kind."""
    page.goto(site_url + CHECK_IN)
    page.wait_for_load_state("load")
    expect(page.locator("body.js")).to_have_count(1)
    assert "did not load" not in page.locator("#scoring-status").inner_text()
    answer_check_in(page)
    page.get_by_role("button", name="See my results").click()
    page.wait_for_selector("#results:not([hidden])", timeout=60_000)


def test_a_number_too_long_for_the_engine_gets_the_questions_own_message(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "assessments/rope-tally/")
    page.locator("label[for='q-period-day']").click()
    # Beyond 1.8e308: the box shows the digits, but its value is empty (not a number).
    page.fill("#q-positives-input", "9" * 400)
    page.fill("#q-negatives-input", "12345678901234567890")  # a float, 12345678901234567000
    expect(page.locator("#form-progress")).to_have_text(re.compile(r"^3 of \d+ answered$"))
    page.get_by_role("button", name="See my results").click()
    alert = page.locator("#form-alert")
    expect(alert).to_contain_text(
        '"How many moments added threads to your rope?" needs a whole number from 0 to 500.',
        timeout=60_000,
    )
    assert "needs an answer" not in alert.inner_text()
    # Still in the box as typed (its value is empty: the browser cannot read it as a number).
    assert page.locator("#q-positives-input").evaluate("input => input.validity.badInput")
    page.fill("#q-positives-input", "10")
    page.get_by_role("button", name="See my results").click()
    expect(alert).to_contain_text('"How many moments took threads away?" needs a whole number')


# Holds what the scoring worker posts to the page (replies, and stage reports)
# while window.hold is true, and can report a failure as the worker would:
# the reader's timing, made exact. A terminated worker's held messages go with
# it, as a real worker's would. <html data-held> counts what is held.
HOLD_WORKER_MESSAGES = """
(() => {
  const Original = window.Worker;
  let held = [];
  let handler = null;
  const count = () => { document.documentElement.dataset.held = String(held.length); };
  window.hold = false;
  window.Worker = class extends Original {
    set onmessage(next) {
      handler = next;
      super.onmessage = (event) => {
        const data = event.data || {};
        if (!window.hold || (data.id === undefined && data.type !== "stage")) return next(event);
        held.push({ worker: this, event });
        count();
      };
    }
    get onmessage() { return handler; }
    terminate() {
      held = held.filter((entry) => entry.worker !== this);
      count();
      super.terminate();
    }
  };
  window.releaseHeld = () => {
    window.hold = false;
    for (const { event } of held.splice(0)) handler(event);
    count();
  };
  window.workerFails = () => handler({ data: { type: "stage", stage: "failed", detail: "" } });
})();
"""


def held_page(browser: Browser) -> tuple[Page, list[Worker]]:
    """A page whose worker messages can be held, and the workers it starts."""
    context = browser.new_context()
    context.add_init_script(HOLD_WORKER_MESSAGES)
    page = context.new_page()
    started: list[Worker] = []
    page.on("worker", lambda worker: started.append(worker))
    return page, started


def answer_the_repair_quiz(page: Page) -> None:
    for label in ("quiz1-break-pause", "quiz1-during-rehearse", "quiz1-back-i"):
        page.click(f"label[for='{label}']")


def start_over_and_see_the_worker_go(page: Page, started: list[Worker]) -> None:
    with started[-1].expect_event("close", timeout=10_000):
        page.click("#quiz1-results [data-action=restart]")
        page.click("#quiz1-results [data-action=confirm-restart]")


def assert_cleared_and_quiet(page: Page, started: list[Worker]) -> None:
    """Start over has cleared everything and says nothing more, and no
    download starts again until the reader asks."""
    workers = len(started)
    assert page.locator("#quiz1-assessment-form input:checked").count() == 0
    assert page.locator("#quiz1-results").is_hidden()
    page.evaluate("window.releaseHeld()")  # what the worker had still to say
    # Give the page a frame and a task to act on anything still queued.
    page.evaluate("new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))")
    assert page.locator("#quiz1-form-alert").is_hidden()
    assert page.locator("#quiz1-scoring-status").inner_text() == ""
    assert page.locator("#quiz1-scoring-status").get_attribute("data-state") == "idle"
    button = page.locator("#quiz1-assessment-form [data-role=submit]")
    expect(button).to_have_text("See my results")
    assert button.get_attribute("aria-busy") is None
    assert len(started) == workers


def test_start_over_while_results_are_being_worked_out_clears_and_stops(
    browser: Browser, site_url: str
) -> None:
    page, started = held_page(browser)
    page.goto(site_url + GUIDE)
    answer_the_repair_quiz(page)
    page.click("#quiz1-assessment-form [data-role=submit]")
    page.wait_for_selector("#quiz1-results:not([hidden])", timeout=60_000)
    page.click("label[for='quiz1-break-win']")  # the result is out of date
    page.evaluate("window.hold = true")
    page.get_by_role("button", name="Update my results").click()
    expect(page.locator("html[data-held='1']")).to_have_count(1)  # the reply: still working
    start_over_and_see_the_worker_go(page, started)
    assert_cleared_and_quiet(page, started)
    page.context.close()


def test_start_over_while_scoring_loads_again_clears_stops_and_keeps_quiet(
    browser: Browser, site_url: str
) -> None:
    page, started = held_page(browser)
    page.goto(site_url + GUIDE)
    answer_the_repair_quiz(page)
    page.click("#quiz1-assessment-form [data-role=submit]")
    page.wait_for_selector("#quiz1-results:not([hidden])", timeout=60_000)
    # The worker fails after the result (a browser may end it); the reader
    # asks again, then tries again: scoring loads anew beside the old result.
    page.evaluate("window.workerFails()")
    page.click("label[for='quiz1-break-win']")
    page.get_by_role("button", name="Update my results").click()
    alert = page.locator("#quiz1-form-alert")
    expect(alert).to_contain_text("Your answers are still here")
    page.evaluate("window.hold = true")  # "ready" will wait
    alert.get_by_role("button", name="Try again").click()
    expect(page.locator("#quiz1-scoring-status")).to_have_attribute("data-state", "loading")
    start_over_and_see_the_worker_go(page, started)
    assert_cleared_and_quiet(page, started)
    page.context.close()
