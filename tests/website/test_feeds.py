"""The Atom feed, the sitemap and robots.txt: parse and list every guide."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import ROOT, SITEURL, Build, assessment_slugs

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def article_slugs(kind: str) -> set[str]:
    return {path.stem for path in (ROOT / "content" / kind).glob("*.md")}


def test_the_atom_feed_parses_and_lists_every_guide_and_practice(site: Build) -> None:
    feed = ET.parse(site.output / "feeds" / "all.atom.xml").getroot()
    links = {entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")}
    for kind in ("guides", "practices"):
        for slug in article_slugs(kind):
            assert f"{SITEURL}/{kind}/{slug}/" in links


def test_the_sitemap_parses_and_lists_every_guide_page_and_assessment(site: Build) -> None:
    tree = ET.parse(site.output / "sitemap.xml").getroot()
    urls = {loc.text for loc in tree.iter(f"{SITEMAP}loc")}
    for kind in ("guides", "practices"):
        for slug in article_slugs(kind):
            assert f"{SITEURL}/{kind}/{slug}/" in urls
    for page in (ROOT / "content" / "pages").glob("*.md"):
        assert f"{SITEURL}/{page.stem}/" in urls
    for slug in assessment_slugs():
        assert f"{SITEURL}/assessments/{slug}/" in urls
    assert f"{SITEURL}/404.html" not in urls
    assert all(url.startswith(SITEURL + "/") for url in urls)


def test_each_sitemap_lastmod_is_the_items_date_and_undated_pages_have_none(site: Build) -> None:
    """No lastmod is the build's time: a page without a date has none, so two
    builds of the same sources give the same sitemap (and a crawler is never
    told that an unchanged page changed)."""
    tree = ET.parse(site.output / "sitemap.xml").getroot()
    lastmods = {
        entry.find(f"{SITEMAP}loc").text: getattr(entry.find(f"{SITEMAP}lastmod"), "text", None)
        for entry in tree.iter(f"{SITEMAP}url")
    }
    for path in (ROOT / "content" / "guides").glob("*.md"):
        date = re.search(r"^Date: (\S+) (\S+)$", path.read_text(encoding="utf-8"), re.M)
        assert date is not None, path
        url = f"{SITEURL}/guides/{path.stem}/"
        assert lastmods[url] == f"{date[1]}T{date[2]}:00+00:00"
    undated = [f"{SITEURL}/", f"{SITEURL}/about/", f"{SITEURL}/guides/"]
    undated += [f"{SITEURL}/assessments/{slug}/" for slug in assessment_slugs()]
    assert [lastmods[url] for url in undated] == [None] * len(undated)


def test_robots_txt_points_to_the_sitemap(site: Build) -> None:
    robots = (Path(site.output) / "robots.txt").read_text()
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots
