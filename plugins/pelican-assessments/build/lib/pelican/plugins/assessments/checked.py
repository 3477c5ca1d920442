"""Every problem of an assessment file, reused from an earlier build when the
file, its scoring module, the pages it may link to and the checking code are
all unchanged: checking runs the engine on the author's examples, and
importing the engine and its validation alone takes longer than the rest of
the plugin's work on a rebuild."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from .author_module import scorer_path_of
from .cache import cached_value, code_of_plugin, key_of
from .links import Links
from .problems import AuthorProblem
from .source import SourceMap


def checked(
    path: Path,
    display: str,
    data: Any,
    source_map: SourceMap,
    links: Links,
    cache: Path | None,
) -> list[AuthorProblem]:
    """`checks.check_assessment(...)`, or its result from an earlier build."""
    scorer = scorer_path_of(path, data) if isinstance(data, dict) else None
    key = key_of(
        [
            path.read_bytes(),
            display,
            scorer.read_bytes() if scorer is not None and scorer.is_file() else b"no scorer",
            repr(sorted(links.items())),
            code_of_plugin(),
            sys.version,  # which modules are the standard library
        ]
    )
    return cached_value(
        cache, "checks", path.name, key, lambda: _check(path, display, data, source_map, links)
    )


def _check(
    path: Path, display: str, data: Any, source_map: SourceMap, links: Links
) -> list[AuthorProblem]:
    from .checks import check_assessment  # imported only when something changed (see above)

    return check_assessment(path, display, data, source_map, links)
