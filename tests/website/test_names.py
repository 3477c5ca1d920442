"""One name for the self-checks wherever a reader meets them: the menu, the
list page, each self-check's page, the cards and a self-check inside a guide.
Knowledge checks in guides are a different thing, with a name of their own."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from tests.conftest import Build, assessment_slugs
from tests.website.pages import html_pages

NAME = "Self-checks"
# What the self-checks were called before, or what code calls them: never
# said to a reader. ("A quick check-in" is the title of one self-check.)
OTHER_NAMES = re.compile(
    r"\b(assessments?|self-assessments?|quiz(?:zes)?|check-ins|private check-in)\b", re.I
)


def soup(site: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.output / path).read_text(encoding="utf-8"), "html.parser")


def test_the_menu_and_the_list_page_call_them_self_checks(site: Build) -> None:
    home = soup(site, "index.html")
    (link,) = [a for a in home.select(".site-nav a") if a["href"].endswith("/assessments/")]
    assert link.get_text(strip=True) == NAME
    listing = soup(site, "assessments/index.html")
    assert listing.h1.get_text(strip=True) == NAME
    assert listing.title.get_text().startswith(f"{NAME} · ")
    assert home.select_one("#assessments-title").get_text(strip=True) == NAME


def test_each_self_check_is_labelled_as_one_on_its_page_and_its_card(site: Build) -> None:
    listing = soup(site, "assessments/index.html")
    kinds = [p.get_text(strip=True) for p in listing.select(".card__kind")]
    assert len(kinds) == len(assessment_slugs())
    assert all(kind.startswith("Self-check · about ") for kind in kinds), kinds
    for slug in assessment_slugs():
        eyebrow = soup(site, f"assessments/{slug}/index.html").select_one(".eyebrow")
        assert eyebrow.get_text(strip=True) == NAME, slug


def test_a_self_check_in_a_guide_is_called_one_and_a_knowledge_check_is_not(site: Build) -> None:
    eyebrows = {}
    for path in ("guides/what-connection-is", "practices/repair-after-conflict"):
        page = soup(site, f"{path}/index.html")
        eyebrows[path] = [p.get_text(strip=True) for p in page.select(".embedded-quiz .eyebrow")]
    assert eyebrows == {
        "guides/what-connection-is": ["A private self-check"],
        "practices/repair-after-conflict": ["Check your understanding"],
    }


def test_no_page_calls_them_by_another_name(site: Build) -> None:
    found = []
    for page in html_pages(site.output):
        for hidden in page.soup(["script", "style", "template"]):
            hidden.decompose()
        said = [page.soup.get_text(" ")]
        said += [
            t["content"]
            for t in page.soup.find_all("meta", attrs={"content": True})
            if re.search(r"title|description|site_name", t.get("name", "") + t.get("property", ""))
        ]
        said += [t["aria-label"] for t in page.soup.find_all(attrs={"aria-label": True})]
        said += [t["alt"] for t in page.soup.find_all(attrs={"alt": True})]
        for text in said:
            found += [(page.path, m.group(0)) for m in OTHER_NAMES.finditer(text)]
    assert found == []
