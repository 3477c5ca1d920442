"""The three browser engines behind one small interface, so that each test of
tests/browser/test_engines.py is written once and run in Chromium, Firefox and
WebKit alike.

- Chromium: Playwright, with Debian's chromium (tests/browser/chromium.py);
- Firefox ESR: WebDriver BiDi, built into Firefox, through puppeteer-core
  (npm), driven from here by tests/browser/firefox.mjs (no geckodriver);
- WebKitGTK: its WebKitWebDriver with selenium; its MiniBrowser has no
  headless mode, so it runs on an Xvfb display of its own.

`make test` installs Firefox and WebKit as root on Debian or Ubuntu
(scripts/ensure-browsers.sh). Where one is missing its tests are skipped with
one line, unless REQUIRE_ALL_BROWSERS=1 asks for a failure instead.

A `Session` is one reader in a fresh profile: its own HTTP cache, storage and
service workers. Selectors are CSS; `evaluate` takes a JavaScript expression
(its promise awaited), run by the driver, not by the page (the pages' policy
refuses eval).
"""

from __future__ import annotations

import contextlib
import json
import os
import pty
import shutil
import socket
import subprocess
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import pytest

HERE = Path(__file__).parent
ENGINES = ["chromium", "firefox", "webkit"]
REQUIRE_ALL = os.environ.get("REQUIRE_ALL_BROWSERS") == "1"
WAIT_S = 120.0  # generous: WebKit starts Pyodide several times slower than Chromium

# $FIREFOX and $WEBKIT_WEBDRIVER choose other builds than the system's.
FIREFOX = shutil.which(os.environ.get("FIREFOX") or "firefox-esr")
WEBKIT_WEBDRIVER = shutil.which(os.environ.get("WEBKIT_WEBDRIVER") or "WebKitWebDriver")
XVFB = shutil.which("Xvfb")


def minibrowser() -> str | None:
    """WebKitGTK's MiniBrowser, which WebKitWebDriver starts (Debian keeps it
    beside the WebKit processes, outside PATH)."""
    for folder in sorted(Path("/usr/lib").glob("*/webkit2gtk-4.*")):
        if (folder / "MiniBrowser").is_file():
            return str(folder / "MiniBrowser")
    return shutil.which("MiniBrowser")


def missing(engine: str) -> str | None:
    """Why `engine` cannot run here, or None."""
    if engine == "firefox" and not FIREFOX:
        return "Firefox (firefox-esr) not found"
    if engine == "firefox" and not (HERE.parents[1] / "node_modules" / "puppeteer-core").is_dir():
        return "puppeteer-core not installed (npm ci)"
    if engine == "webkit" and not (WEBKIT_WEBDRIVER and minibrowser()):
        return "WebKitWebDriver or MiniBrowser (webkit2gtk-driver) not found"
    if engine == "webkit" and not XVFB:
        return "Xvfb (xvfb) not found"
    return None


SKIPPED = "engine not available: "


def require(engine: str) -> None:
    """Skip the engine's tests or, with REQUIRE_ALL_BROWSERS=1, fail them.
    (tests/browser/conftest.py reports all of one engine's skips as one line.)"""
    reason = missing(engine)
    if reason is None:
        return
    message = (
        f"{SKIPPED}{engine}: {reason}; `make test` installs it as root on Debian/Ubuntu "
        "(scripts/ensure-browsers.sh)"
    )
    if REQUIRE_ALL:
        pytest.fail(f"{message}, and REQUIRE_ALL_BROWSERS=1 asks for every engine")
    pytest.skip(message)


class Session(Protocol):
    engine: str

    def goto(self, url: str) -> None: ...
    def reload(self) -> None: ...
    def click(self, selector: str) -> None: ...
    def fill(self, selector: str, text: str) -> None: ...
    def evaluate(self, expression: str) -> Any: ...
    def wait_for(self, selector: str, timeout_s: float = WAIT_S) -> None: ...
    def console(self) -> list[str] | None:
        """The page's console (and its workers'), where the driver reports it."""
        ...

    def requested(self) -> list[str] | None:
        """Every URL the driver saw requested (page, workers), where it reports them."""
        ...

    def set_offline(self, offline: bool) -> bool:
        """Cut the network where the driver can; False where it cannot."""
        ...

    def close(self) -> None: ...


