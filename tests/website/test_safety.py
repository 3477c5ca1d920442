"""The safety page as a frightened reader needs it: emergency numbers first,
named helplines each linked to the service's own site, then how to hide a visit,
and last what the site can and cannot do."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import Build

# Each helpline the page names, and the host of the service's own website.
HELPLINES = {
    "National Domestic Abuse Helpline": "www.nationaldahelpline.org.uk",
    "Men's Advice Line": "mensadviceline.org.uk",
    "National Domestic Violence Hotline": "www.thehotline.org",
    "988 Suicide & Crisis Lifeline": "988lifeline.org",
    "9-8-8 Suicide Crisis Helpline": "988.ca",
    "ShelterSafe": "www.sheltersafe.ca",
    "1800RESPECT": "www.1800respect.org.au",
    "Lifeline": "www.lifeline.org.au",
    "Women's Aid": "www.womensaid.ie",
    "Samaritans": "www.samaritans.org",
    "Find A Helpline": "findahelpline.com",
}
# Directories list many services, each with its own number.
DIRECTORIES = {"www.sheltersafe.ca", "findahelpline.com"}
COUNTRIES = ["UK", "US", "Canada", "Australia", "Ireland"]


@pytest.fixture(scope="module")
def safety(site: Build) -> Tag:
    html = (site.output / "safety" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one(".prose")


def section(prose: Tag, title: str) -> list[Tag]:
    """The elements under the h2 called `title`, up to the next h2."""
    heading = prose.find("h2", string=title)
    assert heading is not None, f"no section '{title}'"
    found = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        found.append(sibling)
    return found


def text(element: Tag) -> str:
    return " ".join(element.get_text(" ", strip=True).split()).replace("\u2019", "'")


def test_the_page_leads_with_danger_then_helplines_then_hiding_then_limits(safety: Tag) -> None:
    titles = [text(h) for h in safety.find_all("h2")]
    assert titles == [
        "In danger now",
        "Free helplines",
        "How to hide your visit",
        "What this site can and cannot do",
    ]


def test_in_danger_now_gives_each_emergency_number(safety: Tag) -> None:
    words = " ".join(text(element) for element in section(safety, "In danger now"))
    for place, number in [
        ("UK", "999"),
        ("US and Canada", "911"),
        ("EU", "112"),
        ("Ireland", "112"),
        ("Australia", "000"),
    ]:
        item = next(
            (li for li in safety.select("h2#in-danger-now ~ ul li") if place in text(li)), None
        )
        assert item is not None and number in text(item), place
        assert item.find("a", href=f"tel:{number}") is not None, place
    assert "Call if" in words  # and when to call


def test_every_helpline_entry_links_to_its_own_site(safety: Tag) -> None:
    entries = [
        item
        for element in section(safety, "Free helplines")
        if element.name == "ul"
        for item in element.find_all("li")
    ]
    assert len(entries) >= 10
    named = set()
    for entry in entries:
        name = text(entry.find("strong"))
        host = next((h for n, h in HELPLINES.items() if name.startswith(n)), None)
        assert host is not None, f"an unexpected helpline: {name}"
        links = [urlsplit(a["href"]) for a in entry.find_all("a", href=True)]
        sites = [(link.scheme, link.netloc) for link in links if link.scheme != "tel"]
        assert sites == [("https", host)], name
        # A number is one tap to call, and the link dials the number shown.
        calls = entry.select("a[href^='tel:']")
        assert calls or host in DIRECTORIES, f"{name}: no number to tap"
        for call in calls:
            assert call["href"] == "tel:" + re.sub(r"\D", "", call.get_text()), name
        named.add(name)
    assert len(named) >= 10


def test_each_country_has_domestic_abuse_and_crisis_help(safety: Tag) -> None:
    countries = [text(h) for h in safety.find_all("h3")]
    for country in COUNTRIES:
        assert country in countries
        heading = safety.find("h3", string=country)
        assert len(heading.find_next_sibling("ul").find_all("li")) >= 2, country


def test_hiding_a_visit_covers_the_quick_exit_private_windows_and_history(safety: Tag) -> None:
    parts = [text(h) for h in section(safety, "How to hide your visit") if h.name == "h3"]
    assert parts[:3] == [
        "Use the quick exit",
        "Use a private window",
        "Clear this site from your history",
    ]
