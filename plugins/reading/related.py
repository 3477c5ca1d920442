"""Resolve `Related:` slugs to guides, practices, pages and assessments."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class RelatedLinks:
    """Everything a `Related:` entry may name, by slug."""

    def __init__(self) -> None:
        self.by_slug: dict[str, Any] = {}

    @staticmethod
    def items_of(generator: Any) -> list[Any]:
        # Any generator exposing these lists takes part, including the assessments one.
        return [
            item
            for name in ("articles", "pages", "assessments")
            for item in getattr(generator, name, [])
        ]

    def add(self, item: Any) -> None:
        self.by_slug.setdefault(item.slug, item)

    def resolve(self, item: Any) -> list[Any]:
        """The items `item` names in its Related metadata, in order; an unknown
        slug is logged as an error naming the file, which fails the build."""
        raw = item.metadata.get("related", "")
        slugs = [slug.strip() for slug in str(raw).split(",") if slug.strip()]
        resolved = []
        for slug in slugs:
            target = self.by_slug.get(slug)
            if target is None:
                log.error(
                    "%s:%d: Related: unknown slug '%s'; use the slug of a guide, practice, "
                    "page or assessment",
                    item.relative_source_path,
                    metadata_line(item.source_path, "related"),
                    slug,
                )
            elif target is not item:
                resolved.append(target)
        return resolved


def metadata_line(source_path: str, name: str) -> int:
    """The line of the `Name:` metadata field in a Markdown file, or 1."""
    try:
        lines = Path(source_path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    prefix = name.lower() + ":"
    return next(
        (number for number, line in enumerate(lines, 1) if line.lower().startswith(prefix)), 1
    )
