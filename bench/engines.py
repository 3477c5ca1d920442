"""Scoring ready in each engine: Chromium, Firefox and WebKit, cold, on loopback.

The same visit in each, through the browser tests' drivers
(tests/browser/engines.py): a fresh profile opens the guide with an embedded
quiz (which starts nothing until the reader touches it), the reader touches
the quiz, and the page's own clock measures from that touch to "scoring
ready". The assessment pages start scoring before any touch, so they cannot
time it the same way in every engine. An engine that is not installed is
reported as not measured.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from tests.browser import chromium
from tests.browser.engines import (
    ENGINES,
    FIREFOX,
    ChromiumSession,
    FirefoxDriver,
    FirefoxSession,
    Session,
    WebKitSession,
    missing,
    poll,
    xvfb_display,
)

from .browsing import pages_of
from .server import serve
from .stats import median

Log = Callable[[str], None]

# Installed once the page has loaded: the time of the reader's first touch of
# the quiz, and of the status turning "ready" (the page's own clock).
CLOCK = """
(() => {
  const form = document.querySelector("form.assessment-form");
  const status = form.querySelector("[data-role=status]");
  const clock = (window.__clock = { touch: null, ready: null, failed: false });
  form.addEventListener("pointerdown", () => { clock.touch ??= performance.now(); },
    { capture: true });
  new MutationObserver(() => {
    if (status.dataset.state === "ready") clock.ready ??= performance.now();
    if (status.dataset.state === "failed") clock.failed = true;
  }).observe(status, { attributes: true, attributeFilter: ["data-state"] });
  return true;
})()
"""


def visit(session: Session, url: str) -> float:
    """Milliseconds from the first touch to scoring ready."""
    session.goto(url)
    assert session.evaluate(CLOCK) is True
    session.click("form.assessment-form [data-question] label")
    clock = poll(session, "(window.__clock.ready || window.__clock.failed) && window.__clock")
    assert not clock["failed"], "scoring failed to start"
    return float(clock["ready"] - clock["touch"])


@contextlib.contextmanager
def opener(engine: str) -> Iterator[tuple[str, Callable[[], Session]]]:
    """(version, a function opening a fresh session) for one engine."""
    if engine == "chromium":
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium.EXECUTABLE, args=chromium.ARGS
            )
            try:
                yield browser.version, lambda: ChromiumSession(browser)
            finally:
                browser.close()
    elif engine == "firefox":
        assert FIREFOX
        driver = FirefoxDriver(FIREFOX)
        try:
            yield str(driver.version).removeprefix("firefox/"), lambda: FirefoxSession(driver)
        finally:
            driver.close()
    else:
        with xvfb_display() as display:
            probe = WebKitSession(display)
            version = str(probe.driver.capabilities.get("browserVersion", "?"))
            probe.close()
            yield version, lambda: WebKitSession(display)


def run(site: Path, reps: int, log: Log) -> dict[str, Any]:
    """{engine: {"version", "ready_ms" (median), "runs"} or {"not_measured": why}}."""
    quiz_guide = pages_of(site).quiz_guide
    results: dict[str, Any] = {}
    if quiz_guide is None:
        return {engine: {"not_measured": "no guide embeds a quiz"} for engine in ENGINES}
    with serve(site) as server:
        for engine in ENGINES:
            reason = missing(engine)
            if reason:
                results[engine] = {"not_measured": reason}
                log(f"  {engine}: not measured ({reason})")
                continue
            runs = []
            with opener(engine) as (version, open_session):
                for _ in range(reps):
                    session = open_session()
                    try:
                        runs.append(visit(session, server.base_url + quiz_guide))
                    finally:
                        session.close()
                    log(f"  {engine} {version}: scoring ready {runs[-1]:.0f} ms after the touch")
            results[engine] = {"version": version, "ready_ms": median(runs), "runs": runs}
    return results
