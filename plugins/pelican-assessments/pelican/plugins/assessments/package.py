"""Compile the assessments for the browser: one wheel holding the engine, every
definition and the authors' modules, listed in the site's own pyodide-lock.json
next to a copy of the pinned Pyodide runtime.

Reproducible: the same sources give byte-identical wheel and lockfile, so a
deploy that changed nothing changes no file (and no cache).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import logging
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .author_module import module_name
from .cache import cache_folder, cached_folder, cached_value, code_of, installed_version, key_of
from .contract import (
    DISTRIBUTION,
    ENGINE_PACKAGE,
    LOCKFILE,
    PACKAGE_KIND,
    RUNTIME_KIND,
    STDLIB,
    STDLIB_CUT,
    Layout,
)
from .reproducible import fixed_source_date, normalise_zip, sha256_of, zip_entry
from .runtime import Runtime
from .settings import SETTINGS
from .stale import remove_stale_folders

log = logging.getLogger("assessments")

ENGINE_DIR = Path(__file__).resolve().parent / "engine"
# Build-time only: the browser never validates definitions.
ENGINE_BUILD_ONLY = {"validation.py"}


def build_package(
    definitions: Mapping[str, dict[str, Any]],
    scorer_files: Mapping[str, Path],
    settings: Mapping[str, Any],
    output_path: Path,
) -> Layout:
    """Write the runtime, the wheel and the lockfile under OUTPUT/ASSESSMENT_RUNTIME_DIR."""
    runtime = Runtime.from_settings(settings)
    root = output_path / settings["ASSESSMENT_RUNTIME_DIR"]
    root.mkdir(parents=True, exist_ok=True)
    compile_bytecode = settings["ASSESSMENT_BYTE_COMPILE"] and runtime.matches_build_python()
    if settings["ASSESSMENT_BYTE_COMPILE"] and not compile_bytecode:
        log.warning(
            "assessments: building with Python %d.%d but Pyodide %s runs Python %s: "
            "shipping source instead of bytecode (slower start-up); build with Python %s to fix",
            *sys.version_info[:2],
            runtime.version,
            runtime.python,
            runtime.python_minor,
            extra={"advisory": True},
        )
    cache = cache_folder(settings)
    with tempfile.TemporaryDirectory(dir=root) as staging_name:
        staging = Path(staging_name)
        # The runtime: 13 MB, the same on nearly every build. Each file's hash
        # is kept with its size and modification time instead of read again,
        # and a rebuild into the same output keeps the folder already there.
        own_files = wheel_files(definitions, scorer_files)
        # A caller may pass settings the plugin did not fill in: the default is the cut.
        stdlib = settings.get("ASSESSMENT_STDLIB", SETTINGS["ASSESSMENT_STDLIB"].default)
        cut_for = own_files if stdlib == "cut" else None
        runtime_files = runtime.files(cache, compile_bytecode, cut_for)
        runtime_dir = folder_name(
            RUNTIME_KIND, {name: file_digest(path, cache) for name, path in runtime_files.items()}
        )
        runtime_staging = staging / "runtime"
        runtime_staging.mkdir()
        if not holds(root / runtime_dir, runtime_files):
            for name, path in runtime_files.items():
                shutil.copyfile(path, runtime_staging / name)
            publish(runtime_staging, root / runtime_dir)

        package_staging = staging / "package"
        package_staging.mkdir()
        write_package(definitions, scorer_files, runtime, package_staging, compile_bytecode, cache)
        package_dir = folder_name(PACKAGE_KIND, digests_of(package_staging))
        publish(package_staging, root / package_dir)
    # Older runtime and package folders (and anything else in the folder)
    # would stay beside these, and a service worker would precache them.
    remove_stale_folders(root, (runtime_dir, package_dir))
    prefix = settings["ASSESSMENT_RUNTIME_DIR"].strip("/")
    # What a reader downloads, file by file, so that the page can say how much
    # before it starts and count progress against it.
    downloads = sorted(
        path for folder in (root / runtime_dir, root / package_dir) for path in folder.iterdir()
    )
    return Layout(
        runtime=f"{prefix}/{runtime_dir}/",
        package=f"{prefix}/{package_dir}/",
        stdlib=STDLIB_CUT if cut_for is not None else STDLIB,
        sizes=tuple((path.name, path.stat().st_size) for path in downloads),
        wire_sizes=tuple((path.name, gzipped_size(path, cache)) for path in downloads),
    )


def gzipped_size(path: Path, cache: Path | None) -> int:
    """The file's size gzipped as a static host serves it (GitHub Pages does):
    what a reader is told a download costs. Kept per content, as compressing
    the 8.6 MB wasm takes most of a second."""
    name = "wheel" if path.suffix == ".whl" else path.name  # one entry each
    return cached_value(
        cache,
        "gzipped",
        name,
        key_of([file_digest(path, cache)]),
        lambda: len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)),
    )


def write_package(
    definitions: Mapping[str, dict[str, Any]],
    scorer_files: Mapping[str, Path],
    runtime: Runtime,
    folder: Path,
    compile_bytecode: bool,
    cache: Path | None = None,
) -> None:
    """The wheel and a lockfile listing it alone (0.4 KB instead of 119 KB: the
    runtime loads nothing else). With a `cache` folder, a package built before
    from the same files is copied instead: byte-compiling starts a process
    that costs more than the rest of the plugin."""
    files = wheel_files(definitions, scorer_files)
    make = functools.partial(_write_package, files, runtime, folder, compile_bytecode)
    if cache is None:
        make()
        return
    key = key_of(
        [
            content_hash(files),
            runtime.version,
            runtime.lockfile.read_bytes(),
            str(compile_bytecode),
            installed_version("pyodide-build"),
            sys.version,
            code_of("package", "reproducible"),
        ]
    )
    cached_folder(cache, "package", key, folder, make)


def _write_package(
    files: Mapping[str, bytes], runtime: Runtime, folder: Path, compile_bytecode: bool
) -> None:
    # Imported on a cache miss only: they cost more than a cached build's plugin work.
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    wheel = write_wheel(files, folder)
    spec = add_wheels_to_spec(
        PyodideLockSpec.from_json(runtime.lockfile), [wheel], base_path=folder
    )
    spec.packages = {name: pkg for name, pkg in spec.packages.items() if name == DISTRIBUTION}
    write_lockfile(spec.to_dict(), folder / LOCKFILE)
    if compile_bytecode:
        py_compile_folder(folder)


def folder_name(kind: str, digests: Mapping[str, bytes]) -> str:
    """KIND-HASH, the hash over every file's name and SHA-256."""
    digest = hashlib.sha256()
    for name in sorted(digests):
        digest.update(name.encode() + b"\0" + digests[name])
    return f"{kind}-{digest.hexdigest()[:10]}"