def poll(session: Session, expression: str, timeout_s: float = WAIT_S) -> Any:
    """Until `expression` is truthy in the page: waiting for a state, with a
    deadline (the pages' policy refuses the drivers' own string predicates)."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = session.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{session.engine}: never true: {expression}")
        time.sleep(0.05)


# ---- Chromium (Playwright) --------------------------------------------------


class ChromiumSession:
    engine = "chromium"

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.messages: list[str] = []
        self.urls: list[str] = []
        self.page.on("console", lambda message: self.messages.append(message.text))
        self.page.on("pageerror", lambda error: self.messages.append(f"uncaught: {error}"))
        self.context.on("request", lambda request: self.urls.append(request.url))

    def goto(self, url: str) -> None:
        self.page.goto(url)

    def reload(self) -> None:
        self.page.reload()

    def click(self, selector: str) -> None:
        self.page.click(selector)

    def fill(self, selector: str, text: str) -> None:
        self.page.fill(selector, text)

    def evaluate(self, expression: str) -> Any:
        return self.page.evaluate(f"async () => ({expression})")

    def wait_for(self, selector: str, timeout_s: float = WAIT_S) -> None:
        self.page.wait_for_selector(selector, timeout=timeout_s * 1000)

    def console(self) -> list[str] | None:
        return list(self.messages)

    def requested(self) -> list[str] | None:
        return list(self.urls)

    def set_offline(self, offline: bool) -> bool:
        self.context.set_offline(offline)
        return True

    def close(self) -> None:
        self.context.close()


# ---- Firefox (WebDriver BiDi through puppeteer-core) ------------------------


class FirefoxDriver:
    """One Firefox for the whole test run, behind tests/browser/firefox.mjs."""

    def __init__(self, executable: str) -> None:
        self.process = subprocess.Popen(
            ["node", str(HERE / "firefox.mjs"), executable],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=HERE.parents[1],
        )
        self.next_id = 0
        self.version = self.call("version")

    def call(self, op: str, **args: Any) -> Any:
        assert self.process.stdin and self.process.stdout
        self.next_id += 1
        self.process.stdin.write(json.dumps({"id": self.next_id, "op": op, "args": args}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("firefox.mjs stopped (see its output above)")
        answer = json.loads(line)
        if "error" in answer:
            raise AssertionError(f"firefox: {op} {args}: {answer['error']}")
        return answer["value"]

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class FirefoxSession:
    engine = "firefox"

    def __init__(self, driver: FirefoxDriver) -> None:
        self.driver = driver
        self.id = driver.call("open")

    def _call(self, op: str, **args: Any) -> Any:
        return self.driver.call(op, session=self.id, **args)

    def goto(self, url: str) -> None:
        self._call("goto", url=url)

    def reload(self) -> None:
        self._call("reload")

    def click(self, selector: str) -> None:
        self._call("click", selector=selector)

    def fill(self, selector: str, text: str) -> None:
        self._call("fill", selector=selector, text=text)

    def evaluate(self, expression: str) -> Any:
        return self._call("evaluate", expression=expression)

    def wait_for(self, selector: str, timeout_s: float = WAIT_S) -> None:
        self._call("waitFor", selector=selector, timeout=timeout_s * 1000)

    def console(self) -> list[str] | None:
        return [entry["text"] for entry in self._call("log")["console"]]

    def requested(self) -> list[str] | None:
        return [request["url"] for request in self._call("log")["requests"]]

    def set_offline(self, offline: bool) -> bool:
        self._call("setOffline", offline=offline)
        return True

    def close(self) -> None:
        self._call("close")


# ---- WebKitGTK (WebKitWebDriver through selenium) ---------------------------


@contextlib.contextmanager
def xvfb_display() -> Iterator[str]:
    """A private X display (":N") for MiniBrowser, gone afterwards."""
    assert XVFB
    server = subprocess.Popen(
        [XVFB, "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout
        number = server.stdout.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


# Scroll the target into the middle of the view at once. The theme scrolls
# smoothly (scroll-behavior: smooth), and WebKitWebDriver checks that an
# element is in view before such a scroll ends; a person clicks when the page
# has stopped moving, and so does this.
SCROLL_INTO_VIEW = (
    "arguments[0].scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'})"
)


# WebKitWebDriver now and then never answers a new session (MiniBrowser does
# not come up), and selenium waits on that socket for ever: each start gets a
# time limit and another try, every later command a limit above WAIT_S.
START_S = 60.0
START_ATTEMPTS = 3
COMMAND_S = WAIT_S + 60.0


def start_webkit(start: Callable[[], Any]) -> Any:
    for attempt in range(1, START_ATTEMPTS + 1):
        previous = socket.getdefaulttimeout()
        socket.setdefaulttimeout(START_S)  # selenium's client takes its timeout from here
        try:
            with warnings.catch_warnings():  # selenium's own use of a deprecated argument
                warnings.simplefilter("ignore", DeprecationWarning)
                driver = start()
        except Exception:  # the driver's constructor stops WebKitWebDriver on failure
            if attempt == START_ATTEMPTS:
                raise
            continue
        finally:
            socket.setdefaulttimeout(previous)
        driver.command_executor.client_config.timeout = COMMAND_S
        return driver
    raise AssertionError("unreachable")


class WebKitSession:
    engine = "webkit"

    def __init__(self, display: str) -> None:
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        assert WEBKIT_WEBDRIVER
        options = Options()
        options.binary_location = minibrowser() or ""
        options.add_argument("--automation")
        service = Service(
            executable_path=WEBKIT_WEBDRIVER,
            log_output=subprocess.DEVNULL,
            env={**os.environ, "DISPLAY": display},
        )
        self.driver = start_webkit(lambda: webdriver.WebKitGTK(options=options, service=service))
        self.driver.set_script_timeout(WAIT_S)

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def reload(self) -> None:
        self.driver.refresh()

    def _element(self, selector: str, timeout_s: float = 10.0) -> Any:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, timeout_s).until(
            lambda driver: driver.find_element(By.CSS_SELECTOR, selector)
        )

    def _until_clicked(self, action: Callable[[Any], None], selector: str) -> None:
        from selenium.common.exceptions import ElementNotInteractableException

        deadline = time.monotonic() + 10
        while True:
            element = self._element(selector)
            self.driver.execute_script(SCROLL_INTO_VIEW, element)
            try:
                action(element)
                return
            except ElementNotInteractableException:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)  # a layout or scroll still moving: try again when it settles

    def click(self, selector: str) -> None:
        self._until_clicked(lambda element: element.click(), selector)

    def fill(self, selector: str, text: str) -> None:
        def fill(element: Any) -> None:
            element.clear()
            element.send_keys(text)

        self._until_clicked(fill, selector)

    def evaluate(self, expression: str) -> Any:
        # WebDriver awaits a returned promise.
        return self.driver.execute_script(f"return (async () => ({expression}))();")

    def wait_for(self, selector: str, timeout_s: float = WAIT_S) -> None:
        self._element(selector, timeout_s)

    def console(self) -> list[str] | None:
        return None  # WebKitWebDriver does not pass the console on: see webkit_console()

    def requested(self) -> list[str] | None:
        return None  # nor requests: the tests' servers and Resource Timing see them

    def set_offline(self, offline: bool) -> bool:
        return False

    def close(self) -> None:
        self.driver.quit()


def webkit_console(
    display: str, url: str, marker: str, profile: Path, timeout_s: float = WAIT_S
) -> list[str]:
    """The console of MiniBrowser opening `url` on its own: under WebKitWebDriver
    it never passes console messages on, but run standalone it prints them.
    It is stopped once `marker` appears, a message the page is made to log
    after everything under test. `profile` is an empty folder for its data
    (its private mode would print nothing)."""
    browser = minibrowser()
    assert browser
    # A terminal, not a pipe: WebKit's processes then print each line at once
    # (into a pipe they keep it buffered until they exit).
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [browser, "--enable-write-console-messages-to-stdout=true", url],
        stdout=terminal,
        stderr=terminal,
        stdin=subprocess.DEVNULL,
        env={
            **os.environ,
            "DISPLAY": display,
            "XDG_DATA_HOME": str(profile / "data"),
            "XDG_CACHE_HOME": str(profile / "cache"),
        },
    )
    os.close(terminal)
    lines: list[str] = []
    seen = threading.Event()

    def read() -> None:
        with open(controller, encoding="utf-8", errors="replace") as output:
            try:
                for line in output:
                    lines.append(line.rstrip("\r\n"))
                    if marker in line:
                        seen.set()
            except OSError:  # the terminal is gone: MiniBrowser has exited
                pass

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        seen.wait(timeout_s)
    finally:
        process.terminate()
        process.wait(timeout=30)
        reader.join(timeout=10)
    assert any(marker in line for line in lines), f"webkit: never logged {marker!r}: {lines}"
    # What the page logged; the rest is GTK's and MiniBrowser's own chatter.
    return [line for line in lines if line.startswith("CONSOLE") and marker not in line]
