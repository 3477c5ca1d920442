"""Build benchmarks: this site and generated sites, with the assessments plugin
and without it (plain Pelican on the same Markdown), as fresh processes, the
way `make html` runs."""

from __future__ import annotations

import json
import runpy
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import sitegen
from .paths import CONTENT, PYTHON, SETTINGS
from .procs import Run, run_measured
from .stats import median, ratio, spread

Log = Callable[[str], None]


def plugins(with_assessments: bool) -> list[str]:
    """The site's PLUGINS, or those without the assessments plugin. Plain
    Pelican also leaves out build_report, whose one job is to turn logged
    problems into a failing exit status: without the plugin, the guides'
    links to assessment pages cannot resolve and are logged. The theme
    renders without the plugin: nothing in it needs the plugin's filters."""
    configured = list(runpy.run_path(str(SETTINGS))["PLUGINS"])
    if with_assessments:
        return configured
    return [p for p in configured if p not in ("pelican.plugins.assessments", "build_report")]


@dataclass(frozen=True)
class Variant:
    key: str
    name: str
    overrides: dict[str, object] = field(default_factory=dict)
    with_assessments: bool = True

    def settings(self) -> dict[str, object]:
        return {"PLUGINS": plugins(self.with_assessments), **self.overrides}

    def command(self, content: Path, output: Path) -> list[str]:
        return pelican_command("pelican", content, output, self.settings())


def pelican_command(
    module: str, content: Path, output: Path, settings: dict[str, object], *args: str
) -> list[str]:
    """`python -m MODULE [ARGS] CONTENT -o OUTPUT -s pelicanconf.py -e SETTINGS`."""
    extra = [f"{key}={json.dumps(value)}" for key, value in settings.items()]
    return [PYTHON, "-m", module, *args, str(content), "-o", str(output), "-s", str(SETTINGS)] + (
        ["-e", *extra] if extra else []
    )


ARTICLE_FOLDERS = ("guides", "practices")
PLUGIN = Variant("plugin", "with the assessments plugin")
PLAIN = Variant("plain", "plain Pelican", with_assessments=False)
# The plugin's default (PLUGIN) ships the standard library byte-compiled and
# cut to what the site imports; these two ship it whole, as Pyodide does.
STOCK = Variant(
    "stock",
    "plugin, nothing byte-compiled, whole standard library",
    {"ASSESSMENT_BYTE_COMPILE": False, "ASSESSMENT_STDLIB": "full"},
)
FULL = Variant(
    "full", "plugin, whole standard library byte-compiled", {"ASSESSMENT_STDLIB": "full"}
)


def build(variant: Variant, content: Path, output: Path, logs: Path) -> Run:
    """A full build into an empty folder; raises when it fails."""
    if output.exists():
        shutil.rmtree(output)
    run = run_measured(variant.command(content, output), logs / f"{output.name}.log")
    if run.returncode != 0 or not (output / "index.html").is_file():
        tail = "\n".join(run.log.splitlines()[-15:])
        raise RuntimeError(f"build failed ({variant.name}, {content}):\n{tail}")
    return run


def summary(runs: list[Run]) -> dict[str, object]:
    return {
        "seconds": median(r.seconds for r in runs),
        "seconds_range": spread(r.seconds for r in runs),
        "peak_mb": median(r.peak_mb for r in runs),
        "repetitions": len(runs),
        "all_seconds": [round(r.seconds, 3) for r in runs],
    }


def compare(
    content: Path,
    work: Path,
    repetitions: int,
    log: Log,
    label: str,
    variants: tuple[Variant, ...] = (PLUGIN, PLAIN),
    keep: tuple[str, ...] = (),
) -> dict[str, object]:
    """Build `content` with each variant, interleaved, `repetitions` times;
    medians and the ratio. The last build of each variant in `keep` stays in
    WORK/LABEL-KEY for the browser benchmarks."""
    runs: dict[str, list[Run]] = {v.key: [] for v in variants}
    for rep in range(repetitions):
        for variant in variants:
            output = work / f"{label}-{variant.key}"
            run = build(variant, content, output, work / "logs")
            runs[variant.key].append(run)
            log(f"  {label}, {variant.name} #{rep + 1}: {run.seconds:.2f} s, {run.peak_mb:.0f} MB")
            if rep < repetitions - 1 or variant.key not in keep:
                shutil.rmtree(output)
    result: dict[str, object] = {key: summary(r) for key, r in runs.items()}
    result["ratio"] = ratio(result["plugin"]["seconds"], result["plain"]["seconds"])
    result["memory_ratio"] = ratio(result["plugin"]["peak_mb"], result["plain"]["peak_mb"])
    return result


