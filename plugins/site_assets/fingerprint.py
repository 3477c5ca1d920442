"""Rename theme files to NAME.HASH.EXT and rewrite every reference to them.

GitHub Pages caches files for about ten minutes and lets us set no headers: a
stylesheet or script whose name carries its content hash can never be served
stale next to a page from a newer deploy."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

TEXT_ASSETS = {".css", ".js", ".svg"}
ASSETS = TEXT_ASSETS | {".png", ".ico", ".webp", ".woff2"}
HASHED = re.compile(r"\.[0-9a-f]{10}$")


def fingerprint(output: Path, static_dir: str) -> dict[str, str]:
    """Fingerprint every asset under OUTPUT/STATIC_DIR; return old -> new paths,
    relative to the output folder."""
    root = output / static_dir
    assets = sorted(
        path for path in root.rglob("*") if path.suffix in ASSETS and not HASHED.search(path.stem)
    )
    renamed: dict[str, str] = {}
    pending = list(assets)
    # An asset is renamed once every asset it names has its final name, so a
    # script that imports another carries that other's hash in its own. Naming
    # is textual: a comment that mentions another asset's file name counts too.
    while pending:
        ready = [path for path in pending if not names_any(path, pending)]
        if not ready:
            raise RuntimeError(f"fingerprint: assets name each other in a cycle: {pending}")
        for path in ready:
            rewrite(path, {Path(old).name: Path(new).name for old, new in renamed.items()})
            new_path = path.with_name(f"{path.stem}.{digest(path)}{path.suffix}")
            remove_older_versions(path)
            path.replace(new_path)
            renamed[path.relative_to(output).as_posix()] = new_path.relative_to(output).as_posix()
            pending.remove(path)
    for page in output.rglob("*.html"):
        rewrite(page, renamed)
    return renamed


def names_any(path: Path, others: list[Path]) -> bool:
    if path.suffix not in TEXT_ASSETS:
        return False
    text = path.read_text(encoding="utf-8")
    return any(other != path and other.name in text for other in others)


def rewrite(path: Path, replacements: dict[str, str]) -> None:
    if not replacements or path.suffix not in TEXT_ASSETS | {".html"}:
        return
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(
        "|".join(re.escape(old) for old in sorted(replacements, key=len, reverse=True))
    )
    updated = pattern.sub(lambda match: replacements[match.group(0)], text)
    if updated != text:
        path.write_text(updated, encoding="utf-8")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def remove_older_versions(path: Path) -> None:
    """A rebuild into the same folder (the devserver) leaves earlier versions."""
    for old in path.parent.glob(f"{path.stem}.*{path.suffix}"):
        if HASHED.search(old.stem):
            old.unlink()
