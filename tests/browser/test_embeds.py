"""Embedded quizzes in Chromium: results in place, no runtime bytes before the
reader engages, one worker for several quizzes, nothing sent anywhere."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Request

from tests.browser.origins import origin_of
from tests.browser.serve import serve
from tests.conftest import ROOT, build_site


def test_an_embedded_quiz_shows_its_result_in_place(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))
    page.goto(f"{site_url}guides/what-connection-is/", wait_until="networkidle")
    assert not [r.url for r in requests if "/py/" in r.url or "scoring-worker" in r.url]
    page.click("label[for='quiz1-now-drifting']")
    page.click("label[for='quiz1-hardest-time']")
    page.locator("input[name=deepen]").first.check()
    page.get_by_role("button", name="See my results").click()
    page.wait_for_selector("#quiz1-results:not([hidden])", timeout=60_000)
    assert page.evaluate("document.activeElement.id") == "quiz1-results-title"
    assert page.url.endswith("guides/what-connection-is/")
    assert page.locator("#quiz1-results [data-feedback]").count() == 3
    origin = urlsplit(site_url).netloc
    for request in requests:
        assert origin_of(request.url) == origin, request.url
        if request.url.startswith("blob:"):
            continue
        assert request.method in ("GET", "HEAD") and request.post_data is None
        assert urlsplit(request.url).query == ""
    page.close()


def test_a_knowledge_check_marks_each_answer(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}practices/repair-after-conflict/")
    page.click("label[for='quiz1-break-pause']")
    page.click("label[for='quiz1-during-rehearse']")
    page.click("label[for='quiz1-back-i']")
    page.get_by_role("button", name="See my results").click()
    page.wait_for_selector("#quiz1-results:not([hidden])", timeout=60_000)
    results = page.locator("#quiz1-results")
    assert "You got 2 of 3 right" in results.inner_text()
    marks = results.locator("[data-correct]").evaluate_all("els => els.map(e => e.dataset.correct)")
    assert marks == ["true", "false", "true"]
    assert "The answer: Slow breaths" in results.inner_text()
    page.close()


def test_two_quizzes_on_a_page_share_one_worker(browser: Browser, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    guide = content / "guides" / "common-mistakes.md"
    text = guide.read_text()
    guide.write_text(
        text.replace(
            "## One thing to try today",
            "[quiz: check-in]\n\n[quiz: repair-quiz]\n\n## One thing to try today",
            1,
        )
    )
    build = build_site(tmp_path / "out", content=content)
    assert build.returncode == 0, build.log
    with serve(build.output) as base:
        page = browser.new_page()
        page.goto(f"{base}guides/common-mistakes/")
        page.click("label[for='quiz1-now-close']")
        page.click("label[for='quiz2-break-pause']")
        page.wait_for_selector("#quiz1-scoring-status[data-state='ready']", timeout=60_000)
        assert page.locator("#quiz2-scoring-status").get_attribute("data-state") == "ready"
        assert len(page.workers) == 1
        page.click("label[for='quiz2-during-calm']")
        page.click("label[for='quiz2-back-i']")
        page.locator("#quiz2-assessment-form button[type=submit]").click()
        page.wait_for_selector("#quiz2-results:not([hidden])", timeout=60_000)
        assert "You got 3 of 3 right" in page.locator("#quiz2-results").inner_text()
        assert page.locator("#quiz1-results").is_hidden()
        assert len(page.workers) == 1

        # Starting over on one quiz leaves its sibling's answers, result and scoring be.
        page.click("label[for='quiz1-hardest-time']")
        page.click("label[for='quiz1-deepen-talks']")
        page.locator("#quiz1-assessment-form button[type=submit]").click()
        page.wait_for_selector("#quiz1-results:not([hidden])", timeout=60_000)
        page.locator("#quiz2-results [data-action=restart]").click()
        page.locator("#quiz2-results [data-action=confirm-restart]").click()
        assert page.locator("#quiz2-results").is_hidden()
        assert page.locator("#quiz1-results").is_visible()
        assert len(page.workers) == 1  # still scoring for the first quiz
        assert page.locator("#quiz1-now-close").is_checked()
        page.click("label[for='quiz1-now-drifting']")
        page.locator("#quiz1-assessment-form button[type=submit]").click()
        page.locator("#quiz1-results", has_text="Drifting is very common").wait_for(timeout=60_000)
        # Once no quiz needs it, the worker goes, and everything it was given with it.
        (worker,) = page.workers
        with worker.expect_event("close", timeout=10_000):
            page.locator("#quiz1-results [data-action=restart]").click()
            page.locator("#quiz1-results [data-action=confirm-restart]").click()
        assert page.locator("#quiz1-results").is_hidden()
        page.close()
