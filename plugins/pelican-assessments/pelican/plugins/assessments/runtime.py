"""The pinned Pyodide runtime: where it is installed, what it runs, and copying
the few files a page needs into the site."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cache import KEEP_FOLDERS, code_of, installed_version, key_of, prune
from .contract import LOCKFILE, RUNTIME_FILES, STDLIB, STDLIB_CUT
from .reproducible import fixed_source_date, normalise_zip
from .stdlib_cut import write_cut


class RuntimeMissing(Exception):
    """The runtime is missing or is not the pinned version."""


@dataclass(frozen=True)
class Runtime:
    folder: Path
    version: str
    python: str  # e.g. "3.13.2"

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Runtime:
        folder = Path(settings["ASSESSMENT_PYODIDE_DIR"])
        installed = folder / "package.json"
        pinned = pinned_version(Path(settings["ASSESSMENT_PACKAGE_JSON"]))
        if not installed.is_file():
            raise RuntimeMissing(
                f"assessments: no Pyodide runtime in {folder} (the setting "
                "ASSESSMENT_PYODIDE_DIR); install it in the site's folder with "
                f"`npm install pyodide@{pinned or 'VERSION'}` (or `npm ci` where package.json "
                "pins it), or point ASSESSMENT_PYODIDE_DIR at an installed copy"
            )
        version = json.loads(installed.read_text(encoding="utf-8"))["version"]
        if pinned is not None and pinned != version:
            raise RuntimeMissing(
                f"assessments: package.json pins Pyodide {pinned} but {version} is installed; "
                "run `npm ci`"
            )
        info = json.loads((folder / LOCKFILE).read_text(encoding="utf-8"))["info"]
        return cls(folder=folder, version=version, python=info["python"])

    @property
    def lockfile(self) -> Path:
        return self.folder / LOCKFILE

    @property
    def python_minor(self) -> str:
        return ".".join(self.python.split(".")[:2])

    def matches_build_python(self) -> bool:
        return self.python_minor == "{}.{}".format(*sys.version_info[:2])

    def files(
        self,
        cache: Path | None,
        compile_bytecode: bool,
        cut_for: Mapping[str, bytes] | None = None,
    ) -> dict[str, Path]:
        """The files a page needs, by name, and where each is found. With
        `cut_for` (our wheel's files), the standard library is cut to what
        they and Pyodide's start-up import; without, it is shipped whole."""
        files = {name: self.folder / name for name in RUNTIME_FILES}
        stdlib = self.compiled_stdlib(cache) if compile_bytecode else self.folder / STDLIB
        if cut_for is None:
            files[STDLIB] = stdlib
        else:
            files[STDLIB_CUT] = self.cut_stdlib(stdlib, compile_bytecode, cut_for, cache)
        return files

    def cut_stdlib(
        self, shipped: Path, compiled: bool, own_files: Mapping[str, bytes], cache: Path | None
    ) -> Path:
        """`shipped` cut to the modules the site can import (stdlib_cut) and
        gzipped, made once per set of inputs: the wheel's sources, the
        runtime, the build Python and the code that cuts."""
        key = key_of(
            [
                self.version,
                sys.version,
                str(compiled),
                # What byte-compiled the members the cut copies.
                installed_version("pyodide-build") if compiled else "",
                code_of("stdlib_cut", "boot_modules", "reproducible"),
                *(part for name in sorted(own_files) for part in (name, own_files[name])),
            ]
        )
        if cache is None:
            cache = Path(tempfile.mkdtemp(prefix="assessments-stdlib-"))
        folder = cache / "stdlib-cut" / key
        cut = folder / STDLIB_CUT
        if cut.is_file():
            os.utime(folder)  # recently used: kept longest
        else:
            folder.mkdir(parents=True, exist_ok=True)
            staging = _staging(folder, ".zip")
            write_cut(self.folder / STDLIB, shipped, own_files, staging)
            # No name and no time in the gzip header: the same bytes every build.
            compressed = gzip.compress(staging.read_bytes(), compresslevel=9, mtime=0)
            staging.unlink()
            gzipped = _staging(folder, ".gz")
            gzipped.write_bytes(compressed)
            gzipped.chmod(0o644)
            gzipped.rename(cut)
            prune(folder.parent, keep=KEEP_FOLDERS)
        return cut

    def compiled_stdlib(self, cache: Path | None) -> Path:
        """The standard library byte-compiled once per runtime version and
        build Python, then reused: compiling takes seconds, copying does not.
        Without a cache folder it is compiled anew into a temporary one."""
        if cache is None:
            cache = Path(tempfile.mkdtemp(prefix="assessments-stdlib-"))
        folder = cache / f"pyodide-{self.version}-cp{sys.version_info[0]}{sys.version_info[1]}"
        compiled = folder / STDLIB
        if not compiled.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            staging = _staging(folder, ".zip")
            shutil.copyfile(self.folder / STDLIB, staging)
            with fixed_source_date():
                subprocess.run(
                    [
                        str(Path(sys.executable).with_name("pyodide")),
                        "py-compile",
                        "--silent",
                        "--no-keep",
                        str(staging),
                    ],
                    check=True,
                )
            normalise_zip(staging)
            staging.rename(compiled)
        return compiled


def _staging(folder: Path, suffix: str) -> Path:
    """A file name in `folder` no other build uses: two builds sharing a cold
    cache (tests run in parallel) would otherwise write one staging file at
    once, and one of them compile or gzip the other's half-written zip."""
    handle, name = tempfile.mkstemp(dir=folder, prefix="staging-", suffix=suffix)
    os.close(handle)
    return Path(name)


def pinned_version(package_json: Path) -> str | None:
    """The Pyodide version the project pins in package.json (the one place)."""
    if not package_json.is_file():
        return None
    return (
        json.loads(package_json.read_text(encoding="utf-8")).get("dependencies", {}).get("pyodide")
    )
