"""The quick exit on every page, in Chromium: by pointer and by Escape twice,
the page is replaced by a neutral site and the Back button does not return to it.

No real network is used: the neutral site, and the page a reader came from,
are stubs served by Playwright's router."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from tests.conftest import Build
from tests.website.pages import html_pages

# Where a reader was before opening the site (a stub, never fetched).
BEFORE = "https://before.invalid/"
STUB = "<!doctype html><title>{title}</title><h1>{title}</h1>"


def site_paths(site: Build) -> list[str]:
    return [p.path.removesuffix("index.html") for p in html_pages(site.output)]


@pytest.fixture(scope="module")
def neutral_url(site: Build) -> str:
    """The quick exit's destination, as the built home page names it."""
    home = next(p for p in html_pages(site.output) if p.path == "index.html")
    link = home.soup.select_one("a[data-quick-exit]")
    assert link is not None
    url = link["href"]
    assert urlsplit(url).scheme == "https"
    return url


@pytest.fixture
def context(browser: Browser, neutral_url: str) -> Iterator[BrowserContext]:
    context = browser.new_context()
    neutral_origin = "{0.scheme}://{0.netloc}/".format(urlsplit(neutral_url))

    def stub(title: str):
        def fulfil(route: Route) -> None:
            route.fulfill(status=200, content_type="text/html", body=STUB.format(title=title))

        return fulfil

    context.route(re.compile("^" + re.escape(neutral_origin)), stub("Neutral"))
    context.route(re.compile("^" + re.escape(BEFORE)), stub("Before"))
    yield context
    context.close()


def open_from_elsewhere(context: BrowserContext, site_url: str, path: str) -> Page:
    """A tab that was on another site, then opened `path` on this one."""
    page = context.new_page()
    page.goto(BEFORE)
    page.goto(site_url + path, wait_until="load")
    assert page.locator("a[data-quick-exit]").is_visible(), path
    return page


def assert_replaced_and_back_skips_the_site(page: Page, neutral_url: str, length: int) -> None:
    page.wait_for_url(neutral_url, timeout=10_000)
    assert page.title() == "Neutral"
    # location.replace(): no new history entry, the site's own entry is gone.
    assert page.evaluate("history.length") == length
    page.go_back(wait_until="load")
    assert page.url == BEFORE


@pytest.mark.parametrize("how", ["pointer", "keyboard"])
def test_quick_exit_replaces_every_page_and_leaves_no_way_back(
    context: BrowserContext, site: Build, site_url: str, neutral_url: str, how: str
) -> None:
    for path in site_paths(site):
        if path == "404.html":
            continue  # served for missing addresses; its links are absolute (tested below)
        page = open_from_elsewhere(context, site_url, path)
        length = page.evaluate("history.length")
        if how == "pointer":
            page.get_by_role("link", name=re.compile("^Leave this site")).click()
        else:
            page.keyboard.press("Escape")
            page.keyboard.press("Escape")
        assert_replaced_and_back_skips_the_site(page, neutral_url, length)
        page.close()


def test_escape_twice_works_while_typing_in_a_form(
    context: BrowserContext, site_url: str, neutral_url: str
) -> None:
    page = open_from_elsewhere(context, site_url, "assessments/rope-tally/")
    page.locator("input[type=number]").first.focus()
    length = page.evaluate("history.length")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    assert_replaced_and_back_skips_the_site(page, neutral_url, length)


def test_one_escape_alone_does_not_leave(context: BrowserContext, site_url: str) -> None:
    page = open_from_elsewhere(context, site_url, "safety/")
    page.keyboard.press("Escape")
    page.wait_for_timeout(2000)
    page.keyboard.press("Escape")  # too late to count as a double press
    page.wait_for_timeout(300)
    assert page.url == site_url + "safety/"


def test_the_button_says_escape_works_only_when_it_does(
    browser: Browser, site_url: str, neutral_url: str
) -> None:
    hint = "[data-quick-exit-hint]"
    with_script = browser.new_context(viewport={"width": 1280, "height": 800})
    page = with_script.new_page()
    page.goto(site_url)
    assert page.locator(hint).is_visible()
    with_script.close()

    without_script = browser.new_context(java_script_enabled=False)
    without_script.route(
        re.compile("^" + re.escape(neutral_url)),
        lambda route: route.fulfill(status=200, content_type="text/html", body="<title>N</title>"),
    )
    page = without_script.new_page()
    page.goto(site_url + "guides/the-emotional-rope/")
    assert page.locator(hint).is_hidden()
    # Without JavaScript the button is a plain link to the same neutral site.
    page.get_by_role("link", name=re.compile("^Leave this site")).click()
    page.wait_for_url(neutral_url)
    without_script.close()


def test_the_quick_exit_stays_in_view_while_scrolling(browser: Browser, site_url: str) -> None:
    for width in (375, 1280):
        context = browser.new_context(viewport={"width": width, "height": 700})
        page = context.new_page()
        page.goto(site_url + "practices/repair-after-conflict/")
        page.mouse.wheel(0, 5000)
        page.wait_for_timeout(300)
        box = page.locator("a[data-quick-exit]").bounding_box()
        assert box is not None and 0 <= box["y"] < 100, (width, box)
        help_box = page.get_by_role("link", name="If you don't feel safe").first.bounding_box()
        assert help_box is not None and 0 <= help_box["y"] < 100, (width, help_box)
        context.close()


def test_the_quick_exit_is_among_the_first_stops_for_the_tab_key(
    context: BrowserContext, site_url: str, neutral_url: str
) -> None:
    page = open_from_elsewhere(context, site_url, "guides/the-emotional-rope/")
    length = page.evaluate("history.length")
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a[data-quick-exit]')"):
            break
    else:
        raise AssertionError("the quick exit is not within the first three Tab stops")
    page.keyboard.press("Enter")
    assert_replaced_and_back_skips_the_site(page, neutral_url, length)


def test_a_linked_heading_is_not_hidden_under_the_bar(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site_url)
    page.get_by_role("link", name="We just argued").click()
    page.wait_for_url("**/practices/repair-after-conflict/#during-the-break")
    page.wait_for_timeout(1000)  # smooth scrolling
    bar = page.locator(".quick-exit-bar").bounding_box()
    heading = page.locator("#during-the-break").bounding_box()
    context.close()
    assert bar is not None and heading is not None
    assert bar["y"] + bar["height"] <= heading["y"] < 400