def first_build(content: Path, work: Path) -> dict[str, object]:
    """One build with empty build caches, as on a fresh clone: the standard
    library is byte-compiled and the templates compiled once, then reused from
    .cache/ by every later build."""
    cache = work / "empty-cache"
    shutil.rmtree(cache, ignore_errors=True)
    variant = Variant(
        "first",
        "plugin, empty caches",
        {"CACHE_PATH": str(cache), "TEMPLATE_CACHE_DIR": str(cache / "templates")},
    )
    run = build(variant, content, work / "first-build", work / "logs")
    shutil.rmtree(work / "first-build")
    shutil.rmtree(cache)
    return asdict(run) | {"log": None}


def this_site(work: Path, repetitions: int, log: Log) -> dict[str, object]:
    log("build: this site")
    # One unmeasured build of each: warms the OS file cache and the plugin's cache.
    for variant in (PLUGIN, PLAIN):
        build(variant, CONTENT, work / "warm-up", work / "logs")
    shutil.rmtree(work / "warm-up")
    result = compare(
        CONTENT, work, repetitions, log, "site", (PLUGIN, PLAIN, STOCK), keep=("plugin", "stock")
    )
    result["guides"] = sum(1 for f in ARTICLE_FOLDERS for _ in (CONTENT / f).glob("*.md"))
    result["pages"] = sum(1 for _ in (CONTENT / "pages").glob("*.md"))
    result["assessments"] = sum(1 for _ in (CONTENT / "assessments").glob("*.yaml"))
    return result


def generated(
    work: Path, guides: int, assessments: int, repetitions: int, log: Log
) -> dict[str, object]:
    content = sitegen.generate(work / f"content-{guides}", guides, assessments)
    log(f"build: generated site, {guides} guides and {assessments} assessments")
    result = compare(content, work, repetitions, log, f"gen{guides}")
    result["guides"] = guides
    result["assessments"] = assessments
    return result


CONTENT_CACHE = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}


def rebuild(
    content_source: Path,
    work: Path,
    variant: Variant,
    cached: bool,
    rebuilds: int,
    label: str,
    log: Log,
) -> dict[str, object]:
    """The devserver loop (bench.devloop) on a copy of `content_source`: one
    build, then `rebuilds` times one guide changed and the site rebuilt in the
    same process. `cached`: Pelican's content cache on (CACHE_CONTENT and
    LOAD_CONTENT_CACHE, which this site's settings leave off)."""
    name = f"{label}-{variant.key}-{'cached' if cached else 'uncached'}"
    content = work / f"rebuild-content-{name}"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(content_source, content)
    output = work / f"rebuild-output-{name}"
    settings = variant.settings()
    if cached:
        settings |= CONTENT_CACHE | {"CACHE_PATH": str(work / f"rebuild-cache-{name}")}
    command = pelican_command("bench.devloop", content, output, settings, str(rebuilds))
    run = run_measured(command, work / "logs" / f"rebuild-{name}.log")
    shutil.rmtree(content)
    shutil.rmtree(output, ignore_errors=True)
    if run.returncode != 0:
        raise RuntimeError(
            f"rebuild loop failed ({name}):\n" + "\n".join(run.log.splitlines()[-15:])
        )
    times = json.loads(run.log.strip().splitlines()[-1])
    result = {
        "first": times["first"],
        "seconds": median(times["rebuilds"]),
        "all_seconds": [round(t, 3) for t in times["rebuilds"]],
        "peak_mb": run.peak_mb,
    }
    log(f"  rebuild {name}: first {times['first']:.2f} s, then {result['seconds']:.2f} s")
    return result


def profile_plugin(work: Path, log: Log, top: int = 8) -> dict[str, object]:
    """Where the plugin's time goes in one build of this site (cProfile:
    cumulative seconds of the plugin's own functions, profiler overhead included)."""
    import pstats

    output, stats_file = work / "profiled", work / "plugin.prof"
    command = [
        PYTHON,
        "-m",
        "cProfile",
        "-o",
        str(stats_file),
        "-m",
        "pelican",
        str(CONTENT),
        "-o",
        str(output),
        "-s",
        str(SETTINGS),
    ]
    run = run_measured(command, work / "logs" / "profile.log")
    shutil.rmtree(output, ignore_errors=True)
    if run.returncode != 0:
        return {"error": "profiled build failed"}
    stats = pstats.Stats(str(stats_file)).stats  # type: ignore[attr-defined]
    plugin_dir = str(Path(__file__).resolve().parent.parent / "plugins" / "assessments")
    functions, yaml_seconds = [], 0.0
    for (filename, _line, name), (_cc, _nc, tottime, cumtime, _callers) in stats.items():
        if filename.startswith(plugin_dir):
            functions.append((cumtime, f"{Path(filename).stem}.{name}"))
        if "ruamel" in filename:
            yaml_seconds += tottime
    functions.sort(reverse=True)
    log(f"  profile: {run.seconds:.2f} s under cProfile")
    return {
        "seconds_profiled": run.seconds,
        "functions": [{"function": n, "cumulative_s": round(s, 3)} for s, n in functions[:top]],
        "ruamel_yaml_self_s": round(yaml_seconds, 3),
    }
