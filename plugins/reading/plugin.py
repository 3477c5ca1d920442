"""Pelican glue: connect the receivers that add reading aids to content."""

from __future__ import annotations

import logging
from typing import Any

from pelican import signals
from pelican.contents import Content

from .related import RelatedLinks
from .text import measure, reading_minutes

log = logging.getLogger(__name__)


def add_reading_aids(content: Content) -> None:
    """Set `reading_minutes` and `toc` on an article or page as it is read."""
    settings = content.settings
    words, sections = measure(content._content or "")
    content.reading_minutes = reading_minutes(words, settings.get("READING_WORDS_PER_MINUTE", 200))
    content.toc = sections if len(sections) >= settings.get("READING_TOC_MIN_SECTIONS", 4) else []


def resolve_related(generators: list[Any]) -> None:
    """Turn each `Related:` slug list into linkable objects, once every generator
    has read its content (assessments come from another plugin's generator)."""
    linkable = RelatedLinks()
    for generator in generators:
        for item in linkable.items_of(generator):
            linkable.add(item)
    for generator in generators:
        for item in getattr(generator, "articles", []) + getattr(generator, "pages", []):
            item.related_items = linkable.resolve(item)


def register() -> None:
    signals.content_object_init.connect(add_reading_aids)
    signals.all_generators_finalized.connect(resolve_related)
