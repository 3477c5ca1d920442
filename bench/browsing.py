"""The browser scenarios, repeated, with medians: a guide page and an
assessment page, cold and warm, on loopback and on the slow mobile profile,
for the byte-compiled build and the stock one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from tests.browser import chromium

from .browser import LOOPBACK, SLOW, Profile, Session
from .server import serve
from .stats import median

Log = Callable[[str], None]
ASSESSMENT = "connection-check"


@dataclass(frozen=True)
class Pages:
    """Relative URLs of the pages visited: a guide without a quiz, a guide
    with an embedded quiz (None when no guide has one), an assessment."""

    guide: str
    quiz_guide: str | None
    assessment: str


def pages_of(site: Path) -> Pages:
    guides = sorted(site.glob("guides/*/index.html")) + sorted(site.glob("practices/*/index.html"))
    with_quiz = [p for p in guides if "data-assessment=" in p.read_text(encoding="utf-8")]
    plain = [p for p in guides if p not in with_quiz]
    url = lambda path: path.parent.relative_to(site).as_posix() + "/"  # noqa: E731
    assessments = sorted(p.parent.name for p in (site / "assessments").glob("*/index.html"))
    assessment = ASSESSMENT if ASSESSMENT in assessments else assessments[0]
    return Pages(
        guide=url(plain[0] if plain else guides[0]),
        quiz_guide=url(with_quiz[0]) if with_quiz else None,
        assessment=f"assessments/{assessment}/",
    )


def medians(visits: list[dict[str, Any]]) -> dict[str, Any]:
    """Per key, the median over visits (nested dicts too); booleans: any."""
    if not visits:
        return {}
    out: dict[str, Any] = {"repetitions": len(visits)}
    keys = dict.fromkeys(key for visit in visits for key in visit)
    for key in keys:
        values = [visit.get(key) for visit in visits]
        sample = next((v for v in values if v is not None), None)
        if isinstance(sample, dict):
            out[key] = medians([v or {} for v in values])
            out[key].pop("repetitions", None)
        elif isinstance(sample, bool):
            out[key] = any(values)
        else:
            out[key] = median(values)
            if key.startswith("longest_task"):
                out[f"{key}_worst"] = max((v or 0) for v in values)
    return out


class Plan:
    def __init__(self, quick: bool) -> None:
        self.quick = quick
        self.loopback_reps = 1 if quick else 5
        self.stock_reps = 1 if quick else 3
        self.slow = not quick


def run(sites: dict[str, Path], plan: Plan, log: Log) -> dict[str, Any]:
    """`sites`: {"compiled": folder, "stock": folder}."""
    results: dict[str, Any] = {"profiles": {LOOPBACK.key: LOOPBACK.label, SLOW.key: SLOW.label}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium.EXECUTABLE, args=chromium.ARGS
        )
        results["chromium"] = browser.version
        try:
            for build, site in sites.items():
                with serve(site) as server:
                    session = Session(browser, server, log)
                    pages = pages_of(site)
                    results["pages"] = asdict(pages)
                    base = server.base_url
                    main = build == "compiled"
                    if main:
                        results["service_worker_registered"] = session.has_service_worker(
                            base + pages.assessment
                        )
                    with_sw = main and results["service_worker_registered"]
                    reps = plan.loopback_reps if main else plan.stock_reps
                    results[build] = {}
                    for profile, count in ((LOOPBACK, reps), (SLOW, 1)):
                        if profile is SLOW and not plan.slow:
                            continue
                        results[build][profile.key] = scenarios(
                            session, base, pages, profile, count,
                            full=main, service_worker=with_sw, log=log, label=build,
                        )  # fmt: skip
        finally:
            browser.close()
    return results


def scenarios(
    session: Session,
    base: str,
    pages: Pages,
    profile: Profile,
    reps: int,
    full: bool,
    service_worker: bool,
    log: Log,
    label: str,
) -> dict[str, Any]:
    """Cold and warm visits (and, for the main build, the guide pages and the
    early submit; the service worker when the site has one), `reps` times each."""
    assessment_url = base + pages.assessment
    guides = [("guide", base + pages.guide)]
    if pages.quiz_guide:
        guides.append(("quiz_guide", base + pages.quiz_guide))
    runs: dict[str, list[dict[str, Any]]] = {}

    def add(name: str, visit: dict[str, Any]) -> None:
        runs.setdefault(name, []).append(visit)
        shown = visit.get("ready_from_interaction") or visit.get("interactive")
        log(
            f"  {label}, {profile.key}, {name}: {fmt(shown)} ms, "
            f"{visit.get('total', visit).get('bytes', 0) / 1e6:.2f} MB"
        )

    for rep in range(reps):
        for name, url in guides if full else []:
            context = session.context(service_workers=True)
            add(f"{name}_cold", session.guide(context, url, profile))
            add(f"{name}_warm", session.guide(context, url, profile))
            context.close()
        context = session.context(service_workers=False)
        add("assessment_cold", session.assessment(context, assessment_url, profile))
        add("assessment_warm", session.assessment(context, assessment_url, profile))
        context.close()
        if full:
            context = session.context(service_workers=False)
            add(
                "assessment_early_submit",
                session.assessment(context, assessment_url, profile, early=True),
            )
            context.close()
        # DevTools' network emulation covers the page and its worker, not the
        # service worker (its precache ran at full speed under the slow profile):
        # service-worker visits are measured on loopback only (3 times at most).
        if service_worker and not profile.throttled and rep < 3:
            for name, visit in with_service_worker(session, assessment_url, profile):
                add(name, visit)
    return {name: medians(visits) for name, visits in runs.items()}


def with_service_worker(session: Session, url: str, profile: Profile) -> list[tuple[str, Any]]:
    """A first visit that installs the service worker, then a visit with the
    HTTP cache emptied: what a returning reader gets once max-age has expired."""
    context = session.context(service_workers=True)
    try:
        first = session.assessment(context, url, profile)
        session.wait_for_service_worker(context, url)
        page = context.new_page()
        context.new_cdp_session(page).send("Network.clearBrowserCache")
        page.close()
        return [
            ("assessment_sw_install", first),
            ("assessment_sw_repeat", session.assessment(context, url, profile)),
        ]
    finally:
        context.close()


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"
