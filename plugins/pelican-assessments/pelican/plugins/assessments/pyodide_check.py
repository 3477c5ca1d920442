"""Authors' modules proven to run where readers run them.

The build's own checks run an author's examples under CPython, which has
what a browser lacks (time-zone data, every encoding, a file system...). So
once the package is built, every assessment with a scoring module has its
examples scored again through that very package under Pyodide in Node
(`pyodide_harness.mjs` running `pyodide_runner.py`, on the pinned runtime
and the standard library the site ships). The runner records what each
author's module did; the record is judged here by the engine's own
`check_examples` (an author's call replayed from the record), so a failure
reads as the build's other messages do, at the author's file and line.

The verdict is kept in the cache by the package's and the runtime's folder
names (hashes of every file in them) and this code: an unchanged site starts
no Node process on a rebuild."""

from __future__ import annotations

import ast
import gzip
import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from .author_module import module_display
from .cache import cached_value, code_of, key_of
from .contract import Layout
from .problems import AuthorProblem
from .source import SourceMap

HERE = Path(__file__).resolve().parent
HARNESS = HERE / "pyodide_harness.mjs"
RUNNER = HERE / "pyodide_runner.py"
# Starting Pyodide takes about 2 s and scoring milliseconds: the limit only
# stops a run that never ends, so a hung Node cannot hang the build.
SECONDS = 60.0
NODE_MISSING = (
    "assessments: checking the authors' scoring modules under Pyodide needs Node.js: "
    "install Node.js 18 or later (the `node` command), or set ASSESSMENT_CHECK_IN_PYODIDE = False"
)
IN_BROWSER = "in a reader's browser (Pyodide)"
# What an author can do about errors that only the browser's Python raises.
ADVICE = {
    "ZoneInfoNotFoundError": (
        "a reader's browser has no time-zone data; use a fixed offset "
        "(datetime.timezone(datetime.timedelta(hours=1))) instead"
    ),
}


class Authored(NamedTuple):
    """An assessment with a scoring module, as the package holds it."""

    slug: str
    definition: dict[str, Any]  # as compiled into the package
    display: str  # its YAML file as authors are shown it
    source_map: SourceMap
    module: Path  # its scoring module


class Finding(NamedTuple):
    """One failure, at a line of the author's module or at a path in the YAML
    file; free of where the files are shown, so that it can be cached."""

    slug: str
    in_module: bool
    where: int | tuple[str | int, ...]
    message: str


class PyodideCheckError(Exception):
    """The run under Pyodide could not be made: one sentence for the site owner."""


def check_in_pyodide(
    authored: Sequence[Authored],
    layout: Layout,
    output_path: Path,
    pyodide_dir: Path,
    cache: Path | None,
) -> dict[str, list[AuthorProblem]]:
    """slug -> its problems under Pyodide, for each assessment that has any.
    Raises PyodideCheckError when Node is missing or the run fails."""
    key = key_of(
        [
            layout.runtime,
            layout.package,
            code_of("pyodide_check", "pyodide_runner"),
            HARNESS.read_bytes(),
        ]
    )
    findings = cached_value(
        cache,
        "pyodide",
        "examples",
        key,
        lambda: verdict(run_in_node(layout, output_path, pyodide_dir), authored),
    )
    by_slug = {item.slug: item for item in authored}
    problems: dict[str, list[AuthorProblem]] = {}
    for finding in findings:
        item = by_slug[finding.slug]
        if finding.in_module:
            assert isinstance(finding.where, int)
            problem = AuthorProblem(
                module_display(item.display, item.module), finding.where, finding.message
            )
        else:
            assert isinstance(finding.where, tuple)
            problem = AuthorProblem(
                item.display, item.source_map.line_of(finding.where), finding.message
            )
        problems.setdefault(finding.slug, []).append(problem)
    return problems