def digests_of(folder: Path) -> dict[str, bytes]:
    return {path.name: hashlib.sha256(path.read_bytes()).digest() for path in folder.iterdir()}


def holds(folder: Path, files: Mapping[str, Path]) -> bool:
    """Whether `folder` has each of `files` by name, at its size: a folder
    named by their hashes that a build left complete."""
    try:
        return all(
            (folder / name).stat().st_size == path.stat().st_size for name, path in files.items()
        )
    except OSError:
        return False


def publish(staging: Path, target: Path) -> None:
    """Move `staging` to `target`, replacing what a build cut short left there."""
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)


def file_digest(path: Path, cache: Path | None) -> bytes:
    """SHA-256 of the file at `path`, reused while its size and modification
    time are those it had when it was hashed."""
    stat = path.stat()
    resolved = str(path.resolve())
    return cached_value(
        cache,
        "digests",
        key_of([resolved])[:16],
        key_of([resolved, str(stat.st_size), str(stat.st_mtime_ns)]),
        lambda: hashlib.sha256(path.read_bytes()).digest(),
    )


def wheel_files(
    definitions: Mapping[str, dict[str, Any]], scorer_files: Mapping[str, Path]
) -> dict[str, bytes]:
    """The wheel's contents: the engine (its worker module and question types
    included), `_compiled.py` and the authors' modules."""
    files: dict[str, bytes] = {}
    for source in sorted(ENGINE_DIR.rglob("*.py")):
        relative = source.relative_to(ENGINE_DIR).as_posix()
        if relative not in ENGINE_BUILD_ONLY:
            files[f"{ENGINE_PACKAGE}/{relative}"] = source.read_bytes()
    files[f"{ENGINE_PACKAGE}/_compiled.py"] = compiled_module(definitions, scorer_files).encode()
    if scorer_files:
        files[f"{ENGINE_PACKAGE}/authored/__init__.py"] = b""
        for path in scorer_files.values():
            files[f"{ENGINE_PACKAGE}/authored/{module_name(path.name)}.py"] = path.read_bytes()
    return files


