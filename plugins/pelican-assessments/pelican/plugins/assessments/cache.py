"""Build results reused between builds, each keyed by everything it is made of.

Reading YAML with line numbers and byte-compiling the wheel cost more than all
of Pelican's own work on this site; both depend only on their inputs, so a
rebuild (the devserver loop) reuses them. A key names the inputs' bytes and
the code that turns them into the result, so an edit to either misses the
cache and nothing stale is ever served. Old entries are dropped as new ones
are written, so the folder cannot grow without bound.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from importlib.metadata import version
from pathlib import Path
from typing import Any

# Package entries kept: the current one and a few recent ones, so that
# switching back and forth between two branches still hits.
KEEP_FOLDERS = 4


def cache_folder(settings: Mapping[str, Any]) -> Path | None:
    """Where this plugin keeps build results: CACHE_PATH/assessments, or None
    when ASSESSMENT_CACHE is off (everything is then made anew)."""
    if not settings.get("ASSESSMENT_CACHE", True):
        return None
    return Path(settings.get("CACHE_PATH", "cache")) / "assessments"


def key_of(parts: Iterable[bytes | str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()[:24]


@functools.cache
def installed_version(distribution: str) -> str:
    """The installed version of a library whose output a key covers. Asked
    once per process: each lookup scans the installed distributions."""
    return version(distribution)


# Once per process: a running build (or devserver) never reloads its plugins.
@functools.cache
def code_of_plugin() -> bytes:
    """The source of every module of this plugin, the engine included, in a
    stable order."""
    here = Path(__file__).resolve().parent
    return b"".join(
        path.read_bytes()
        for path in sorted(here.rglob("*.py"))
        if "tests" not in path.relative_to(here).parts
    )


@functools.cache
def code_of(*modules: str) -> bytes:
    """The source of the plugin modules named (files beside this one): part
    of a key, so that changing how a result is made invalidates it."""
    here = Path(__file__).resolve().parent
    return b"".join((here / f"{name}.py").read_bytes() for name in modules)


def cached_value[T](
    folder: Path | None, kind: str, name: str, key: str, make: Callable[[], T]
) -> T:
    """`make()`, or its pickled result from an earlier build with the same key.
    One entry per `name` (a source file): writing a new one drops the old.
    A cache that cannot be read or written is skipped, never an error."""
    if folder is None:
        return make()
    entry = folder / kind / f"{name}.{key}.pickle"
    try:
        with entry.open("rb") as file:
            return pickle.load(file)  # our own file, written below
    except Exception:  # missing or damaged: made again, never a failed build
        pass
    value = make()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=entry.parent, delete=False) as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, entry)
        for old in entry.parent.glob(f"{glob.escape(name)}.*.pickle"):
            if old != entry:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return value


def cached_folder(
    folder: Path | None, kind: str, key: str, target: Path, make: Callable[[], None]
) -> None:
    """Fill `target` with `make()`'s files, or with a copy of them from an
    earlier build with the same key."""
    if folder is None:
        make()
        return
    entry = folder / kind / key
    if entry.is_dir():
        os.utime(entry)  # recently used: kept longest
        for path in entry.iterdir():
            shutil.copyfile(path, target / path.name)
        return
    make()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=entry.parent, prefix=".staging-"))
        try:
            for path in target.iterdir():
                shutil.copyfile(path, staging / path.name)
            staging.rename(entry)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # left only if the rename failed
        prune(entry.parent, keep=KEEP_FOLDERS)
    except OSError:
        pass


def prune(folder: Path, keep: int) -> None:
    """Drop all but the `keep` most recently used entries of `folder`."""
    entries = sorted(
        (path for path in folder.iterdir() if not path.name.startswith(".")),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)
