"""A probe inside the real scoring worker, in any engine.

Of the three drivers only Playwright runs code in a worker, so the probe rides in the
worker itself: installed in the page before the reader first touches a form
(an embedded quiz starts no worker until then), it extends the one script the
page puts into a blob: to start its worker. The page's own code then starts the
worker as always (its Trusted Types policy, its blob: URL, the page's policy
inherited), and that worker, besides importing and running the real scoring
worker, reports to the page:
- what its own fetch of `target` did (it reached, or was refused);
- every Content-Security-Policy violation raised in it;
- when asked, the URLs of everything it has requested (its Resource Timing).
The page's own violations are recorded beside them. (The scoring worker answers
the question too, with an error for an unknown message, which the page ignores.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tests.browser.engines import Session, poll

TYPE = "closer-test-probe"

IN_WORKER = """
;(() => {
  const report = (data) => postMessage({ type: TYPE, ...data });
  self.addEventListener("securitypolicyviolation", (e) => report({ violation: {
    directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile,
    sample: e.sample, where: "worker" } }));
  self.addEventListener("message", ({ data }) => {
    if (data && data.type === TYPE) {
      report({ resources: performance.getEntriesByType("resource").map((e) => e.name) });
    }
  });
  fetch(TARGET).then((r) => r.text()).then(
    (text) => report({ fetched: text }), (error) => report({ refused: String(error) }));
})();
"""

IN_PAGE = """
(() => {
  const probe = (window.__probe = { fetched: [], refused: [], violations: [],
    resources: null, workers: [] });
  document.addEventListener("securitypolicyviolation", (e) => probe.violations.push({
    directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile,
    sample: e.sample, where: "page" }));
  const NativeBlob = window.Blob;
  window.Blob = class extends NativeBlob {
    constructor(parts, options) {
      const script = options && /javascript/.test(options.type || "");
      super(script ? [...parts, WORKER_CODE] : parts, options);
    }
  };
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      probe.workers.push(this);
      this.addEventListener("message", ({ data }) => {
        if (!data || data.type !== TYPE) return;
        if ("fetched" in data) probe.fetched.push(data.fetched);
        if ("refused" in data) probe.refused.push(data.refused);
        if (data.violation) probe.violations.push(data.violation);
        if (data.resources) probe.resources = data.resources;
      });
    }
  };
  return true;
})()
"""


def install(session: Session, target: str) -> None:
    """Put the probe in place; call after the page loads, before the first touch."""
    worker = IN_WORKER.replace("TYPE", json.dumps(TYPE)).replace("TARGET", json.dumps(target))
    script = IN_PAGE.replace("WORKER_CODE", json.dumps(worker)).replace("TYPE", json.dumps(TYPE))
    assert session.evaluate(script) is True


@dataclass(frozen=True)
class Findings:
    fetched: list[str]  # what the worker's fetch of the target read, if it got through
    refused: list[str]  # how it was refused, if it was
    violations: list[dict[str, Any]]  # policy violations, in the page and in the worker
    workers: int


def findings(session: Session) -> Findings:
    """Once the worker's fetch has settled, what the probe saw."""
    poll(session, "window.__probe.fetched.length + window.__probe.refused.length > 0")
    found = session.evaluate(
        "({fetched: __probe.fetched, refused: __probe.refused,"
        " violations: __probe.violations, workers: __probe.workers.length})"
    )
    return Findings(found["fetched"], found["refused"], found["violations"], found["workers"])


def worker_requests(session: Session) -> list[str]:
    """Every URL the scoring worker has requested so far (its Resource Timing)."""
    ask = json.dumps({"type": TYPE})
    session.evaluate(f"(__probe.resources = null, __probe.workers.at(-1).postMessage({ask}), 1)")
    return list(poll(session, "window.__probe.resources"))
