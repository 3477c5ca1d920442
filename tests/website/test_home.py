"""The home page as a reader on a hard day meets it: ways in by situation, one
featured guide, and illustrations drawn for the site that work in light and dark."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from tests.conftest import Build
from tests.website.pages import Page, is_other_origin, resolve

SITUATIONS = {
    "We just argued": ("practices/repair-after-conflict/index.html", "during-the-break"),
    "We feel like roommates": ("guides/when-you-feel-like-roommates/index.html", ""),
    "We want to keep what we have": ("practices/fifteen-micro-connections/index.html", ""),
    "Where do we stand?": ("assessments/connection-check/index.html", ""),
    "I don't feel safe": ("safety/index.html", ""),
}


def home(site: Build) -> Page:
    html = (site.output / "index.html").read_text(encoding="utf-8")
    return Page("index.html", BeautifulSoup(html, "html.parser"))


def test_each_situation_leads_to_the_page_that_helps(site: Build) -> None:
    page = home(site)
    links = {a.get_text(strip=True): a["href"] for a in page.soup.select(".situation__link")}
    assert {label: resolve(page, href) for label, href in links.items()} == SITUATIONS


def test_the_situations_come_before_the_lists(site: Build) -> None:
    titles = [h.get_text(strip=True) for h in home(site).soup.select("main h2")]
    assert titles[:2] == ["Start with today", "If you read one thing"]


def test_one_guide_is_featured_and_not_listed_twice(site: Build) -> None:
    page = home(site)
    featured = page.soup.select(".featured__title a")
    assert len(featured) == 1
    target = resolve(page, featured[0]["href"])
    assert target is not None and target[0].startswith("guides/")
    listed = [resolve(page, a["href"]) for a in page.soup.select(".cards a")]
    assert target not in listed


def test_illustrations_are_the_sites_own_svgs_marked_decorative(site: Build) -> None:
    page = home(site)
    images = page.soup.select("main img")
    assert len(images) >= 6
    for image in images:
        assert image.get("alt") == "", image["src"]  # decorative: the text beside says it all
        assert not is_other_origin(page, image["src"]), image["src"]
        path, _fragment = resolve(page, image["src"])
        assert re.search(r"^theme/img/[a-z-]+\.[0-9a-f]{10}\.svg$", path), path
        svg = (site.output / path).read_text(encoding="utf-8")
        assert svg.startswith("<svg") and "<script" not in svg and "href=" not in svg
        # Colours come from the SVG's own variables, switched for dark mode.
        assert "currentColor" in svg and "var(--accent)" in svg
        assert "@media (prefers-color-scheme:dark)" in svg
