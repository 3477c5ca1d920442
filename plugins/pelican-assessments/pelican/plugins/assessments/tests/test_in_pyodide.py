"""Authors' modules proven where readers run them: a module that passes every
check under CPython but fails in Pyodide fails the build at its file and
line, and is left out of the site; one that runs alike passes, and a
rebuild of an unchanged site starts no Node at all."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from ..compile import compile_definition
from ..pyodide_check import NODE_MISSING, Authored, import_message, imported_at, verdict
from ..source import SourceMap
from .conftest import TEST_DATA, Built, build

AUTHORED = TEST_DATA / "authored"
BUILD_SECONDS = 180
# Byte-compiling the standard library anew for every fresh cache costs more
# than the check itself: these builds ship source, which Pyodide runs alike.
FAST = {"ASSESSMENT_BYTE_COMPILE": False}


def content_with(tmp_path: Path, *names: str) -> Path:
    """The test site with the fixture assessments `names` (YAML and module)."""
    content = tmp_path / "content"
    shutil.copytree(TEST_DATA / "content", content)
    for name in names:
        for path in AUTHORED.glob(f"{name}.*"):
            shutil.copy(path, content / "assessments")
    return content


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def wheel_names(built: Built) -> list[str]:
    (wheel,) = (built.output / "py").glob("package-*/*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def has_time_zones() -> bool:
    import zoneinfo

    return bool(zoneinfo.available_timezones())


@pytest.mark.skipif(
    not has_time_zones(), reason="this CPython has no time-zone data, so the fixture fails here too"
)
def test_a_module_that_fails_only_under_pyodide_fails_the_build_at_its_line(
    tmp_path: Path,
) -> None:
    content = content_with(tmp_path, "needs-time-zones", "platform-bound", "fixed-offset")
    built = build(tmp_path, FAST, content=content, timeout=BUILD_SECONDS)
    assert "Traceback" not in built.log
    zone_line = line_of(AUTHORED / "needs-time-zones.py", "ZoneInfo(")
    assert (
        f"ERROR    assessments: content/assessments/needs-time-zones.py:{zone_line}: fails in a "
        "reader's browser (Pyodide) while scoring the examples: ZoneInfoNotFoundError: No time "
        "zone found with key Europe/Paris; a reader's browser has no time-zone data; use a fixed "
        "offset (datetime.timezone(datetime.timedelta(hours=1))) instead"
    ) in built.log
    # No exception there, but not the result the example expects: at the example.
    expect_line = line_of(AUTHORED / "platform-bound.yaml", "extra: {runs_on: a computer}")
    assert (
        f"ERROR    assessments: content/assessments/platform-bound.yaml:{expect_line}: in a "
        "reader's browser (Pyodide): expected extra 'runs_on' 'a computer', got 'a browser'"
    ) in built.log
    assert built.log.count("ERROR    assessments:") == 2, built.log
    # Left out, as a file with any other problem is; the one that runs alike stays.
    assert not (built.output / "assessments" / "needs-time-zones").exists()
    assert not (built.output / "assessments" / "platform-bound").exists()
    assert (built.output / "assessments" / "fixed-offset" / "index.html").is_file()
    names = wheel_names(built)
    assert "assessment_engine/authored/fixed_offset.py" in names
    assert "assessment_engine/authored/needs_time_zones.py" not in names


def test_with_the_step_off_the_same_modules_pass_the_build(tmp_path: Path) -> None:
    """What the step catches, the build's CPython checks do not: the fixtures are sound."""
    content = content_with(tmp_path, "platform-bound")
    settings = {**FAST, "ASSESSMENT_CHECK_IN_PYODIDE": False}
    built = build(tmp_path, settings, content=content, timeout=BUILD_SECONDS)
    assert built.returncode == 0, built.log
    assert "ERROR" not in built.log, built.log
    assert (built.output / "assessments" / "platform-bound" / "index.html").is_file()


def test_an_unchanged_site_is_not_checked_again_and_without_node_is_told_so(
    tmp_path: Path,
) -> None:
    content = content_with(tmp_path, "fixed-offset")
    first = build(tmp_path, FAST, content=content, timeout=BUILD_SECONDS)
    assert first.returncode == 0, first.log
    assert "ERROR" not in first.log, first.log
    no_node = {"PATH": str(tmp_path / "nothing-here")}
    # The same package: the verdict is the cached one, and Node is not needed.
    again = build(tmp_path, FAST, content=content, timeout=BUILD_SECONDS, environment=no_node)
    assert "ERROR" not in again.log, again.log
    # A changed module is a new package, which only Node can check.
    module = content / "assessments" / "fixed-offset.py"
    module.write_text(module.read_text() + "\n# changed\n")
    changed = build(tmp_path, FAST, content=content, timeout=BUILD_SECONDS, environment=no_node)
    assert f"ERROR    {NODE_MISSING}" in changed.log, changed.log
    assert "Traceback" not in changed.log


def test_a_failed_import_names_what_the_line_imports(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import math\nfrom zoneinfo import (\n    ZoneInfo,\n)\n")
    assert imported_at(module, 3) == ["zoneinfo"]
    assert imported_at(module, 1) == ["math"]
    failure = {
        "line": 2,
        "error": "ModuleNotFoundError: No module named '_sysconfigdata_x'",
        "missing": "_sysconfigdata_x",
    }
    assert import_message(module, failure) == (
        "imports zoneinfo, which the reader's browser cannot load: "
        "ModuleNotFoundError: No module named '_sysconfigdata_x'"
    )
    other = {"line": 1, "error": "ValueError: no", "missing": None}
    assert import_message(module, other) == (
        "fails on import in a reader's browser (Pyodide): ValueError: no"
    )


def test_a_record_of_calls_the_build_never_made_is_a_finding_not_a_pass() -> None:
    """The replay answers only the calls Pyodide recorded: a call it lacks
    (the engines gave the module different arguments) cannot pass unnoticed."""
    question = {"id": "n", "type": "number", "text": "N?", "min": 1, "max": 3}
    definition = {
        "id": "t",
        "title": "T",
        "summary": "S",
        "sections": [{"title": "One", "questions": [question]}],
        "examples": [{"name": "one", "answers": {"n": 1}, "expect": {"extra": {"x": 1}}}],
    }
    compiled = compile_definition(definition, str, lambda slug: (slug, slug))
    item = Authored("t", compiled, "t.yaml", SourceMap({}), Path("t.py"))
    findings = verdict({"imports": [], "calls": []}, [item])
    assert [f.where for f in findings] == [("examples", 0, "answers")]
    assert "other arguments than CPython's" in findings[0].message
