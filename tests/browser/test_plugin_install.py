"""A Pelican user's first hour: a fresh virtual environment gets the plugin
from its built wheel, a bare site with Pelican's default theme and one
assessment file is built, and a reader takes the assessment to a result in
Chromium, with nothing leaving the page."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pelican.plugins.assessments.tests.conftest import TEST_DATA, build
from playwright.sync_api import Browser, Request

from tests.browser.origins import origin_of
from tests.browser.serve import serve
from tests.conftest import ROOT

PLUGIN = ROOT / "plugins" / "pelican-assessments"
ANSWERS = {"rested": "4", "rating": "8", "best": "home", "helped": "walks"}


def run(*command: str | Path) -> None:
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment holding the plugin's wheel and its dependencies
    (at the versions the site pins), and nothing of this checkout."""
    work = tmp_path_factory.mktemp("install")
    # Built from a copy: setuptools leaves build/ and .egg-info/ beside the sources.
    source = work / "source"
    shutil.copytree(PLUGIN, source, ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", work, source)
    (wheel,) = work.glob("pelican_assessments-*.whl")
    run(sys.executable, "-m", "venv", work / "venv")
    python = work / "venv" / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "-c", ROOT / "requirements.txt", wheel)  # fmt: skip
    return python


def test_the_wheel_carries_the_templates_the_scripts_and_the_stylesheet(
    fresh_python: Path,
) -> None:
    listing = subprocess.run(
        [fresh_python, "-c", "import pelican.plugins.assessments as p; print(p.__file__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    installed = Path(listing).parent
    assert PLUGIN not in installed.parents  # the wheel's copy, not this checkout
    shipped = ["templates/assessment.html", "templates/questions/scale.html"]
    shipped += ["static/assessment.js", "static/scoring-worker.js", "static/assessments.css"]
    for name in shipped:
        assert (installed / name).is_file(), name


def test_a_bare_site_with_the_default_theme_gives_a_working_private_assessment(
    fresh_python: Path, browser: Browser, tmp_path: Path
) -> None:
    built = build(tmp_path, {}, content=TEST_DATA / "content", python=str(fresh_python))
    assert built.returncode == 0, built.log
    requests: list[Request] = []
    with serve(built.output) as base:
        context = browser.new_context()
        context.on("request", lambda request: requests.append(request))
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.location["url"]))
        page.goto(base + "assessments/mood/")
        for question, value in ANSWERS.items():
            page.locator(f"label[for='q-{question}-{value}']").click()
        page.get_by_role("button", name="See my results").click()
        page.wait_for_selector("#results:not([hidden])", timeout=90_000)
        # rested 4 of 1-5, rating 8 of 0-10, best "home" 1 of 0-1: raw 13 of 1-16
        energy = page.locator("[data-dimension='energy']")
        assert energy.get_attribute("data-score") == "80"
        assert "Sleep helps" not in page.locator("#results").inner_text()
        context.close()
    # The browser asks for /favicon.ico by itself, and the bare site has none.
    assert {urlsplit(url).path for url in errors} <= {"/favicon.ico"}
    origin = urlsplit(base).netloc
    for request in requests:
        assert origin_of(request.url) == origin, request.url
        assert request.method in ("GET", "HEAD") and request.post_data is None, request.url
        assert urlsplit(request.url).query == "", request.url
        for value in ANSWERS.values():
            assert json.dumps(value) not in json.dumps(request.headers)
