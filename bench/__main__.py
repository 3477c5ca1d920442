"""`python -m bench [--quick]`: run every benchmark, write the results.

Full run (about 12 minutes on a 2-core machine): builds with medians of
several runs, generated sites of 100, 1,000 and 5,000 guides, the devserver
loop, and the browser on loopback and on a slow mobile profile. `--quick`
(under 2 minutes): one run of each on this site and 100 guides, loopback only;
for a smoke test. Results: bench/results/latest.md and latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from . import browsing, builds, engines, report, targets
from .paths import README, RESULTS, ROOT

NOT_MEASURED = [
    "Pyodide 314 against 0.29: not compared. The build byte-compiles for the Python running it "
    "(3.13, for 0.29; a cp313 wheel fails on 3.14 with 'bad magic number'), and the plugin copies "
    "0.29's file names (pyodide.asm.js, 314 ships pyodide.asm.mjs and needs module workers), so a "
    "fair comparison needs a Python 3.14 build and plugin changes, not a flag. DESIGN.md's "
    "measurement stands meanwhile: 314's start-up set is 13.5 MB raw / 6.3 MB gzipped against "
    "0.29's 12.3 / 5.5.",
    "CPU throttling (4x) slows the page's main thread only: Chromium refuses "
    "Emulation.setCPUThrottlingRate for a worker ('Operation is only supported for pages, not "
    "workers'), so on the slow profile the scoring worker starts at this machine's full speed "
    "and the slow-profile ready times are lower bounds. Network throttling does cover the "
    "worker's downloads.",
    "The devserver's file watcher: the rebuild times start when the guide has been saved and "
    "the watcher has fired (watchfiles adds about 50 ms or more).",
]


# The 1-minute load average, sampled at every log line, per phase: other work
# on the machine (a test run, another build) makes every number here noisier.
LOAD: dict[str, list[float]] = {"builds": [], "browser runs": []}
PHASE = ["builds"]


def log(message: str) -> None:
    LOAD[PHASE[0]].append(os.getloadavg()[0])
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def meta(quick: bool) -> dict[str, Any]:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    if git("status", "--porcelain", "--untracked-files=no"):
        commit += " with local changes"
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    pyodide = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "quick": quick,
        "machine": f"{os.cpu_count()} cores ({cpu}), {platform.system()}",
        "python": platform.python_version(),
        "pelican": version("pelican"),
        "pyodide": pyodide,
        "chromium": "not run",
        "commit": commit,
    }


class Runner:
    """Runs each part, keeps going when one fails, and records what failed."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def part(self, name: str, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except Exception as error:  # a benchmark reports; it never stops the others
            log(f"{name} failed: {error}")
            traceback.print_exc()
            self.errors.append(f"{name}: {error}")
            return None


def run_builds(work: Path, quick: bool, runner: Runner) -> dict[str, Any]:
    result: dict[str, Any] = {}
    result["site"] = runner.part(
        # A build of this site takes under a second, and the shared machine's
        # noise is about a tenth of that: eleven runs each give steady medians.
        "this site",
        lambda: builds.this_site(work, 1 if quick else 11, log),
    )
    if not quick:
        log("build: this site, first build of a fresh clone")
        result["first_build"] = runner.part(
            "first build", lambda: builds.first_build(builds.CONTENT, work)
        )
        log("build: this site under cProfile")
        result["profile"] = runner.part("profile", lambda: builds.profile_plugin(work, log))
    sizes = [(100, 1)] if quick else [(100, 5), (1000, 3), (5000, 1)]
    for guides, reps in sizes:
        result[f"gen{guides}"] = runner.part(
            f"{guides} guides", lambda g=guides, r=reps: builds.generated(work, g, 50, r, log)
        )
    log("build: rebuild after one guide changes (the devserver loop)")
    loops = {
        "rebuild_site": (
            builds.CONTENT,
            1 if quick else 3,
            [("plugin", False)]
            if quick
            else [("plain", False), ("plugin", False), ("plain", True), ("plugin", True)],
        )
    }
    if not quick and (work / "content-1000").is_dir():
        loops["rebuild_gen1000"] = (work / "content-1000", 1, [("plain", True), ("plugin", True)])
    for key, (content, rebuilds, configs) in loops.items():
        result[key] = {}
        for variant_key, cached in configs:
            variant = builds.PLUGIN if variant_key == "plugin" else builds.PLAIN
            name = f"{variant_key}-{'cached' if cached else 'uncached'}"
            result[key][name] = runner.part(
                f"{key} {name}",
                lambda v=variant, c=cached, s=content, n=rebuilds, k=key: builds.rebuild(
                    s, work, v, c, n, k.removeprefix("rebuild_"), log
                ),
            )
    for name in [k for k, v in result.items() if v is None]:
        del result[name]
    return result


