"""The standard library the site ships is cut to what scoring imports, and
holds every module Pyodide imports while it starts and scores (measured with
the whole library, so a module the cut lacks shows up here by name)."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.conftest import Build
from tests.pyodide.engines import PYODIDE, answer_sets, built_wheel, in_cpython, in_pyodide
from tests.pyodide.engines import shipped_stdlib as stdlib_of

FULL = PYODIDE / "python_stdlib.zip"


def opened(archive: Path) -> zipfile.ZipFile:
    data = archive.read_bytes()
    return zipfile.ZipFile(io.BytesIO(gzip.decompress(data) if archive.suffix == ".gz" else data))


def module_names(archive: Path) -> set[str]:
    names = set()
    with opened(archive) as zipped:
        for member in zipped.namelist():
            stem, dot, suffix = member.rpartition(".")
            if dot and suffix in ("py", "pyc"):
                names.add(stem.removesuffix("/__init__").replace("/", "."))
    return names


@pytest.fixture(scope="module")
def wheel(site: Build) -> Path:
    return built_wheel(site.output)


def test_the_site_ships_a_cut_library_stored_and_gzipped_whole(wheel: Path) -> None:
    cut = stdlib_of(wheel)
    assert cut.name.endswith(".zip.gz")
    with opened(cut) as zipped:
        assert {info.compress_type for info in zipped.infolist()} == {zipfile.ZIP_STORED}
    # Smaller than even the whole library as deflated source (2.4 MB), byte code and all.
    assert cut.stat().st_size < FULL.stat().st_size
    assert module_names(cut) < module_names(FULL)
    assert {"json", "pyodide", "_pyodide", "asyncio", "tarfile"} <= module_names(cut)
    assert "unittest" not in module_names(cut)


def test_every_module_pyodide_imports_to_start_and_score_is_in_the_cut(
    wheel: Path, tmp_path: Path
) -> None:
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps(answer_sets(in_cpython(wheel, "catalog"))), encoding="utf-8")
    imported = set(in_pyodide(wheel, "modules", cases, stdlib=FULL))
    from_the_library = imported & module_names(FULL)
    assert "json" in from_the_library
    assert from_the_library - module_names(stdlib_of(wheel)) == set()
