"""Accessibility in Chromium: axe-core on the main kinds of page and on a result,
and an assessment completed with the keyboard alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.reader import RESULTS, see_results
from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "",
    "guides/what-connection-is/",
    "practices/fifteen-micro-connections/",
    "assessments/",
    "assessments/check-in/",
    "assessments/connection-check/",
    "assessments/connection-style/",
    "assessments/rope-tally/",
    "privacy/",
]


@pytest.fixture
def axe_context(browser: Browser) -> Iterator[BrowserContext]:
    # axe is injected as a script the page's own policy would refuse.
    context = browser.new_context(bypass_csp=True)
    yield context
    context.close()


def serious_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact,"
        " targets: v.nodes.map(n => n.target.join(' '))})))"
    )
    return [
        f"{v['id']} ({v['impact']}): {', '.join(v['targets'][:3])}"
        for v in result
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_violation(
    axe_context: BrowserContext, site_url: str, path: str, scheme: str
) -> None:
    page = axe_context.new_page()
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + path)
    assert serious_violations(page) == []


def test_axe_finds_no_serious_violation_in_a_result(
    axe_context: BrowserContext, site_url: str
) -> None:
    page = axe_context.new_page()
    page.goto(f"{site_url}assessments/connection-style/")
    for fieldset in page.locator("fieldset.question").all():
        fieldset.locator("label").first.click()
    see_results(page)
    assert serious_violations(page) == []


def test_an_assessment_can_be_completed_with_the_keyboard_alone(
    browser: Browser, site_url: str
) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}assessments/check-in/")
    for _ in range(40):  # from the top of the page, Tab until the first answer
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "now":
            break
    for name in ("now", "hardest", "deepen"):
        assert page.evaluate("document.activeElement.name") == name
        page.keyboard.press("ArrowDown")  # moves to the next choice and selects it
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_selector(RESULTS, timeout=60_000)
    assert page.evaluate("document.activeElement.id") == "results-title"
    assert page.locator("[data-feedback]").count() == 3
    page.close()
