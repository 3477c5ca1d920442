"""Pure text measurements on rendered HTML: no Pelican here.

One pass of the standard library's HTML parser collects both the words and
the headings. (BeautifulSoup did this before; importing it and building its
tree took about a quarter of a build of this site, for two small facts.)"""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser
from typing import NamedTuple

WORD = re.compile(r"\b[\w'’-]+\b")


class Section(NamedTuple):
    anchor: str
    title: str


class Measurements(NamedTuple):
    words: int
    sections: list[Section]  # second-level headings that carry an id


def measure(html: str) -> Measurements:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return Measurements(len(WORD.findall(" ".join(collector.text))), collector.sections)


def reading_minutes(words: int, words_per_minute: int) -> int:
    """Whole minutes to read `words` words, at least one."""
    return max(1, math.ceil(words / words_per_minute))


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.sections: list[Section] = []
        self._heading: tuple[str, list[str]] | None = None  # (id, text so far) inside an <h2 id>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        anchor = dict(attrs).get("id")
        if tag == "h2" and anchor:
            self._heading = (anchor, [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" and self._heading is not None:
            anchor, parts = self._heading
            self.sections.append(Section(anchor, " ".join(" ".join(parts).split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading is not None:
            self._heading[1].append(data)
