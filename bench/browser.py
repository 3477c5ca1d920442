"""Browser benchmarks: headless Chromium visiting the built site, served on
127.0.0.1 the way GitHub Pages serves it (bench.server).

A visit is one navigation in a browser context: a fresh context has an empty
HTTP cache ("cold"); a second visit in the same context finds every file in
its HTTP cache ("warm"). Bytes and requests are counted by the server, so they
are what crossed the network, the scoring worker's requests included.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page

from .server import Hit, PagesServer

PROBE = (Path(__file__).parent / "probe.js").read_text(encoding="utf-8")
# The runtime, the lockfile and the wheel live under py/; the worker script
# (scoring-worker.js, or a fingerprinted scoring-worker.HASH.js) starts them.
RUNTIME = re.compile(r"(^|/)py/|scoring-worker[^/]*\.js$|pyodide|python_stdlib|\.whl$")
READY = "#scoring-status[data-state=ready]"
FAILED = "#scoring-status[data-state=failed]"
RESULTS = "#results:not([hidden])"
SUBMIT = "#assessment-form [type=submit]"

# Every question answered, without focus or pointer events (those start the worker).
ANSWER_ALL = """() => {
  for (const question of document.querySelectorAll("[data-question]")) {
    const inputs = [...question.querySelectorAll("input")];
    if (question.classList.contains("question--number")) {
      const input = inputs[0];
      input.value = input.min || "1";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      continue;
    }
    const choices = inputs.filter((input) => input.value !== "");
    const choice = choices[Math.floor(choices.length / 2)];
    if (choice && !question.querySelector("input:checked")) {
      choice.checked = true;
      choice.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
}"""

PAGE_METRICS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = Object.fromEntries(
    performance.getEntriesByType("paint").map((e) => [e.name, e.startTime]));
  return {
    dcl: nav.domContentLoadedEventEnd,
    load: nav.loadEventEnd,
    fcp: paint["first-contentful-paint"] ?? null,
    bench: window.__bench,
  };
}"""


@dataclass(frozen=True)
class Profile:
    key: str
    label: str
    latency_ms: float = 0
    down_kbps: float = 0
    up_kbps: float = 0
    cpu: float = 1
    timeout_s: float = 60

    @property
    def throttled(self) -> bool:
        return bool(self.latency_ms or self.down_kbps)


LOOPBACK = Profile("loopback", "loopback, no throttling")
SLOW = Profile(
    "slow",
    "slow mobile: 400 ms RTT, 1.6 Mbps down, 750 kbps up, CPU 4x",
    latency_ms=400,
    down_kbps=1600,
    up_kbps=750,
    cpu=4,
    timeout_s=240,
)


def count(hits: list[Hit]) -> dict[str, int]:
    runtime = [h for h in hits if RUNTIME.search(h.path)]
    return {
        "requests": len(hits),
        "bytes": sum(h.wire_bytes for h in hits),
        "raw_bytes": sum(h.raw_bytes for h in hits if h.status == 200 and h.method == "GET"),
        "runtime_requests": len(runtime),
        "runtime_bytes": sum(h.wire_bytes for h in runtime),
        # Per file (its name, without the folder's hash), what crossed the wire.
        "files": {
            name: sum(h.wire_bytes for h in runtime if h.path.rsplit("/", 1)[-1] == name)
            for name in sorted({h.path.rsplit("/", 1)[-1] for h in runtime})
        },
    }


class Session:
    """One Chromium and one server, shared by every visit of a build."""

    def __init__(self, browser: Browser, server: PagesServer, log: Callable[[str], None]) -> None:
        self.browser = browser
        self.server = server
        self.log = log

    def context(self, service_workers: bool) -> BrowserContext:
        context = self.browser.new_context(service_workers="allow" if service_workers else "block")
        context.add_init_script(PROBE)
        return context

    def open(self, context: BrowserContext, profile: Profile) -> Page:
        page = context.new_page()
        page.set_default_timeout(profile.timeout_s * 1000)
        if profile.throttled or profile.cpu != 1:
            cdp = context.new_cdp_session(page)
            if profile.throttled:
                cdp.send("Network.enable")
                cdp.send(
                    "Network.emulateNetworkConditions",
                    {
                        "offline": False,
                        "latency": profile.latency_ms,
                        "downloadThroughput": profile.down_kbps * 1000 / 8,
                        "uploadThroughput": profile.up_kbps * 1000 / 8,
                    },
                )
            if profile.cpu != 1:
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu})
        return page

    def guide(self, context: BrowserContext, url: str, profile: Profile) -> dict[str, Any]:
        """Load a guide page and wait for the network to go quiet."""
        self.server.take()
        page = self.open(context, profile)
        page.goto(url, wait_until="networkidle")
        time.sleep(1.0)  # anything a service worker fetches on its own shows here
        metrics = page.evaluate(PAGE_METRICS)
        page.close()
        return {
            "dcl": metrics["dcl"],
            "load": metrics["load"],
            "fcp": metrics["fcp"],
            "interactive": max(metrics["dcl"], metrics["fcp"] or 0),
            "longest_task": max((d for _, d in metrics["bench"]["longtasks"]), default=0),
            **count(self.server.take()),
        }

    def assessment(
        self, context: BrowserContext, url: str, profile: Profile, early: bool = False
    ) -> dict[str, Any]:
        """Load an assessment page; as soon as it has loaded, answer the first
        question (which starts the worker), answer the rest and submit: once
        scoring is ready, or at once (`early`: the reader who submits before
        ready). Then submit once more (scoring again, everything warm)."""
        self.server.take()
        page = self.open(context, profile)
        page.goto(url, wait_until="load")
        before = count(self.server.take())
        page.locator("[data-question] label").first.click()
        if not early:
            page.wait_for_selector(f"{READY}, {FAILED}")
        page.evaluate(ANSWER_ALL)
        page.click(SUBMIT)
        page.wait_for_selector(f"{RESULTS}, {FAILED}")
        page.wait_for_timeout(200)  # the results' next frame, and any task after it
        page.evaluate("() => document.getElementById('assessment-form').requestSubmit()")
        poll(
            page,
            "() => window.__bench.results.length > 1 && window.__bench.results[1].frame !== null",
        )
        page.wait_for_timeout(200)
        metrics = page.evaluate(PAGE_METRICS)
        page.close()
        after = count(self.server.take())
        return summarise(metrics, before, after)

    def has_service_worker(self, url: str) -> bool:
        """Whether the page registers a service worker once the reader engages
        (in a throwaway context)."""
        context = self.context(service_workers=True)
        try:
            page = context.new_page()
            page.goto(url, wait_until="load")
            page.locator("[data-question] label").first.click()
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                if page.evaluate(
                    "async () => 'serviceWorker' in navigator"
                    " && (await navigator.serviceWorker.getRegistrations()).length > 0"
                ):
                    return True
                time.sleep(0.2)
            return False
        finally:
            context.close()
            time.sleep(0.5)
            self.server.take()

    def wait_for_service_worker(self, context: BrowserContext, url: str) -> None:
        """Until the service worker is active and has stopped fetching."""
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.evaluate("async () => { await navigator.serviceWorker.ready; }")
        quiet_since = time.monotonic()
        seen = 0
        while time.monotonic() - quiet_since < 1.0:
            time.sleep(0.1)
            hits = len(self.server.hits)
            if hits != seen:
                seen, quiet_since = hits, time.monotonic()
        page.close()


