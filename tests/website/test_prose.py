"""The guides, practice guides and pages as readers meet them on the built site."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, Build
from tests.website.pages import Page, html_pages, resolve
from tests.website.readability import grade_of

GUIDES = sorted(p.stem for p in (ROOT / "content" / "guides").glob("*.md"))
PRACTICES = sorted(p.stem for p in (ROOT / "content" / "practices").glob("*.md"))
PAGES = sorted(p.stem for p in (ROOT / "content" / "pages").glob("*.md"))
ARTICLES = [("guides", slug) for slug in GUIDES] + [("practices", slug) for slug in PRACTICES]
MAX_GRADE = 8.0


def soup_of(site: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup(
        (site.output / path / "index.html").read_text(encoding="utf-8"), "html.parser"
    )


def headings(soup: BeautifulSoup) -> list[str]:
    return [h.get_text(" ", strip=True) for h in soup.select(".prose h2")]


def body_links(soup: BeautifulSoup, path: str) -> set[str]:
    """Site paths linked from the page's own text (not the navigation or "Keep going")."""
    page = Page(f"{path}/index.html", soup)
    targets = (resolve(page, anchor["href"]) for anchor in soup.select(".prose a[href]"))
    return {target[0].removesuffix("index.html") for target in targets if target}


def test_the_site_has_the_full_set_of_guides_and_practices() -> None:
    assert len(GUIDES) >= 6 and len(PRACTICES) >= 5


@pytest.mark.parametrize(("kind", "slug"), ARTICLES)
def test_each_guide_and_practice_has_summary_category_and_tags(
    site: Build, kind: str, slug: str
) -> None:
    soup = soup_of(site, f"{kind}/{slug}")
    assert soup.select_one(".page-head .lede").get_text(strip=True)
    assert soup.select_one(".eyebrow a")["href"].rstrip("/").endswith(kind)
    assert len(soup.select(".tags a")) >= 1


@pytest.mark.parametrize(("kind", "slug"), ARTICLES)
def test_each_piece_ends_with_one_thing_to_try_today(site: Build, kind: str, slug: str) -> None:
    titles = headings(soup_of(site, f"{kind}/{slug}"))
    assert titles and titles[-1] == "One thing to try today"


@pytest.mark.parametrize("slug", PRACTICES)
def test_each_practice_guide_has_steps_and_a_way_to_notice_progress(site: Build, slug: str) -> None:
    soup = soup_of(site, f"practices/{slug}")
    titles = headings(soup)
    assert "The steps" in titles and "Noticing progress" in titles
    after_steps = soup.find("h2", string="The steps").find_next(["ol", "h2"])
    assert after_steps is not None and after_steps.name == "ol", "the steps are not a numbered list"


@pytest.mark.parametrize("slug", GUIDES)
def test_every_guide_links_to_a_practice_guide(site: Build, slug: str) -> None:
    links = body_links(soup_of(site, f"guides/{slug}"), f"guides/{slug}")
    assert any(link.startswith("practices/") for link in links)


@pytest.mark.parametrize("slug", PRACTICES)
def test_every_practice_guide_links_back_to_a_guide(site: Build, slug: str) -> None:
    links = body_links(soup_of(site, f"practices/{slug}"), f"practices/{slug}")
    assert any(link.startswith("guides/") for link in links)


@pytest.mark.parametrize("path", [f"{kind}/{slug}" for kind, slug in ARTICLES] + PAGES)
def test_reading_level_is_grade_eight_or_below(
    site: Build, path: str, reading_levels: dict[str, float]
) -> None:
    grade = grade_of((site.output / path / "index.html").read_text(encoding="utf-8"))
    reading_levels[path] = grade
    assert grade <= MAX_GRADE, f"{path} reads at grade {grade:.1f}"


def test_no_page_is_an_orphan(site: Build) -> None:
    """Every page is reachable from the home page by following links."""
    pages = {page.path: page for page in html_pages(site.output)}
    seen, queue = {"index.html"}, ["index.html"]
    while queue:
        page = pages[queue.pop()]
        for anchor in page.soup.find_all("a", href=True):
            target = resolve(page, anchor["href"])
            if target and target[0] in pages and target[0] not in seen:
                seen.add(target[0])
                queue.append(target[0])
    assert sorted(set(pages) - seen - {"404.html"}) == []


def test_sources_page_names_the_research_the_guides_cite(site: Build) -> None:
    text = soup_of(site, "sources").get_text(" ")
    for name in ("Gottman", "Bowlby", "Ainsworth", "American Psychological Association"):
        assert name in text


def test_prose_cites_no_website(site: Build) -> None:
    for kind, slug in ARTICLES:
        soup = soup_of(site, f"{kind}/{slug}")
        external = [a["href"] for a in soup.select(".prose a[href^='http']")]
        assert external == [], f"{kind}/{slug}"


def test_guides_mention_the_safety_page_where_conflict_comes_up(site: Build) -> None:
    for kind, slug in ARTICLES:
        soup = soup_of(site, f"{kind}/{slug}")
        text = soup.select_one(".prose").get_text(" ").lower()
        if "conflict" in text or "fight" in text:
            assert "safety/" in body_links(soup, f"{kind}/{slug}"), f"{kind}/{slug}"


def test_the_repair_practice_links_straight_to_during_the_break(site: Build) -> None:
    soup = soup_of(site, "practices/repair-after-conflict")
    assert soup.select_one("h3#during-the-break") is not None
    jump = [a for a in soup.select(".prose a[href='#during-the-break']")]
    assert jump and "go straight to" in jump[0].parent.get_text(" ")
    # A reader in a hurry finds it in the contents list too, under "The steps".
    contents = soup.select_one("nav.toc")
    assert contents.select_one(".toc__parts a[href='#during-the-break']") is not None


# Sentences found (nearly) word for word in published sources: our text says
# these ideas in its own words.
NEAR_COPIES = ["try again in five minutes"]


def test_no_guide_repeats_a_known_near_copy(site: Build) -> None:
    for kind, slug in ARTICLES:
        text = " ".join(soup_of(site, f"{kind}/{slug}").select_one(".prose").get_text(" ").split())
        for phrase in NEAR_COPIES:
            assert phrase not in text.lower(), f"{kind}/{slug}: {phrase}"