def write_wheel(files: Mapping[str, bytes], folder: Path) -> Path:
    """A pure-Python wheel of `files` (arcname -> bytes), named by their hash."""
    from wheel.wheelfile import WheelFile

    version = "1.0.0+" + content_hash(files)
    name = f"{DISTRIBUTION.replace('-', '_')}-{version}"
    metadata = f"Metadata-Version: 2.1\nName: {DISTRIBUTION}\nVersion: {version}\n"
    wheel_meta = (
        "Wheel-Version: 1.0\nGenerator: pelican-assessments\n"
        "Root-Is-Purelib: true\nTag: py3-none-any\n"
    )
    path = folder / f"{name}-py3-none-any.whl"
    with fixed_source_date(), WheelFile(path, "w") as wheel:
        for arcname, data in sorted(files.items()):
            wheel.writestr(zip_entry(arcname), data)
        wheel.writestr(zip_entry(f"{name}.dist-info/METADATA"), metadata)
        wheel.writestr(zip_entry(f"{name}.dist-info/WHEEL"), wheel_meta)
    return path


def compiled_module(
    definitions: Mapping[str, dict[str, Any]], scorer_files: Mapping[str, Path]
) -> str:
    """Python source holding every definition as a literal: byte-compiled,
    it loads faster than JSON read from a file, and needs no I/O."""
    scorers = {slug: module_name(path.name) for slug, path in sorted(scorer_files.items())}
    return (
        '"""Generated at build time by the assessments plugin. Do not edit."""\n\n'
        f"DEFINITIONS = {_literal(dict(sorted(definitions.items())))}\n\n"
        f"SCORERS = {scorers!r}\n"
    )


def _literal(value: Any) -> str:
    # JSON is valid Python for these values except true/false/null; repr keeps
    # int keys (Likert feedback) as ints, which JSON would turn into strings.
    return repr(value)


def content_hash(files: Mapping[str, bytes]) -> str:
    digest = hashlib.sha256()
    for arcname, data in sorted(files.items()):
        digest.update(arcname.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:12]


def write_lockfile(data: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def py_compile_folder(folder: Path) -> None:
    """`pyodide py-compile` on the folder (it rewrites the lockfile's names and
    hashes), then zip timestamps fixed and hashes re-synced for reproducibility."""
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    with fixed_source_date():
        subprocess.run(
            [
                str(pyodide_cli),
                "py-compile",
                "--silent",
                "--no-keep",
                "--exclude",
                "python_stdlib",
                str(folder),
            ],
            check=True,
        )
    lockfile = folder / LOCKFILE
    data = json.loads(lockfile.read_text(encoding="utf-8"))
    for package in data["packages"].values():
        wheel = folder / package["file_name"]
        normalise_zip(wheel)
        package["sha256"] = sha256_of(wheel)
    write_lockfile(data, lockfile)
