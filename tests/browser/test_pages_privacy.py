"""Every page in a real browser: nothing requested from another origin, nothing
refused by the page's own policy, nothing missing."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Browser

from tests.browser.origins import origin_of
from tests.conftest import Build
from tests.website.pages import html_pages


def test_no_page_requests_anything_from_another_origin(
    browser: Browser, site: Build, site_url: str
) -> None:
    origin = urlsplit(site_url).netloc
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    failures: list[str] = []
    refusals: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and failures.append(f"{response.status} {response.url}")
        ),
    )
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and refusals.append(message.text),
    )
    paths = [
        p.path.removesuffix("index.html") for p in html_pages(site.output) if p.path != "404.html"
    ]
    for path in paths:
        page.goto(site_url + path, wait_until="load")
    context.close()

    assert len(requests) >= len(paths)
    # A data: URL carries its content inline; it is no request to anyone.
    other_origins = [
        url for url in requests if not url.startswith("data:") and origin_of(url) != origin
    ]
    assert other_origins == []
    assert failures == []
    assert refusals == []


def test_no_page_sets_a_cookie_or_uses_storage(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    for path in ("", "guides/", "guides/what-connection-is/", "privacy/"):
        page.goto(site_url + path)
    state = context.storage_state()
    context.close()
    assert state["cookies"] == []
    assert all(not origin.get("localStorage") for origin in state["origins"])