def built_sites(work: Path) -> dict[str, Path]:
    """The builds of this site for the browser, left by the build benchmarks
    (or built now): the plugin's default ("compiled": byte-compiled, the
    standard library cut), the whole library byte-compiled, and stock."""
    sites = {}
    for key, variant in (
        ("compiled", builds.PLUGIN),
        ("full", builds.FULL),
        ("stock", builds.STOCK),
    ):
        folder = work / f"site-{variant.key}"
        if not (folder / "index.html").is_file():
            builds.build(variant, builds.CONTENT, folder, work / "logs")
        sites[key] = folder
    return sites


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short smoke run (under 2 minutes)")
    parser.add_argument("--no-build", action="store_true", help="skip the build benchmarks")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser benchmarks")
    parser.add_argument(
        "--readme",
        action="store_true",
        help="also put the tables in README.md, between its bench markers",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary work folder")
    parser.add_argument(
        "--results",
        type=Path,
        default=RESULTS,
        help="folder for latest.md and latest.json (default: bench/results; a test "
        "running --quick can point this at a temporary folder)",
    )
    parser.add_argument(
        "--render",
        action="store_true",
        help="run nothing: write the tables again from the results folder's latest.json "
        "(after a change to bench/report.py)",
    )
    args = parser.parse_args(argv)
    if args.render:
        results = json.loads((args.results / "latest.json").read_text(encoding="utf-8"))
        md, _ = report.write(results, args.results)
        if args.readme:
            report.into_readme(README, md.read_text(encoding="utf-8"))
        print(md.read_text(encoding="utf-8"))
        return 0

    start = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="closer-bench-"))
    log(f"work folder: {work}")
    runner = Runner()
    results: dict[str, Any] = {
        "meta": meta(args.quick),
        "build": {},
        "browser": {},
        "not_measured": list(NOT_MEASURED),
    }
    try:
        if not args.no_build:
            results["build"] = run_builds(work, args.quick, runner)
        if not args.no_browser:
            PHASE[0] = "browser runs"
            log("browser: building the sites to serve" if args.no_build else "browser")
            sites = runner.part("sites for the browser", lambda: built_sites(work))
            if sites:
                plan = browsing.Plan(quick=args.quick)
                browser = runner.part("browser", lambda: browsing.run(sites, plan, log))
                if browser:
                    results["browser"] = browser
                    results["meta"]["chromium"] = browser["chromium"]
                log("engines: scoring ready in Chromium, Firefox and WebKit")
                reps = 1 if args.quick else 5
                in_engines = runner.part(
                    "engines", lambda: engines.run(sites["compiled"], reps, log)
                )
                if in_engines:
                    results["engines"] = in_engines
        if args.quick:
            results["not_measured"].insert(
                0, "Quick run: one run each, no 1,000 or 5,000-guide sites, no slow mobile profile."
            )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    results["targets"] = [
        v.as_dict() for v in targets.evaluate(results["build"], results["browser"])
    ]
    results["errors"] = runner.errors
    results["meta"]["seconds"] = time.perf_counter() - start
    results["meta"]["load_average_max"] = {
        phase: round(max(samples), 2) for phase, samples in LOAD.items() if samples
    }
    md, js = report.write(results, args.results)
    text = md.read_text(encoding="utf-8")
    if args.readme:
        report.into_readme(README, text)
    print()
    print(text)
    for error in runner.errors:
        print(f"error: {error}", file=sys.stderr)
    log(f"wrote {md} and {js} in {results['meta']['seconds'] / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
