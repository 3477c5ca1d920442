"""The GitHub Pages workflow, and the build command it runs."""

from __future__ import annotations

import os
import runpy
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pelican.plugins.assessments.cache import cache_folder
from ruamel.yaml import YAML
from template_cache.plugin import DEFAULT_DIRECTORY

from tests.conftest import ROOT, Build, build_site

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return YAML(typ="safe").load(WORKFLOW.read_text())


def steps(workflow: dict[str, Any], job: str) -> list[dict[str, Any]]:
    return workflow["jobs"][job]["steps"]


def uses(workflow: dict[str, Any]) -> list[str]:
    return [
        s["uses"].split("@")[0]
        for job in workflow["jobs"]
        for s in steps(workflow, job)
        if "uses" in s
    ]


def test_the_workflow_uses_the_official_pages_actions(workflow: dict[str, Any]) -> None:
    assert uses(workflow) == [
        "actions/checkout",
        "actions/configure-pages",
        "actions/setup-python",
        "actions/setup-node",
        "actions/cache",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_the_workflow_builds_with_python_3_13_for_the_runtime(workflow: dict[str, Any]) -> None:
    python = next(
        s for s in steps(workflow, "build") if s.get("uses", "").startswith("actions/setup-python")
    )
    assert python["with"]["python-version"] == "3.13"


def test_the_workflow_restores_the_build_caches_before_building(
    workflow: dict[str, Any],
) -> None:
    names = [s.get("name") or s.get("uses", "") for s in steps(workflow, "build")]
    cache = next(s for s in steps(workflow, "build") if "actions/cache" in s.get("uses", ""))
    assert names.index(cache["name"]) < names.index("Build")
    # The folder holding both plugins' default cache folders.
    assert cache["with"]["path"] == ".cache"
    site_settings = runpy.run_path(str(ROOT / "pelicanconf.py"))
    for folder in (cache_folder(site_settings), DEFAULT_DIRECTORY):
        assert Path(folder).parent == Path(".cache")
    assert "package-lock.json" in cache["with"]["key"]
    assert cache["with"]["restore-keys"] in cache["with"]["key"]


def test_the_workflow_runs_the_documented_build_and_it_builds(
    workflow: dict[str, Any], tmp_path: Path
) -> None:
    build = next(s for s in steps(workflow, "build") if s.get("name") == "Build")
    assert build["env"]["SITEURL"] == "${{ steps.pages.outputs.base_url }}"
    upload = next(
        s for s in steps(workflow, "build") if "upload-pages-artifact" in s.get("uses", "")
    )
    assert upload["with"]["path"] == "output"
    readme = (ROOT / "README.md").read_text()
    assert f"SITEURL=https://USER.github.io/REPO {build['run']}" in readme
    # The same command, into a folder of the test's own.
    env = {
        **os.environ,
        "SITEURL": "https://user.github.io/repo",
        "OUTPUTDIR": str(tmp_path / "out"),
    }
    result = subprocess.run(
        build["run"], shell=True, cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    canonical = (tmp_path / "out" / "index.html").read_text()
    assert '<link rel="canonical" href="https://user.github.io/repo/">' in canonical
    assert (tmp_path / "out" / "sw.js").is_file()


def test_the_service_worker_lists_the_hashed_files_of_this_build(site: Build) -> None:
    worker = (site.output / "sw.js").read_text()
    runtime_files = [
        p.relative_to(site.output).as_posix() for p in (site.output / "py").rglob("*.*")
    ]
    assert runtime_files and all(f'"{name}"' in worker for name in runtime_files)
    for asset in (site.output / "theme").rglob("*.*"):
        assert f'"{asset.relative_to(site.output).as_posix()}"' in worker
    assert '"assessments/check-in/"' in worker
    assert "__" not in worker.split("const SITE_FILES")[0].split("const SITE_CACHE")[1]


def test_theme_files_carry_content_hashes_and_pages_name_them(site: Build) -> None:
    assets = sorted(p.name for p in (site.output / "theme").rglob("*.*"))
    assert assets and all(len(name.split(".")) == 3 for name in assets), assets
    home = (site.output / "index.html").read_text()
    css = next(name for name in assets if name.startswith("site."))
    assert f"theme/css/{css}" in home and "theme/css/site.css" not in home
    script = next((site.output / "theme" / "assessments").glob("assessment.*.js")).read_text()
    worker = next((site.output / "theme" / "assessments").glob("scoring-worker.*.js")).name
    assert worker in script


def test_with_the_setting_off_the_service_worker_removes_itself(tmp_path: Path) -> None:
    build = build_site(tmp_path / "out", extra={"SERVICE_WORKER": "false"})
    assert build.returncode == 0, build.log
    assert "unregister()" in (tmp_path / "out" / "sw.js").read_text()
    assert (
        "data-service-worker"
        not in (tmp_path / "out" / "assessments/check-in/index.html").read_text()
    )
