"""Author text reaches a page as text: a quote or a tag in any field of an
assessment is shown, never obeyed, in attributes and in the body alike."""

from __future__ import annotations

import json
import shutil

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, Build, build_site

HOSTILE = "\"><script>alert(1)</script><img src=x onerror=alert(2)> 'q'"


def hostile_assessment() -> str:
    """Every plain-text field of an assessment carries HOSTILE."""
    text = json.dumps(HOSTILE)  # a YAML double-quoted string
    return f"""\
id: hostile-text
title: {text}
summary: {text}
scales:
  agree: {{labels: [{text}, {text}]}}
dimensions:
  - id: d
    title: {text}
    bands:
      - {{id: all, from: 0, to: 100, label: {text}, text: Fine.}}
sections:
  - title: {text}
    questions:
      - {{id: q1, type: likert, text: {text}, help: {text}, scale: agree, dimension: d}}
      - id: q2
        type: single
        text: {text}
        options:
          - {{value: a, label: {text}}}
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


def page(build: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup((build.output / path / "index.html").read_text(), "html.parser")


@pytest.mark.parametrize("path", ["assessments/hostile-text", "assessments"])
def test_no_author_markup_becomes_an_element(built: Build, path: str) -> None:
    soup = page(built, path)
    assert soup.find("img") is None
    assert all(script.get("src") for script in soup.find_all("script"))
    assert not any(name.startswith("on") for tag in soup.find_all(True) for name in tag.attrs)


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