def run_in_node(layout: Layout, output_path: Path, pyodide_dir: Path) -> dict[str, Any]:
    """The runner's record, from Node running the package as the site ships it."""
    node = shutil.which("node")
    if node is None:
        raise PyodideCheckError(NODE_MISSING)
    (wheel,) = (output_path / layout.package).glob("*.whl")
    stdlib = output_path / layout.runtime / layout.stdlib
    with tempfile.TemporaryDirectory(prefix="assessments-pyodide-") as folder:
        zipped = as_zip(stdlib, Path(folder))
        command = [node, str(HARNESS), str(pyodide_dir.resolve()), str(zipped), str(wheel)]
        try:
            done = subprocess.run(
                [*command, str(RUNNER)],
                capture_output=True,
                text=True,
                timeout=SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PyodideCheckError(
                f"assessments: scoring the authors' examples under Pyodide (Node) took more "
                f"than {SECONDS:g} seconds; look for a loop that never ends in a scoring module"
            ) from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise PyodideCheckError(
            f"assessments: the authors' examples could not be scored under Pyodide "
            f"(Node exit status {done.returncode}): {last}"
        )
    record: dict[str, Any] = json.loads(done.stdout)
    return record


def as_zip(stdlib: Path, folder: Path) -> Path:
    """The library as a zip: the cut one ships gzipped (the scoring worker
    gunzips it in the browser; Pyodide in Node wants the zip)."""
    if stdlib.suffix != ".gz":
        return stdlib
    zipped = folder / stdlib.stem
    zipped.write_bytes(gzip.decompress(stdlib.read_bytes()))
    return zipped


def verdict(record: dict[str, Any], authored: Sequence[Authored]) -> list[Finding]:
    """What went wrong under Pyodide: the author's module failing (on import
    or while scoring: at its line), else each example whose outcome differs
    from what it expects (at the example, as the build's own check says it).
    A module that failed is not judged further: its failure is the one to fix."""
    by_slug = {item.slug: item for item in authored}
    findings: list[Finding] = []
    for failure in record["imports"]:
        item = by_slug[failure["assessment"]]
        message = import_message(item.module, failure)
        findings.append(Finding(item.slug, True, failure["line"] or 1, message))
    for call in record["calls"]:
        if "error" in call:
            message = f"fails {IN_BROWSER} while scoring the examples: {call['error'].rstrip('.')}"
            advice = ADVICE.get(call["error"].partition(":")[0])
            message += f"; {advice}" if advice else ""
            finding = Finding(call["assessment"], True, call["line"] or 1, message)
            if finding not in findings:
                findings.append(finding)
    failed = {finding.slug for finding in findings}
    returned = {
        (call["assessment"], call["key"]): call["returned"]
        for call in record["calls"]
        if "returned" in call
    }
    for item in authored:
        if item.slug not in failed:
            findings.extend(replayed(item, returned))
    return findings


def replayed(item: Authored, returned: dict[tuple[str, str], str]) -> list[Finding]:
    """The engine's check of `item`'s examples under CPython, with each call
    of the author's score() answered by what it returned under Pyodide."""
    # Imported on a cache miss only, as checked.py does: they are slow to import.
    from .engine.model import Assessment as Model
    from .engine.validation import check_examples

    def replay(answers: dict[str, Any], result: dict[str, Any]) -> Any:
        recorded = returned.get((item.slug, repr((answers, result))))
        if recorded is None:
            # The engines differ before the author's code runs: a parity fault.
            raise LookupError("the browser's engine gave score() other arguments than CPython's")
        try:
            return ast.literal_eval(recorded)
        except (ValueError, SyntaxError):
            raise ValueError("score() returned a value that is not plain data") from None

    problems = check_examples(Model.from_definition(item.definition), replay)
    return [
        Finding(item.slug, False, tuple(problem.path), f"{IN_BROWSER}: {problem.message}")
        for problem in problems
    ]


def import_message(module: Path, failure: dict[str, Any]) -> str:
    """Why the module cannot be imported in a reader's browser: the names its
    import statement at that line brings, when an import is what failed."""
    if failure.get("missing"):
        names = imported_at(module, failure["line"] or 0)
        if names:
            return (
                f"imports {', '.join(names)}, which the reader's browser cannot load: "
                f"{failure['error']}"
            )
    return f"fails on import {IN_BROWSER}: {failure['error']}"


def imported_at(module: Path, line: int) -> list[str]:
    """The modules the import statement at `line` of `module` names."""
    try:
        tree = ast.parse(module.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom) and (
            node.lineno <= line <= (node.end_lineno or node.lineno)
        ):
            if isinstance(node, ast.Import):
                return [alias.name for alias in node.names]
            return [node.module or "."]
    return []
