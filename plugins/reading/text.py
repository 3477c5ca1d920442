"""Pure text measurements on rendered HTML: no Pelican here."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from bs4 import BeautifulSoup

WORD = re.compile(r"\b[\w'’-]+\b")


class Section(NamedTuple):
    anchor: str
    title: str


def reading_minutes(html: str, words_per_minute: int) -> int:
    """Whole minutes to read `html`, at least one."""
    words = len(WORD.findall(BeautifulSoup(html, "html.parser").get_text(" ")))
    return max(1, math.ceil(words / words_per_minute))


def table_of_contents(html: str) -> list[Section]:
    """The second-level headings that carry an id (Markdown's toc extension adds them)."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        Section(heading["id"], heading.get_text(" ", strip=True))
        for heading in soup.find_all("h2")
        if heading.get("id")
    ]
