"""Forms that fit a phone: the 0-10 scale as one row of eleven points
(arrow keys, end labels in each point's name, scored as the engine scores
it), Likert questions as one compact row, the count kept in view, and the
first question on the first screen."""

from __future__ import annotations

from playwright.sync_api import Browser

from tests.browser.reader import see_results


def test_the_scale_is_one_row_of_eleven_points_on_a_phone(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(f"{site_url}assessments/check-in/")
    points = page.locator("#q-closeness .rating__point")
    assert points.count() == 11
    tops = {
        round(box["y"])
        for box in points.evaluate_all("els => els.map(e => e.getBoundingClientRect())")
    }
    assert len(tops) == 1  # one row, even at 375 px
    widths = points.evaluate_all("els => els.map(e => e.getBoundingClientRect().width)")
    assert min(widths) >= 24  # each point wide enough to tap
    page.close()


def test_a_keyboard_reader_moves_along_the_scale_and_gets_its_score(
    browser: Browser, site_url: str
) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}assessments/check-in/")
    group = page.get_by_role("group", name="How close do you feel to your partner today?")
    ends = group.first
    assert ends.get_by_role("radio", name="0: Not close at all").count() == 1
    assert ends.get_by_role("radio", name="10: As close as I'd like").count() == 1
    page.locator("label[for='q-closeness-3']").click()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.locator("#q-closeness-5").is_checked()
    assert page.evaluate("document.activeElement.id") == "q-closeness-5"
    for label in ("q-now-close", "q-hardest-time", "q-deepen-talks"):
        page.locator(f"label[for='{label}']").click()
    see_results(page)
    closeness = page.locator("[data-dimension='closeness']")
    assert closeness.get_attribute("data-score") == "50"
    assert "Somewhere in between, 50 of 100" in closeness.inner_text()
    page.close()


def test_on_a_phone_a_likert_question_is_one_row_with_its_ends_labelled(
    browser: Browser, site_url: str
) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(f"{site_url}assessments/connection-check/")
    question = page.locator("#q-att1")
    boxes = question.locator(".choice label").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().top)"
    )
    assert len(boxes) == 5 and len({round(top) for top in boxes}) == 1
    shown = question.locator(".choice__text").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().width > 1)"
    )
    assert shown == [True, False, False, False, True]  # the two ends, in words
    # every point keeps its full name for a screen reader
    assert question.get_by_role("radio", name="Somewhat true").count() == 1
    page.close()


def test_a_long_form_keeps_its_count_and_section_in_view(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(f"{site_url}assessments/connection-check/")
    questions = page.locator("[data-question]")
    for index in range(7):
        questions.nth(index).locator("label").nth(2).click()
    tracker = page.locator("[data-role=tracker]")
    assert tracker.inner_text().split("\n") == ["7 of 20", "Talking openly"]
    box = tracker.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 812
    page.close()


def test_on_a_phone_the_first_question_is_on_the_first_screen(
    browser: Browser, site_url: str
) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812})
    for slug in ("check-in", "connection-check", "connection-style", "rope-tally"):
        page.goto(f"{site_url}assessments/{slug}/")
        first = page.locator("[data-question] .question__text").first.bounding_box()
        assert first is not None and first["y"] + first["height"] <= 812, slug
    page.close()
