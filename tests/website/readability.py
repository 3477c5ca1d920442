"""Reading level of a built page's prose, measured with textstat."""

from __future__ import annotations

import re

import textstat
from bs4 import BeautifulSoup, Tag

BLOCKS = ["p", "li", "h2", "h3", "h4", "blockquote", "td", "th"]


def prose_text(container: Tag) -> str:
    """The text of each block as a sentence: a heading or list item without
    closing punctuation still ends where the reader's eye stops."""
    sentences = []
    for block in container.find_all(BLOCKS):
        if block.find(BLOCKS):  # nested blocks are measured on their own
            continue
        text = " ".join(block.get_text(" ", strip=True).split())
        if text:
            sentences.append(text if re.search(r"[.!?:…]$", text) else text + ".")
    return " ".join(sentences)


def grade_of(html: str) -> float:
    soup = BeautifulSoup(html, "html.parser")
    prose = soup.select_one(".prose") or soup
    return float(textstat.flesch_kincaid_grade(prose_text(prose)))
