"""Browser fixtures: Debian's (or Playwright's) Chromium driving the built site,
and each of the three engines behind one interface (tests/browser/engines.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from tests.browser import chromium, engines
from tests.browser.engines import (
    ENGINES,
    FIREFOX,
    SKIPPED,
    ChromiumSession,
    FirefoxDriver,
    FirefoxSession,
    Session,
    WebKitSession,
    require,
    xvfb_display,
)
from tests.browser.serve import serve
from tests.conftest import Build
from tests.pyodide.engines import built_wheel, in_cpython


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """An engine that is not installed is one line in the summary, not one per test:
    its skips all carry the same place (pytest folds skips by place and reason)."""
    report = yield
    longrepr = report.longrepr
    if report.skipped and isinstance(longrepr, tuple) and SKIPPED in str(longrepr[2]):
        report.longrepr = (engines.__file__, 1, longrepr[2])
    return report


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


@pytest.fixture(scope="session")
def catalog(site: Build) -> dict[str, Any]:
    """Every assessment's questions and the answers they accept, from CPython."""
    return dict(in_cpython(built_wheel(site.output), "catalog"))


@pytest.fixture(scope="session")
def firefox_driver() -> Iterator[FirefoxDriver]:
    assert FIREFOX
    driver = FirefoxDriver(FIREFOX)
    yield driver
    driver.close()


@pytest.fixture(scope="session")
def xvfb() -> Iterator[str]:
    with xvfb_display() as display:
        yield display


# Session-scoped, so that pytest runs each engine's tests together.
@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    require(request.param)
    return str(request.param)


@pytest.fixture
def open_session(engine: str, request: pytest.FixtureRequest) -> Iterator[Callable[[], Session]]:
    """Opens a reader's session (a fresh profile) in the engine under test;
    all are closed after the test."""
    opened: list[Session] = []

    def open_session() -> Session:
        session: Session
        if engine == "chromium":
            session = ChromiumSession(request.getfixturevalue("browser"))
        elif engine == "firefox":
            session = FirefoxSession(request.getfixturevalue("firefox_driver"))
        else:
            session = WebKitSession(request.getfixturevalue("xvfb"))
        opened.append(session)
        return session

    yield open_session
    for session in opened:
        session.close()
