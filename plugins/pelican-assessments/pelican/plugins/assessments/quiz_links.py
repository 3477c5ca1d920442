"""Links from an article or page to a knowledge check's file.

A knowledge check has no page of its own, so `{filename}` cannot resolve to
it: Pelican warns "Unable to find ..." without naming the file that holds the
link. This names it, with the line, and says what to write instead."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .problems import AuthorProblem

# The forms Pelican replaces: {filename}path or |filename|path, optional #fragment.
LINK = re.compile(r"""(?:href|src)\s*=\s*["'](?:\{filename\}|\|filename\|)([^"'#?]*)""")


def links_to_knowledge_checks(item: Any, checks: Mapping[str, str]) -> list[AuthorProblem]:
    """A problem for each link in `item` to a file of `checks` (its path under
    PATH, posix -> the knowledge check's slug)."""
    if not checks:
        return []
    root = Path(item.settings["PATH"]).resolve()
    folder = posixpath.dirname(Path(item.source_path).resolve().relative_to(root).as_posix())
    problems = []
    for target in LINK.findall(item._content or ""):
        relative = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        slug = checks.get(posixpath.normpath(relative))
        if slug is None:
            continue
        problems.append(
            AuthorProblem(
                item.relative_source_path,
                _line_of(Path(item.source_path), target),
                f"link to '{target}', a knowledge check, which has no page of its own; "
                f"embed it with a line `[quiz: {slug}]` instead",
            )
        )
    return problems


def _line_of(path: Path, target: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((number for number, line in enumerate(lines, 1) if target in line), 1)
