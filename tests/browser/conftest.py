"""Browser fixtures: Debian's (or Playwright's) Chromium driving the built site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from tests.browser import chromium
from tests.browser.serve import serve
from tests.conftest import Build


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=chromium.EXECUTABLE, args=chromium.ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def site_url(site: Build) -> Iterator[str]:
    with serve(site.output) as base:
        yield base
