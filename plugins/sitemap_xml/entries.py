"""The sitemap's entries and their XML: pure computation, no Pelican."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from xml.sax.saxutils import escape

CHANGEFREQ_VALUES = {"always", "hourly", "daily", "weekly", "monthly", "yearly", "never"}
# The kinds the SITEMAP setting's priorities and changefreqs are given for, as
# in pelican-sitemap, whose setting this reads.
KINDS = ("articles", "pages", "indexes")
CHANGEFREQ_DEFAULTS = {"articles": "monthly", "pages": "monthly", "indexes": "daily"}
PRIORITY_DEFAULTS = {"articles": 0.5, "pages": 0.5, "indexes": 0.5}

HEADER = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)
FOOTER = "</urlset>\n"


@dataclass(frozen=True)
class Entry:
    url: str  # relative to the site root: "" for the home page, "guides/x/"
    kind: str  # one of KINDS
    # When the content last changed, or None when nothing says: see lastmod().
    changed: datetime.datetime | None
    changefreq: str | None = None  # the item's own metadata, if it has one
    priority: str | None = None


def clean_url(url: str) -> str:
    """guides/x/index.html -> guides/x/: the URL a reader (and a crawler) uses."""
    return re.sub(r"(?:^|(?<=/))index\.html$", "", url)


def w3c_datetime(moment: datetime.datetime) -> str:
    """The W3C Datetime form the sitemap protocol asks for, e.g.
    2026-11-22T09:10:00+00:00 (a naive time is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.isoformat(timespec="seconds")


def sitemap_xml(
    siteurl: str,
    entries: Iterable[Entry],
    changefreqs: Mapping[str, str],
    priorities: Mapping[str, float],
) -> str:
    """The whole file, entries sorted by URL (the order pages were written in
    varies with the generators and is not part of what a page is)."""
    parts = [HEADER]
    for entry in sorted(entries, key=lambda e: e.url):
        parts.append(f"<url>\n<loc>{escape(siteurl + '/' + entry.url)}</loc>\n")
        # lastmod is optional in the protocol (sitemaps.org) and search engines
        # use it only while it proves accurate (Google's documentation says it
        # uses lastmod "if it's consistently and verifiably accurate"). A page
        # without a date (an index, an assessment, the about page) has no
        # honest date to give: the build time would change every build and
        # claim a change that did not happen; a file's mtime is only the time
        # of the checkout. So such a page has no lastmod, and a crawler keeps
        # its own schedule for it; identical sources give an identical file.
        if entry.changed is not None:
            parts.append(f"<lastmod>{w3c_datetime(entry.changed)}</lastmod>\n")
        changefreq = entry.changefreq or changefreqs[entry.kind]
        parts.append(f"<changefreq>{changefreq}</changefreq>\n")
        parts.append(f"<priority>{entry.priority or priorities[entry.kind]}</priority>\n")
        parts.append("</url>\n")
    parts.append(FOOTER)
    return "".join(parts)
