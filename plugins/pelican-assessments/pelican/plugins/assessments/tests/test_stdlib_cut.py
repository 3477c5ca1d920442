"""The standard-library cut: what an author's module imports gets in, with
everything that imports, and the zip is the same bytes every time."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pelican.plugins.assessments.stdlib_cut import Index, imports_of, modules_needed, write_cut

from .conftest import pyodide_dir

AUTHOR = "assessment_engine/authored/tally.py"


@pytest.fixture(scope="module")
def index() -> Index:
    return Index(zipfile.ZipFile(pyodide_dir() / "python_stdlib.zip"))


def test_a_module_an_author_imports_is_in_the_cut_with_what_it_imports(index: Index) -> None:
    without = modules_needed(index, {AUTHOR: b"def score(answers, result):\n    return result\n"})
    assert "statistics" not in without
    assert "fractions" not in without
    source = b"import statistics\n\ndef score(answers, result):\n    return result\n"
    needed = modules_needed(index, {AUTHOR: source})
    assert "statistics" in needed
    assert "fractions" in needed  # statistics imports it at module level


def test_an_import_inside_an_authors_function_counts_too(index: Index) -> None:
    source = b"def score(answers, result):\n    from csv import reader\n    return result\n"
    assert "csv" in modules_needed(index, {AUTHOR: source})


def test_pyodides_start_up_is_always_in_the_cut(index: Index) -> None:
    assert {"pyodide", "_pyodide", "asyncio", "encodings.utf_8"} <= modules_needed(index, {})


def test_main_blocks_and_other_platforms_bring_nothing() -> None:
    source = (
        b"import os\n"
        b"if __name__ == '__main__':\n    import doctest\n"
        b"if sys.platform == 'win32':\n    import winreg\nelse:\n    import posix\n"
        b"def later():\n    import pdb\n"
    )
    assert imports_of(source, "m", False, in_functions=False) == {"os", "posix"}
    assert "pdb" in imports_of(source, "m", False, in_functions=True)


def test_relative_imports_are_resolved_against_the_package() -> None:
    found = imports_of(
        b"from . import _meta\nfrom ..x import y\n", "a.b.c", False, in_functions=False
    )
    assert {"a.b._meta", "a.x", "a.x.y"} <= found


def test_the_cut_is_stored_and_byte_identical_from_the_same_inputs(tmp_path: Path) -> None:
    source = pyodide_dir() / "python_stdlib.zip"
    own = {AUTHOR: b"import statistics\n"}
    write_cut(source, source, own, tmp_path / "one.zip")
    write_cut(source, source, own, tmp_path / "two.zip")
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as cut:
        assert "statistics.py" in cut.namelist()
        assert {info.compress_type for info in cut.infolist()} == {zipfile.ZIP_STORED}
        assert cut.namelist() == sorted(cut.namelist())


def test_what_a_built_in_module_imports_from_c_is_in_the_cut(index: Index) -> None:
    # decimal is a shim over the built-in _decimal, which imports numbers itself.
    assert "numbers" in modules_needed(index, {AUTHOR: b"from decimal import Decimal\n"})


def test_strptime_comes_with_our_own_import_of_time_not_with_pyodides(index: Index) -> None:
    assert "_strptime" not in modules_needed(index, {})
    assert "_strptime" in modules_needed(index, {AUTHOR: b"import time\n"})


def test_what_sysconfig_imports_by_a_computed_name_comes_with_it(index: Index) -> None:
    # zoneinfo needs sysconfig, which imports its platform's data by a name
    # built from sys.abiflags, sys.platform and the multiarch triple.
    assert not any(name.startswith("_sysconfigdata_") for name in modules_needed(index, {}))
    needed = modules_needed(index, {AUTHOR: b"import zoneinfo\n"})
    assert "sysconfig" in needed
    assert "_sysconfigdata__emscripten_wasm32-emscripten" in needed
