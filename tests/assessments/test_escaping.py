"""Author text reaches a page as text: a quote or a tag in any field of an
assessment is shown, never obeyed, in attributes and in the body alike."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, Build, build_site

HOSTILE = "\"><script>alert(1)</script><img src=x onerror=alert(2)> 'q'"
# A Markdown field (rendered to HTML by the build) with raw HTML, a script
# link and attributes added with attr_list: the HTML the page and the results
# script insert must hold none of it.
HOSTILE_MARKDOWN = (
    "Kind *words* <script>alert(3)</script><img src=x onerror=alert(4)>"
    " <a href='javascript:alert(5)'>a link</a> [another](javascript:alert(6))\n"
    '{: onclick="alert(7)" }\n\n<div onmouseover="alert(8)">block</div>'
)


def hostile_assessment() -> str:
    """Every plain-text field of an assessment carries HOSTILE."""
    text = json.dumps(HOSTILE)  # a YAML double-quoted string
    markdown = json.dumps(HOSTILE_MARKDOWN)
    return f"""\
id: hostile-text
title: {text}
summary: {text}
intro: {markdown}
scales:
  agree: {{labels: [{text}, {text}]}}
dimensions:
  - id: d
    title: {text}
    bands:
      - {{id: all, from: 0, to: 100, label: {text}, text: {markdown}}}
sections:
  - title: {text}
    questions:
      - {{id: q1, type: likert, text: {text}, help: {text}, scale: agree, dimension: d}}
      - id: q2
        type: single
        text: {text}
        options:
          - {{value: a, label: {text}, feedback: {markdown}}}
          - {{value: b, label: {text}}}
      - {{id: q3, type: scale, text: {text}, low: {text}, high: {text}, dimension: d}}
      - {{id: q4, type: number, text: {text}, min: 0, max: 5, unit: {text}}}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    folder = tmp_path_factory.mktemp("escaping")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "assessments" / "hostile-text.yaml").write_text(
        hostile_assessment(), encoding="utf-8"
    )
    build = build_site(folder / "out", content=content, timeout=120)
    assert build.returncode == 0, build.log
    return build


def definition_in_the_wheel(build: Build, slug: str) -> dict:
    """The definition as the package ships it: what the results script is
    given to insert as HTML (band texts, feedback, the intro)."""
    (wheel,) = (build.output / "py").glob("package-*/*.whl")
    program = (
        f"import json, sys; sys.path.insert(0, {str(wheel)!r}); "
        "from assessment_engine._compiled import DEFINITIONS; "
        f"print(json.dumps(DEFINITIONS[{slug!r}]))"
    )
    result = subprocess.run(
        [sys.executable, "-S", "-c", program], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def assert_no_author_markup(soup: BeautifulSoup) -> None:
    assert soup.find("img", onerror=True) is None
    assert all(script.get("src") for script in soup.find_all("script"))
    assert not any(name.startswith("on") for tag in soup.find_all(True) for name in tag.attrs)
    assert not any(
        tag.get("href", "").strip().lower().startswith("javascript:") for tag in soup.find_all("a")
    )


def test_markdown_fields_ship_only_html_the_build_made(built: Build) -> None:
    definition = definition_in_the_wheel(built, "hostile-text")
    fields = [
        definition["intro"],
        definition["dimensions"][0]["bands"][0]["text"],
        definition["sections"][0]["questions"][1]["options"][0]["feedback"],
    ]
    for html in fields:
        soup = BeautifulSoup(html, "html.parser")
        assert_no_author_markup(soup)
        assert soup.find("img") is not None  # kept, without its handler
        assert "alert(3)" not in html  # a script goes with its content
        assert soup.find("em").get_text() == "words"
        assert [a.get_text() for a in soup.find_all("a")] == ["a link", "another"]
        assert "block" in soup.get_text()


def page(build: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup((build.output / path / "index.html").read_text(), "html.parser")


@pytest.mark.parametrize("path", ["assessments/hostile-text", "assessments"])
def test_no_author_markup_becomes_an_element(built: Build, path: str) -> None:
    soup = page(built, path)
    assert_no_author_markup(soup)
    # The only image is the one the intro's Markdown asked for, without its handler.
    images = [sorted(img.attrs) for img in soup.find_all("img")]
    assert images == ([["src"]] if path == "assessments/hostile-text" else [])


def test_a_quote_in_the_summary_stays_inside_the_meta_attributes(built: Build) -> None:
    soup = page(built, "assessments/hostile-text")
    assert soup.find("meta", attrs={"name": "description"})["content"] == HOSTILE
    assert soup.find("meta", property="og:description")["content"] == HOSTILE
    assert soup.find("meta", property="og:title")["content"].startswith(HOSTILE + " · ")
    assert soup.title.get_text().startswith(HOSTILE + " · ")


def test_every_label_shows_the_authors_text_as_text(built: Build) -> None:
    form = page(built, "assessments/hostile-text").select_one("form.assessment-form")
    labels = [label.get_text(strip=True) for label in form.find_all("label")]
    assert labels.count(HOSTILE) == 5  # two likert points, two options, the number question
    legends = [legend.get_text(" ", strip=True) for legend in form.find_all("legend")]
    assert all(legend.startswith(HOSTILE) for legend in legends)
    assert form.select_one("h2").get_text() == HOSTILE
    assert form.select_one(".number-input__unit").get_text() == HOSTILE
    assert [span.get_text() for span in form.select(".rating__ends span")] == [HOSTILE] * 2
    assert form.select_one(".question__help").get_text() == HOSTILE
