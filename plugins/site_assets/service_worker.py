"""Write OUTPUT/sw.js: what to cache for offline use, keyed by content hashes."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelican.plugins.assessments.contract import FOLDER_KINDS

HERE = Path(__file__).parent
# The folders the assessments plugin names by their contents' hash.
RUNTIME_DIR_PREFIXES = tuple(f"{kind}-" for kind in FOLDER_KINDS)


def write_service_worker(
    output: Path, settings: Mapping[str, Any], renamed: Mapping[str, str]
) -> None:
    if not settings.get("SERVICE_WORKER", True):
        (output / "sw.js").write_text(
            (HERE / "sw-off.js").read_text(encoding="utf-8"), encoding="utf-8"
        )
        return
    runtime_dir = settings.get("ASSESSMENT_RUNTIME_DIR", "py").strip("/")
    runtime_root = output / runtime_dir
    runtime_files = sorted(
        path.relative_to(output).as_posix()
        for path in runtime_root.rglob("*")
        if path.is_file() and path.parent.name.startswith(RUNTIME_DIR_PREFIXES)
    )
    # What an assessment needs offline: the theme's files, every assessment page
    # and their index. Other pages are cached as the reader visits them.
    assessment_pages = (
        sorted(
            path.relative_to(output).as_posix().removesuffix("index.html")
            for path in (output / "assessments").rglob("index.html")
        )
        if (output / "assessments").is_dir()
        else []
    )
    site_files = sorted(renamed.values()) + assessment_pages
    source = (HERE / "sw.js").read_text(encoding="utf-8")
    for placeholder, value in {
        "__SITE_HASH__": short_hash(site_files, output),
        "__RUNTIME_HASH__": short_hash(runtime_files, output),
        "__SITE_FILES__": json.dumps(site_files),
        "__RUNTIME_FILES__": json.dumps(runtime_files),
        # e.g. /py/(runtime|package)-HASH/: files there never change
        "__RUNTIME_FOLDERS__": json.dumps(
            "/" + re.escape(runtime_dir) + "/(" + "|".join(FOLDER_KINDS) + ")-[0-9a-f]+/"
        ),
    }.items():
        source = source.replace(placeholder, value)
    (output / "sw.js").write_text(source, encoding="utf-8")


def short_hash(files: list[str], output: Path) -> str:
    """A hash of the files' names and contents (names of fingerprinted and
    runtime files already carry theirs; pages need their bytes)."""
    digest = hashlib.sha256()
    for name in files:
        path = output / name
        if path.is_dir() or name.endswith("/"):
            path = path / "index.html"
        digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:10]
