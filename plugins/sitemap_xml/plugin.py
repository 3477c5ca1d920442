"""Pelican glue: queue each page as it is written, write sitemap.xml at the end.

Replaces pelican-sitemap, which reads the same SITEMAP setting but stamps
every page without a date with the time of the build: two builds of the same
sources then differ, and a crawler is told that every index changed on every
deploy."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from pelican import contents, signals

from .entries import (
    CHANGEFREQ_DEFAULTS,
    CHANGEFREQ_VALUES,
    KINDS,
    PRIORITY_DEFAULTS,
    Entry,
    clean_url,
    sitemap_xml,
)

log = logging.getLogger(__name__)

SETTING_KEYS = {"format", "exclude", "priorities", "changefreqs"}
# Written pages, as (path, the content object or None), for the build running.
QUEUE: list[tuple[Path, Any]] = []


class SitemapSettingError(ValueError):
    """The SITEMAP setting holds a value this plugin cannot use."""


def check_settings(config: Any) -> None:
    if not isinstance(config, dict):
        raise SitemapSettingError("sitemap_xml: the SITEMAP setting must be a dict")
    unknown = sorted(set(config) - SETTING_KEYS)
    if unknown:
        raise SitemapSettingError(
            f"sitemap_xml: unknown SITEMAP key {unknown[0]!r}; "
            f"known: {', '.join(sorted(SETTING_KEYS))}"
        )
    if config.get("format", "xml") != "xml":
        raise SitemapSettingError(
            f"sitemap_xml: SITEMAP format {config['format']!r}: only 'xml' is written"
        )
    for name in ("priorities", "changefreqs"):
        for kind, value in config.get(name, {}).items():
            if kind not in KINDS:
                raise SitemapSettingError(
                    f"sitemap_xml: SITEMAP {name} key {kind!r}; known: {', '.join(KINDS)}"
                )
            if name == "changefreqs" and value not in CHANGEFREQ_VALUES:
                raise SitemapSettingError(
                    f"sitemap_xml: SITEMAP changefreq {value!r}; "
                    f"known: {', '.join(sorted(CHANGEFREQ_VALUES))}"
                )
            if name == "priorities" and not isinstance(value, float):
                raise SitemapSettingError(
                    f"sitemap_xml: SITEMAP priority {value!r} is not a number such as 0.5"
                )


def start(pelican: Any) -> None:
    """Each build starts a new queue: get_generators is sent by every run,
    and the devserver runs many in one process."""
    QUEUE.clear()
    try:
        check_settings(pelican.settings.get("SITEMAP", {}))
    except SitemapSettingError as error:
        log.critical("%s", error)
        raise SystemExit(1) from None


def queue_page(path: str, context: Any = None) -> None:
    context = context or {}
    QUEUE.append((Path(path), context.get("article") or context.get("page")))


def entry_of(url: str, item: Any) -> Entry:
    kind = (
        "articles"
        if isinstance(item, contents.Article)
        else "pages"
        if isinstance(item, contents.Page)
        else "indexes"
    )
    changed = getattr(item, "modified", None) or getattr(item, "date", None)
    return Entry(
        url=url,
        kind=kind,
        changed=changed,
        changefreq=getattr(item, "changefreq", None),
        priority=getattr(item, "priority", None),
    )


def is_listed(url: str, item: Any, excluded: list[str]) -> bool:
    if getattr(item, "status", "published") != "published":
        return False
    if getattr(item, "private", "") == "True":
        return False
    return not any(re.search(pattern, url) for pattern in excluded)


def write_sitemap(pelican: Any) -> None:
    settings = pelican.settings
    config = settings.get("SITEMAP", {})
    output = Path(pelican.output_path).resolve()
    entries = {}
    for path, item in QUEUE:
        # An item's own URL respects ARTICLE_URL and friends; other pages
        # (indexes, assessments) are named by where they were written.
        written = path.resolve().relative_to(output).as_posix()
        url = clean_url(item.url if item is not None else written)
        if is_listed(url, item, config.get("exclude", [])):
            entries[url] = entry_of(url, item)  # a page written twice is listed once
    changefreqs = {**CHANGEFREQ_DEFAULTS, **config.get("changefreqs", {})}
    priorities = {**PRIORITY_DEFAULTS, **config.get("priorities", {})}
    text = sitemap_xml(settings["SITEURL"], entries.values(), changefreqs, priorities)
    (output / "sitemap.xml").write_text(text, encoding="utf-8")
    QUEUE.clear()


def register() -> None:
    signals.get_generators.connect(start)
    signals.content_written.connect(queue_page)
    signals.finalized.connect(write_sitemap)
