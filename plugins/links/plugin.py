"""Check {filename}, {static} and {attach} links against the content folder."""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path
from typing import Any

from pelican import signals

log = logging.getLogger(__name__)

# The same forms Pelican replaces: {filename}path, |filename|path, optional #fragment.
LINK = re.compile(
    r"""(?:href|src)\s*=\s*["'](?:\{|\|)(filename|static|attach)(?:\}|\|)([^"'#?]*)"""
)


def broken_links(source_path: str, html: str, content_root: Path) -> list[str]:
    """The targets in `html` that name no file under `content_root`.
    Absolute targets start at the content root; others at the source's folder."""
    folder = posixpath.dirname(
        Path(source_path).resolve().relative_to(content_root.resolve()).as_posix()
    )
    missing = []
    for _kind, target in LINK.findall(html):
        relative = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        if not (content_root / posixpath.normpath(relative)).is_file():
            missing.append(target)
    return missing


def check_links(generators: list[Any]) -> None:
    for generator in generators:
        items = getattr(generator, "articles", []) + getattr(generator, "pages", [])
        for item in items:
            root = Path(item.settings["PATH"])
            for target in broken_links(item.source_path, item._content or "", root):
                log.error(
                    "%s:%d: link to '%s', but no such file exists in %s/",
                    item.relative_source_path,
                    line_of(item.source_path, target),
                    target,
                    item.settings["PATH"],
                )


def line_of(source_path: str, target: str) -> int:
    """The first line of the source naming `target` after {filename} and the
    like, or 1."""
    try:
        lines = Path(source_path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    forms = [
        f"{opening}{kind}{closing}{target}"
        for kind in ("filename", "static", "attach")
        for opening, closing in (("{", "}"), ("|", "|"))
    ]
    return next(
        (number for number, line in enumerate(lines, 1) if any(f in line for f in forms)), 1
    )


def register() -> None:
    signals.all_generators_finalized.connect(check_links)