def poll(page: Page, predicate: str, timeout_s: float = 30) -> None:
    """Wait for a JavaScript predicate. (wait_for_function compiles its
    predicate with eval, which the page's policy forbids; evaluate is not.)"""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(predicate):
        if time.monotonic() > deadline:
            raise TimeoutError(predicate)
        time.sleep(0.02)


def summarise(
    metrics: dict[str, Any], before: dict[str, int], after: dict[str, int]
) -> dict[str, Any]:
    bench = metrics["bench"]
    marks = bench["marks"]
    states = bench["states"]
    ready = next((t for t, s in states if s == "ready"), None)
    failed = next((t for t, s in states if s == "failed"), None)
    interaction = marks.get("first_interaction")
    submit = bench["submits"][0] if bench["submits"] else None
    result = bench["results"][0] if bench["results"] else None
    shown = (result["frame"] or result["dom"]) if result else None
    again = None
    if len(bench["submits"]) > 1 and len(bench["results"]) > 1:
        again = (bench["results"][1]["frame"] or bench["results"][1]["dom"]) - bench["submits"][1]
    # The first submit's busy state (button and progress bar), when it had one:
    # only a submit before scoring is ready shows it.
    busy = bench["busy"][0] if bench.get("busy") else None
    busy_shown = busy and (busy["frame"] or busy["dom"])
    tasks = bench["longtasks"]
    start = (interaction or 0) - 5  # a task's start precedes the event it handles
    loading = [d for t, d in tasks if t >= start and (ready is None or t <= ready)]
    showing = [
        d
        for t, d in tasks
        if submit is not None
        and shown is not None
        and t >= max(ready or 0, submit) - 5
        and t <= shown
    ]
    stages = {f"{name} {detail}".strip(): t for t, name, detail in reversed(bench["stages"])}
    return {
        "stages": {name: t - interaction for name, t in stages.items() if interaction is not None},
        "dcl": metrics["dcl"],
        "load": metrics["load"],
        "fcp": metrics["fcp"],
        "form_wired": marks.get("form_wired"),
        "interactive": max(metrics["dcl"], metrics["fcp"] or 0, marks.get("form_wired") or 0),
        "interaction": interaction,
        "ready_from_navigation": ready,
        "ready_from_interaction": ready - interaction if ready and interaction else None,
        "submit_to_result": shown - submit if shown and submit else None,
        "submit_to_result_dom": result["dom"] - submit if result and submit else None,
        "submit_to_result_again": again,
        "result_after_ready": shown - ready if shown and ready else None,
        "busy_after_tap": busy_shown - busy["tap"] if busy_shown else None,
        "longest_task_loading": max(loading, default=0),
        "longest_task_showing": max(showing, default=0),
        "longest_task_any": max((d for _, d in tasks), default=0),
        "failed": failed is not None,
        "before": before,
        "total": {
            k: (
                {n: before[k].get(n, 0) + after[k].get(n, 0) for n in before[k] | after[k]}
                if isinstance(before[k], dict)
                else before[k] + after[k]
            )
            for k in before
        },
    }
