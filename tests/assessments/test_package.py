"""The compiled package: the wheel, the site's lockfile and the runtime copy."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import sys
import zipfile
from pathlib import Path

import pytest
from pelican.plugins.assessments.contract import DISTRIBUTION, STDLIB_CUT
from pelican.plugins.assessments.runtime import RUNTIME_FILES, Runtime, RuntimeMissing

from tests.conftest import ROOT, Build, build_site
from tests.pyodide.engines import package_dir, runtime_dir


@pytest.fixture(scope="module")
def runtime(site: Build) -> Path:
    return runtime_dir(site.output)


@pytest.fixture(scope="module")
def package(site: Build) -> Path:
    return package_dir(site.output)


@pytest.fixture(scope="module")
def lockfile(package: Path) -> dict:
    return json.loads((package / "pyodide-lock.json").read_text(encoding="utf-8"))


def wheel_of(package: Path) -> Path:
    (wheel,) = package.glob("*.whl")
    return wheel


def byte_compiled() -> bool:
    return sys.version_info[:2] == (3, 13)


def test_the_runtime_folder_holds_only_what_a_page_loads(
    site: Build, runtime: Path, package: Path
) -> None:
    assert {path.name for path in (site.output / "py").iterdir()} == {runtime.name, package.name}
    assert {path.name for path in runtime.iterdir()} == {*RUNTIME_FILES, STDLIB_CUT}
    assert {path.name for path in package.iterdir()} == {
        "pyodide-lock.json",
        wheel_of(package).name,
    }


def test_the_lockfile_lists_our_package_alone_with_the_wheels_sha256(
    package: Path, lockfile: dict
) -> None:
    (entry,) = lockfile["packages"].values()
    wheel = wheel_of(package)
    assert entry["name"] == DISTRIBUTION
    assert entry["file_name"] == wheel.name
    assert entry["imports"] == ["assessment_engine"]
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()


def test_the_lockfile_describes_the_pinned_runtime(lockfile: dict) -> None:
    upstream = json.loads((ROOT / "node_modules/pyodide/pyodide-lock.json").read_text())
    assert lockfile["info"] == upstream["info"]


def test_the_wheel_holds_the_engine_the_definitions_and_the_authors_modules(
    package: Path,
) -> None:
    suffix = ".pyc" if byte_compiled() else ".py"
    with zipfile.ZipFile(wheel_of(package)) as wheel:
        names = set(wheel.namelist())
    modules = {name for name in names if not name.split("/")[0].endswith(".dist-info")}
    engine_dir = ROOT / "plugins/pelican-assessments/pelican/plugins/assessments/engine"
    engine = {
        p.relative_to(engine_dir).with_suffix("").as_posix() for p in engine_dir.rglob("*.py")
    } - {"validation"}
    assert {"worker", "questions/scale"} <= engine
    assert modules == (
        {f"assessment_engine/{stem}{suffix}" for stem in engine | {"_compiled"}}
        | {f"assessment_engine/authored/{stem}{suffix}" for stem in ("__init__", "rope_tally")}
    )
    assert {name.split("/")[1] for name in names - modules} >= {"METADATA", "WHEEL", "RECORD"}


@pytest.mark.skipif(not byte_compiled(), reason="byte-compiling needs the runtime's Python 3.13")
def test_the_wheel_and_the_standard_library_are_byte_compiled(runtime: Path, package: Path) -> None:
    assert "-cp313-" in wheel_of(package).name
    cut = gzip.decompress((runtime / STDLIB_CUT).read_bytes())
    with zipfile.ZipFile(io.BytesIO(cut)) as stdlib:
        names = stdlib.namelist()
    assert any(name.endswith(".pyc") for name in names)
    assert not any(name.endswith(".py") for name in names)


def test_a_second_build_gives_a_byte_identical_wheel_and_lockfile(
    site: Build, tmp_path: Path
) -> None:
    # From an empty build cache: the same bytes must come from the sources alone.
    cache = json.dumps(str(tmp_path / "cache"))
    again = build_site(tmp_path / "again", extra={"CACHE_PATH": cache})
    assert again.returncode == 0, again.log
    for folder in (runtime_dir, package_dir):
        first, second = folder(site.output), folder(again.output)
        assert first.name == second.name  # the name is a hash of the contents
        for path in first.iterdir():
            assert path.read_bytes() == (second / path.name).read_bytes(), path.name


def test_the_pyodide_version_is_pinned_in_one_place_and_installed() -> None:
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"][
        "node_modules/pyodide"
    ]
    installed = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())
    assert locked["version"] == pinned
    assert installed["version"] == pinned


def test_a_runtime_other_than_the_pinned_one_is_refused_with_a_fix(tmp_path: Path) -> None:
    package_json = tmp_path / "package.json"
    package_json.write_text(json.dumps({"dependencies": {"pyodide": "0.28.0"}}))
    settings = {
        "ASSESSMENT_PYODIDE_DIR": str(ROOT / "node_modules/pyodide"),
        "ASSESSMENT_PACKAGE_JSON": str(package_json),
    }
    with pytest.raises(
        RuntimeMissing, match=r"pins Pyodide 0\.28\.0 but 0\.29\.\d+ is installed; run `npm ci`"
    ):
        Runtime.from_settings(settings)


def test_a_missing_runtime_says_how_to_install_it(tmp_path: Path) -> None:
    settings = {"ASSESSMENT_PYODIDE_DIR": str(tmp_path / "nothing"), "ASSESSMENT_PACKAGE_JSON": "x"}
    with pytest.raises(
        RuntimeMissing, match=r"ASSESSMENT_PYODIDE_DIR\); install it .* `npm install pyodide@"
    ):
        Runtime.from_settings(settings)
