"""Trust: every guide says when it was last reviewed and what it draws on, and
each source is a real citation a reader can follow."""

from __future__ import annotations

import datetime
import re

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import Build
from tests.website.pages import Page, resolve
from tests.website.test_prose import ARTICLES, soup_of

# Authors, (year). Title. Where it was published.
CITATION = re.compile(r"^[A-Z][^()]+, [A-Z]\. .*\((19|20)\d\d\)\. .+\. .+")


@pytest.fixture(scope="module")
def sources_page(site: Build) -> BeautifulSoup:
    return soup_of(site, "sources")


def citations(sources_page: BeautifulSoup) -> dict[str, Tag]:
    """Each source's anchor and the paragraph under its ### heading."""
    found = {}
    for heading in sources_page.select(".prose h3[id]"):
        if re.search(r"\d{4}$", heading.get_text(strip=True)):
            found[heading["id"]] = heading.find_next_sibling("p")
    return found


@pytest.mark.parametrize(("kind", "slug"), ARTICLES)
def test_each_guide_shows_when_it_was_last_reviewed(site: Build, kind: str, slug: str) -> None:
    soup = soup_of(site, f"{kind}/{slug}")
    stamp = soup.select_one(".page-head .meta time[datetime]")
    assert stamp is not None and "Last reviewed" in stamp.parent.get_text()
    reviewed = datetime.date.fromisoformat(stamp["datetime"])
    assert reviewed.year >= 2026
    assert stamp.get_text(strip=True) == f"{reviewed.day} {reviewed:%B %Y}"


@pytest.mark.parametrize(("kind", "slug"), ARTICLES)
def test_each_guide_ends_with_sources_that_link_to_full_citations(
    site: Build, sources_page: BeautifulSoup, kind: str, slug: str
) -> None:
    soup = soup_of(site, f"{kind}/{slug}")
    section = soup.select_one("section.sources")
    assert section is not None, "no sources after the text"
    assert section.find_previous_sibling(class_="prose") is not None
    known = citations(sources_page)
    links = section.select("li a[href]")
    assert links
    page = Page(f"{kind}/{slug}/index.html", soup)
    for link in links:
        path, anchor = resolve(page, link["href"])
        assert path == "sources/index.html" and anchor in known, link["href"]


def test_each_source_is_a_full_citation_with_a_plain_summary(sources_page: BeautifulSoup) -> None:
    known = citations(sources_page)
    assert len(known) >= 10
    for anchor, paragraph in known.items():
        text = " ".join(paragraph.get_text(" ", strip=True).split())
        assert CITATION.match(text), f"{anchor}: not a full citation: {text}"
        summary = paragraph.find_next_sibling("p")
        assert summary is not None and summary.find("strong"), f"{anchor}: no plain summary"
        for link in paragraph.find_all("a", href=True):
            assert link["href"].startswith("https://doi.org/10."), f"{anchor}: {link['href']}"


def test_the_research_is_credited_to_the_people_who_did_it(site: Build) -> None:
    # The American Psychological Association publishes journals; it did not run the studies.
    for kind, slug in ARTICLES:
        text = soup_of(site, f"{kind}/{slug}").select_one(".prose").get_text(" ")
        assert "American Psychological Association" not in text, f"{kind}/{slug}"


def test_love_languages_come_with_the_caution_their_evidence_deserves(site: Build) -> None:
    for kind, slug in ARTICLES:
        soup = soup_of(site, f"{kind}/{slug}")
        if "love language" in soup.select_one(".prose").get_text(" ").lower():
            cited = [a["href"] for a in soup.select("section.sources a[href]")]
            assert any(href.endswith("#impett-and-colleagues-2024") for href in cited)
