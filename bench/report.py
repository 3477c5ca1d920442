"""The results as Markdown tables (latest.md) and as JSON (latest.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .targets import dig

NOT_RUN = "–"


def size(value: float | None) -> str:
    if value is None:
        return NOT_RUN
    if value < 1000:
        return f"{value:.0f} B"
    if value < 1e6:
        return f"{value / 1e3:.1f} KB"
    return f"{value / 1e6:.2f} MB"


def ms(value: float | None) -> str:
    if value is None:
        return NOT_RUN
    return f"{value:.0f} ms" if value < 10_000 else f"{value / 1000:.1f} s"


def task_ms(value: float | None) -> str:
    """Long tasks are reported from 50 ms up: 0 means none that long."""
    if value is None:
        return NOT_RUN
    return "< 50 ms" if value < 50 else f"{value:.0f} ms"


def secs(value: float | None) -> str:
    return NOT_RUN if value is None else f"{value:.2f} s"


def traffic(counts: dict[str, Any] | None) -> str:
    if not counts:
        return NOT_RUN
    return f"{counts['requests']:.0f} / {size(counts['bytes'])}"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def build_cell(summary: dict[str, Any] | None) -> str:
    if not summary:
        return NOT_RUN
    return f"{secs(summary['seconds'])}, {summary['peak_mb']:.0f} MB"


def percent(ratio: float) -> str:
    """1.28 -> "+28%", 0.96 -> "−4%"."""
    change = (ratio - 1) * 100
    return f"+{change:.0f}%" if change >= 0 else f"−{-change:.0f}%"


def plugin_adds(result: dict[str, Any]) -> str:
    if result.get("ratio") is None:
        return NOT_RUN
    return f"{percent(result['ratio'])} time, {percent(result['memory_ratio'])} memory"


def comparison_row(label: str, result: dict[str, Any]) -> list[str]:
    """Plain Pelican against the plugin, on the same content."""
    n = result["plugin"]["repetitions"]
    return [
        f"{label} ({n} run{'s' if n > 1 else ''})",
        build_cell(result["plain"]),
        build_cell(result["plugin"]),
        plugin_adds(result),
    ]


def build_tables(build: dict[str, Any]) -> str:
    rows = []
    site = build.get("site")
    if site:
        rows.append(
            comparison_row(
                f"this site: {site['guides']} guides, {site['pages']} pages, "
                f"{site['assessments']} assessments",
                site,
            )
        )
        if "stock" in site:
            rows.append(
                [
                    "this site, plugin with nothing byte-compiled, whole standard library",
                    NOT_RUN,
                    build_cell(site["stock"]),
                    NOT_RUN,
                ]
            )
    first = build.get("first_build")
    if first:
        rows.append(
            [
                "this site, first build of a fresh clone (empty build caches)",
                NOT_RUN,
                f"{secs(first['seconds'])}, {first['peak_mb']:.0f} MB",
                NOT_RUN,
            ]
        )
    for key in sorted((k for k in build if k.startswith("gen")), key=lambda k: int(k[3:])):
        result = build[key]
        rows.append(
            comparison_row(
                f"generated: {result['guides']:,} guides, {result['assessments']} assessments",
                result,
            )
        )
    for key, label in (("rebuild_site", "this site"), ("rebuild_gen1000", "1,000 guides")):
        loop = build.get(key)
        if not loop:
            continue
        for cached in (False, True):
            suffix = "cached" if cached else "uncached"
            plain, plugin = loop.get(f"plain-{suffix}"), loop.get(f"plugin-{suffix}")
            if not plain and not plugin:
                continue
            cells = [
                secs(plain["seconds"]) if plain else NOT_RUN,
                secs(plugin["seconds"]) if plugin else NOT_RUN,
            ]
            extra = (
                f"{percent(plugin['seconds'] / plain['seconds'])} time"
                if plain and plugin
                else NOT_RUN
            )
            cache = "content cache on" if cached else "no content cache"
            rows.append(
                [
                    f"rebuild after one guide changes, {label} (devserver loop, {cache})",
                    *cells,
                    extra,
                ]
            )
    text = table(["build", "plain Pelican", "with the assessments plugin", "the plugin adds"], rows)
    growth = growth_line(build)
    if growth:
        text += "\n\n" + growth
    profile = build.get("profile")
    if profile and profile.get("functions"):
        parts = ", ".join(
            f"`{f['function']}` {f['cumulative_s']:.2f} s" for f in profile["functions"][:6]
        )
        text += (
            f"\n\nWhere the plugin's time goes (one build of this site under cProfile, "
            f"cumulative): {parts}; ruamel.yaml's own code {profile['ruamel_yaml_self_s']:.2f} s."
        )
    return text


def growth_line(build: dict[str, Any]) -> str:
    sizes = sorted(int(k[3:]) for k in build if k.startswith("gen"))
    if len(sizes) < 2:
        return ""
    parts = []
    for variant, label in (("plain", "plain"), ("plugin", "with the plugin")):
        times = [f"{build[f'gen{n}'][variant]['seconds']:.1f} s" for n in sizes]
        lo, hi = sizes[0], sizes[-1]
        slope = (
            (build[f"gen{hi}"][variant]["seconds"] - build[f"gen{lo}"][variant]["seconds"])
            / (hi - lo)
            * 1000
        )
        parts.append(f"{label} {' → '.join(times)} ({slope:.1f} s per 1,000 guides)")
    counts = " → ".join(f"{n:,}" for n in sizes)
    return f"Growth from {counts} guides: " + "; ".join(parts) + "."


BROWSER_COLUMNS = [
    ("loopback", "assessment_cold", "guide_cold", "loopback, cold"),
    ("loopback", "assessment_warm", "guide_warm", "loopback, warm HTTP cache"),
    ("slow", "assessment_cold", "guide_cold", "slow mobile, cold"),
    ("slow", "assessment_warm", "guide_warm", "slow mobile, warm HTTP cache"),
]


def browser_tables(browser: dict[str, Any]) -> str:
    if not browser or "compiled" not in browser:
        return "Browser benchmarks not run."

    def row(label: str, render: Any, build: str = "compiled") -> list[str]:
        cells = []
        for profile, assessment, guide, _ in BROWSER_COLUMNS:
            node = dig(browser, build, profile)
            cells.append(render(node, assessment, guide) if node else NOT_RUN)
        return [label, *cells]

    def a(key: str, fmt: Any = ms) -> Any:
        return lambda node, assessment, guide: fmt(dig(node, assessment, key))

    def task(kind: str) -> Any:
        def render(node: Any, assessment: str, guide: str) -> str:
            visit = dig(node, assessment)
            if not visit:
                return NOT_RUN
            median_ms = task_ms(visit[f"longest_task_{kind}"])
            return f"{median_ms} / {task_ms(visit[f'longest_task_{kind}_worst'])}"

        return render

    def stages(node: Any, assessment: str, guide: str) -> str:
        found = dig(node, assessment, "stages") or {}
        points = [found.get(name) for name in ("loading runtime", "loading package", "ready")]
        return " / ".join(ms(p) for p in points) if any(p is not None for p in points) else NOT_RUN

    def early(node: Any, assessment: str, guide: str) -> str:
        if assessment != "assessment_cold":
            return NOT_RUN
        visit = dig(node, "assessment_early_submit")
        if not visit:
            return NOT_RUN
        return f"{ms(visit['submit_to_result'])} ({ms(visit['result_after_ready'])} after ready)"

    rows = [
        row("guide page: requests / bytes", lambda n, a_, g: traffic(dig(n, g))),
        row("guide page: runtime bytes", lambda n, a_, g: size(dig(n, g, "runtime_bytes"))),
        row(
            "guide page: interactive (first paint, DOM ready)",
            lambda n, a_, g: ms(dig(n, g, "interactive")),
        ),
        row(
            "guide with an embedded quiz, untouched: requests / bytes",
            lambda n, a_, g: traffic(dig(n, "quiz_" + g)),
        ),
        row(
            "guide with an embedded quiz, untouched: runtime bytes",
            lambda n, a_, g: size(dig(n, "quiz_" + g, "runtime_bytes")),
        ),
        row(
            "assessment page before the runtime: requests / bytes",
            lambda n, a_, g: traffic(dig(n, a_, "before")),
        ),
        row(
            "assessment page with the runtime: requests / bytes",
            lambda n, a_, g: traffic(dig(n, a_, "total")),
        ),
        row("form interactive (first paint, DOM ready, script wired)", a("interactive")),
        row("scoring ready, from navigation", a("ready_from_navigation")),
        row("scoring ready, from the first interaction", a("ready_from_interaction")),
        row(
            "… of which: worker running / Pyodide loaded / package imported (from the interaction)",
            stages,
        ),
        row("submit → result shown, when ready", a("submit_to_result")),
        row("submit → result shown, second time", a("submit_to_result_again")),
        row("submit before ready → result shown", early),
        row(
            "submit before ready: tap → busy button and progress bar on screen",
            lambda n, a_, g: (
                ms(dig(n, "assessment_early_submit", "busy_after_tap"))
                if a_ == "assessment_cold"
                else NOT_RUN
            ),
        ),
        row("longest main-thread task while the runtime loads (median / worst)", task("loading")),
        row("longest main-thread task showing the result (median / worst)", task("showing")),
    ]
    if browser.get("service_worker_registered"):
        # One visit each, in the cold columns: the first visit (the worker
        # installs and fills its caches) and a repeat with the HTTP cache emptied.
        for scenario, label in (
            ("assessment_sw_install", "service worker installing (first visit)"),
            ("assessment_sw_repeat", "service worker only (repeat visit, HTTP cache emptied)"),
        ):
            for key, what, render in (
                ("total", "requests / bytes", traffic),
                ("ready_from_interaction", "scoring ready from the first interaction", ms),
            ):
                rows.append(
                    row(
                        f"{label}: {what}",
                        lambda n, a_, g, s=scenario, k=key, r=render: (
                            r(dig(n, s, k)) if a_ == "assessment_cold" else NOT_RUN
                        ),
                    )
                )
    header = ["", *(label for *_, label in BROWSER_COLUMNS)]
    reps = dig(browser, "compiled", "loopback", "assessment_cold", "repetitions")
    stock_reps = dig(browser, "stock", "loopback", "assessment_cold", "repetitions")
    notes = [
        f"Medians of {reps} visit{'s' if reps != 1 else ''} each on loopback "
        f"(stock: {stock_reps}); one visit each on the slow profile. "
        f"The plugin's default (byte-compiled, the standard library cut to what the site "
        f"imports) unless the row says otherwise: stock ships the whole library as source, "
        f"whole byte-compiled ships all of it byte-compiled. "
        f"Bytes are what crossed the network (gzip as GitHub Pages sends it, headers included)."
    ]
    if browser.get("service_worker_registered"):
        notes.append(
            "Service-worker rows: loopback only (DevTools' network emulation throttles the page "
            "and its worker, not the service worker, whose precache ran at full speed under the "
            "slow profile)."
        )
    else:
        notes.append(
            "Service worker: the site registers none yet, so there is no service-worker row."
        )
    return "\n\n".join(
        [table(header, rows), " ".join(notes), libraries_table(browser), files_table(browser)]
    )


PROFILES = ("loopback", "slow")
LIBRARIES = [
    ("stock", "stock (whole library, source)"),
    ("full", "whole library, byte-compiled"),
    ("compiled", "cut library, byte-compiled (default)"),
]


def libraries_table(browser: dict[str, Any]) -> str:
    """The three standard libraries side by side, a cold assessment visit on
    both profiles: what a reader downloads and how long until scoring is ready."""
    rows = []
    for key, label in LIBRARIES:
        visits = [dig(browser, key, profile, "assessment_cold") for profile in PROFILES]
        if not any(visits):
            continue
        cells = [size(dig(visits[0] or visits[1], "total", "runtime_bytes"))]
        for visit in visits:
            cells.append(ms(dig(visit, "ready_from_navigation")))
            cells.append(ms(dig(visit, "ready_from_interaction")))
        rows.append([label, *cells])
    if not rows:
        return "Standard libraries side by side: not measured."
    header = ["standard library, cold assessment visit", "runtime bytes"]
    for profile in PROFILES:
        header += [f"ready from navigation ({profile})", f"ready from the interaction ({profile})"]
    return table(header, rows) + (
        "\n\nScoring ready on a cold visit with each standard library: the plugin's default "
        "cut to what the site imports, the whole library byte-compiled, the stock one "
        "(source)."
    )


def files_table(browser: dict[str, Any]) -> str:
    """Bytes on the wire per runtime file, a cold assessment visit on each
    profile, with each standard library."""
    per_build = {
        (key, profile): dig(browser, key, profile, "assessment_cold", "total", "files") or {}
        for key, _ in LIBRARIES
        for profile in PROFILES
    }
    names = sorted({name for files in per_build.values() for name in files})
    if not names:
        return "Runtime bytes per file: not measured."

    def cell(values: list[float | None]) -> str:
        # One number when both profiles agree (they should: the same files).
        shown = [size(v) for v in values if v is not None]
        return " / ".join(dict.fromkeys(shown)) or NOT_RUN

    rows = [
        [
            name,
            *(
                cell([per_build[key, p].get(name) for p in PROFILES if per_build[key, p]])
                for key, _ in LIBRARIES
            ),
        ]
        for name in names
    ]
    totals = [
        cell([sum(per_build[key, p].values()) for p in PROFILES if per_build[key, p]])
        for key, _ in LIBRARIES
    ]
    rows.append(["**all runtime files**", *totals])
    header = ["runtime file, cold assessment visit", *(label for _, label in LIBRARIES)]
    return (
        table(header, rows)
        + "\n\nBytes on the wire (gzip as GitHub Pages sends it, headers included), per file "
        "the scoring worker and the page fetch for the runtime, medians of the cold visits; "
        "one number where loopback and the slow profile agree, loopback / slow where not."
    )


def engines_table(engines: dict[str, Any]) -> str:
    """Scoring ready in each engine (bench/engines.py)."""
    if not engines:
        return "Not run."
    rows = []
    for engine, found in engines.items():
        if "not_measured" in found:
            rows.append([engine, NOT_RUN, f"not measured: {found['not_measured']}"])
        else:
            runs = len(found["runs"])
            rows.append([engine, found["version"], f"{ms(found['ready_ms'])} ({runs} cold)"])
    return (
        table(["engine", "version", "scoring ready from the first touch (median)"], rows)
        + "\n\nThe guide with an embedded quiz, cold (a fresh profile each visit), on loopback: "
        "from the reader's first touch of the quiz to scoring ready, by the page's own clock. "
        "Chromium through Playwright, Firefox through WebDriver BiDi (puppeteer-core), WebKitGTK "
        "through WebKitWebDriver (MiniBrowser on Xvfb)."
    )


def why_not(verdict: dict[str, str]) -> str:
    if verdict["status"] != "missed":
        return NOT_RUN
    return "not worked out by the bench: the README's notes on missed targets discuss it"


def targets_table(verdicts: list[dict[str, str]]) -> str:
    return table(
        ["target (issue #6 unless marked)", "measured", "status", "why missed"],
        [
            [v["target"], v["measured"], v["status"], v.get("reason") or why_not(v)]
            for v in verdicts
        ],
    )


def readers_cost(browser: dict[str, Any]) -> str:
    """One sentence: what a first visit to an assessment costs a reader."""
    visits = {p: dig(browser, "compiled", p, "assessment_cold") for p in PROFILES}
    if not any(visits.values()):
        return "A reader's cost: not measured (no browser run)."
    runtime = next(dig(v, "total", "runtime_bytes") for v in visits.values() if v)
    times = [
        f"{ms(dig(visit, 'ready_from_navigation'))} after the page opens "
        f"({ms(dig(visit, 'ready_from_interaction'))} after the first tap) {where}"
        for profile, where in (("loopback", "on loopback"), ("slow", "on the slow mobile profile"))
        if (visit := visits[profile])
    ]
    return (
        f"**A reader's cost**, a first (cold) visit to an assessment: {size(runtime)} of "
        "runtime on the wire (a repeat visit gets it from the service worker); "
        f"scoring ready {' and '.join(times)}."
    )


def markdown(results: dict[str, Any]) -> str:
    meta = results["meta"]
    loads = meta.get("load_average_max") or {}
    head = (
        f"Run {meta['date']}, {'quick' if meta['quick'] else 'full'} run in "
        f"{meta['seconds'] / 60:.1f} min on {meta['machine']}; Python {meta['python']}, "
        f"Pelican {meta['pelican']}, Pyodide {meta['pyodide']}, Chromium {meta['chromium']}; "
        f"commit {meta['commit']}. Highest 1-minute load average: "
        + ", ".join(f"{value} during the {phase}" for phase, value in loads.items())
        + " (a build keeps about one core busy, Chromium starting Pyodide about two; "
        "more means other work shared the machine)."
    )
    parts = [
        head,
        readers_cost(results.get("browser") or {}),
        "### Targets\n\n" + targets_table(results["targets"]),
        "### Build\n\n" + build_tables(results["build"]),
        "### Browser\n\n" + browser_tables(results["browser"]),
        "### Engines\n\n" + engines_table(results.get("engines") or {}),
        "### Not measured\n\n" + "\n".join(f"- {line}" for line in results["not_measured"]),
    ]
    if results.get("errors"):
        parts.append("### Errors\n\n" + "\n".join(f"- {e}" for e in results["errors"]))
    return "\n\n".join(parts) + "\n"


def write(results: dict[str, Any], folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    md, js = folder / "latest.md", folder / "latest.json"
    md.write_text(markdown(results), encoding="utf-8")
    js.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    return md, js


START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def into_readme(readme: Path, tables: str) -> None:
    """Replace what stands between the README's bench markers with `tables`."""
    text = readme.read_text(encoding="utf-8")
    before, start, rest = text.partition(START)
    _, end, after = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"{readme}: no {START} ... {END} markers to put the tables between")
    readme.write_text(f"{before}{START}\n{tables.strip()}\n{END}{after}", encoding="utf-8")
