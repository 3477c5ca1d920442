"""A bare Pelican site with a stock theme, the plugin and one assessment file
gets working assessment pages and embedded quizzes, under the strict policy."""

from __future__ import annotations

import gzip
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pelican.plugins.assessments.contract import RUNTIME_FILES, STDLIB, STDLIB_CUT
from pelican.plugins.assessments.settings import DEFAULT_CSP

from .conftest import Built, build


class Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]


@pytest.fixture(scope="module", params=["notmyidea", "simple"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    built = build(tmp_path_factory.mktemp(request.param), {"THEME": request.param})
    assert built.returncode == 0, built.log
    return built


def contract_of(tags: Tags) -> dict[str, object]:
    (form,) = tags.all("form")
    return json.loads(form["data-contract"])


@pytest.mark.parametrize("page", ["assessments/mood/index.html", "hello.html"])
def test_a_page_with_a_form_has_the_strict_policy_first_in_its_head(site: Built, page: str) -> None:
    first_in_head = re.search(r"<head[^>]*>\s*(<[^>]+>)", site.page(page))
    assert first_in_head is not None
    first = Tags(first_in_head.group(1))
    policy = DEFAULT_CSP.replace("{policy}", "assessments")
    assert first.all("meta") == [{"http-equiv": "Content-Security-Policy", "content": policy}]
    assert "'unsafe-eval'" not in policy and "'unsafe-inline'" not in policy


@pytest.mark.parametrize("page", ["assessments/mood/index.html", "hello.html"])
def test_the_form_names_a_runtime_and_package_that_the_build_wrote(site: Built, page: str) -> None:
    tags = Tags(site.page(page))
    # The page script, and the check beside it that tells the reader when it cannot load.
    scripts = sorted({attrs["src"] for attrs in tags.all("script")})
    assert [Path(src).name for src in scripts] == ["assessment.js", "boot.js"]
    script_folder = (site.output / page).parent / Path(scripts[0]).parent
    assert (script_folder / "assessment.js").is_file() and (script_folder / "boot.js").is_file()
    contract = contract_of(tags)
    runtime = (script_folder / str(contract["runtime"])).resolve()
    package = (script_folder / str(contract["package"])).resolve()
    assert {p.name for p in runtime.iterdir()} == {*RUNTIME_FILES, str(contract["stdlib"])}
    assert contract["stdlib"] == STDLIB_CUT
    assert (package / str(contract["lockFile"])).is_file()
    assert (script_folder / str(contract["siteRoot"])).resolve() == site.output.resolve()


def test_every_question_type_is_drawn_by_its_own_template(site: Built) -> None:
    html = site.page("assessments/mood/index.html")
    for question, reads in [
        ("rested", "choice"),
        ("rating", "choice"),
        ("best", "choice"),
        ("helped", "choices"),
        ("cups", "whole-number"),
    ]:
        assert re.search(rf'data-question="{question}" data-reads="{reads}"', html), question
    assert len(re.findall(r'name="rating" value="\d+"', html)) == 11


def test_the_embedded_quiz_brings_its_script_and_the_plugins_stylesheet(site: Built) -> None:
    tags = Tags(site.page("hello.html"))
    assert any(src.endswith("assessment.js") for src in (a["src"] for a in tags.all("script")))
    sheets = [a["href"] for a in tags.all("link") if a.get("rel") == "stylesheet"]
    assert any(href.endswith("assessments.css") for href in sheets)


def test_a_page_without_a_form_is_left_alone(site: Built) -> None:
    assert "Content-Security-Policy" not in site.page("archives.html")


def test_a_list_that_shows_the_article_whole_shows_its_quiz_under_the_policy(site: Built) -> None:
    index = site.page("index.html")
    if 'class="assessment-form"' in index:  # notmyidea shows the newest article in full
        assert index.count("Content-Security-Policy") == 1


def shipped_stdlib(built: Built) -> zipfile.ZipFile:
    (runtime,) = (built.output / "py").glob("runtime-*")
    if (runtime / STDLIB_CUT).is_file():
        return zipfile.ZipFile(io.BytesIO(gzip.decompress((runtime / STDLIB_CUT).read_bytes())))
    return zipfile.ZipFile(runtime / STDLIB)


def test_the_site_ships_the_cut_library_and_the_whole_one_when_asked(
    site: Built, tmp_path: Path
) -> None:
    cut = shipped_stdlib(site)
    full = build(tmp_path, {"ASSESSMENT_STDLIB": "full", "ASSESSMENT_BYTE_COMPILE": False})
    assert full.returncode == 0, full.log
    whole = shipped_stdlib(full)
    with cut as cut_zip, whole as whole_zip:
        cut_modules = {name.rsplit(".", 1)[0] for name in cut_zip.namelist()}
        whole_modules = {name.rsplit(".", 1)[0] for name in whole_zip.namelist()}
    assert "statistics" in whole_modules and "statistics" not in cut_modules
    assert {"json/__init__", "pyodide/__init__", "asyncio/__init__"} <= cut_modules < whole_modules
