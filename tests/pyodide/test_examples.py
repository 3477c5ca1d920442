"""Every author's examples run where readers run them: through the shipped
package under Pyodide (Node, the pinned runtime, the standard library the
site ships), with the outcomes the build checked under CPython. A module
that reaches for something the browser's Python lacks fails here, with the
author's file and line."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from tests.conftest import ROOT, Build, build_site
from tests.pyodide.engines import built_wheel, in_cpython, in_pyodide

# Not in tests/assessments/fixtures: those fail the build's own checks; this one passes them.
FIXTURES = Path(__file__).parent / "fixtures"


def example_names() -> list[tuple[str, str]]:
    """(assessment, example) for every example in content/assessments."""
    names = []
    for path in sorted((ROOT / "content" / "assessments").glob("*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        names += [(data["id"], example["name"]) for example in data.get("examples") or []]
    return names


def examples_in_both(output: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    wheel = built_wheel(output)
    return in_cpython(wheel, "examples"), in_pyodide(wheel, "examples")


def test_every_authors_example_scores_under_pyodide_as_the_build_checked_it(
    site: Build,
) -> None:
    cpython, pyodide = examples_in_both(site.output)
    outcomes = pyodide["outcomes"]
    assert sorted((o["assessment"], o["example"]) for o in outcomes) == sorted(example_names())
    assert pyodide["failures"] == []
    assert outcomes == cpython["outcomes"]


def content_with_time_zones(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for path in FIXTURES.glob("needs-time-zones.*"):
        shutil.copy(path, content / "assessments")
    return content


def zone_line() -> int:
    """The fixture's line that looks a zone up (there is no time-zone data in Pyodide)."""
    source = (FIXTURES / "needs-time-zones.py").read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(source, 1) if "ZoneInfo(" in text)


def test_a_module_that_needs_what_the_browser_lacks_fails_the_build_at_its_line(
    tmp_path: Path,
) -> None:
    content = content_with_time_zones(tmp_path)
    build = build_site(tmp_path / "out", content=content, timeout=300)
    assert build.returncode != 0, build.log
    assert (
        f"ERROR    assessments: {content}/assessments/needs-time-zones.py:{zone_line()}: "
        "fails in a reader's browser (Pyodide) while scoring the examples: "
        "ZoneInfoNotFoundError: No time zone found with key Europe/Paris; "
        "a reader's browser has no time-zone data"
    ) in build.log
    assert "Traceback" not in build.log


def test_without_the_build_step_the_module_passes_and_fails_only_under_pyodide(
    tmp_path: Path,
) -> None:
    content = content_with_time_zones(tmp_path)
    build = build_site(
        tmp_path / "out",
        content=content,
        extra={"ASSESSMENT_CHECK_IN_PYODIDE": "false"},
        timeout=300,
    )
    # The build's own checks run the example under CPython, where it passes.
    assert build.returncode == 0, build.log
    cpython, pyodide = examples_in_both(build.output)
    assert cpython["failures"] == []
    (failure,) = pyodide["failures"]
    assert failure["assessment"] == "needs-time-zones"
    assert failure["file"] == "assessment_engine/authored/needs_time_zones.py"
    # `import zoneinfo` works under the cut library (sysconfig brings the data
    # module it imports by a computed name); the lookup of a zone does not.
    assert failure["error"].startswith("while scoring: ZoneInfoNotFoundError"), failure["error"]
    assert failure["line"] == zone_line()
    (outcome,) = [o for o in pyodide["outcomes"] if o["assessment"] == "needs-time-zones"]
    assert "error" in outcome  # the reader would be told it could not be scored
