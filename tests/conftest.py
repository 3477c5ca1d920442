"""Shared fixtures: the site built once per session, as production builds it."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.website.pages import SITEURL

ROOT = Path(__file__).resolve().parent.parent


def assessment_slugs(kind: str = "assessment") -> list[str]:
    """Slugs of content/assessments/*.yaml of one kind (knowledge checks have
    no page of their own)."""
    found = []
    for path in sorted((ROOT / "content" / "assessments").glob("*.yaml")):
        is_check = "kind: knowledge-check" in path.read_text(encoding="utf-8")
        if is_check == (kind == "knowledge-check"):
            found.append(path.stem)
    return found


@dataclass(frozen=True)
class Build:
    output: Path
    returncode: int
    log: str


def build_site(
    output: Path,
    settings: str = "publishconf.py",
    content: Path | None = None,
    siteurl: str = SITEURL,
    extra: dict[str, str] | None = None,
    timeout: float | None = None,
    environment: dict[str, str] | None = None,
) -> Build:
    """Run the build command as an author would, in a subprocess, and keep its log.
    With a `timeout` (seconds), a build that hangs fails the test instead;
    `environment` adds to (or overrides) the build's environment variables."""
    env = {**os.environ, "SITEURL": siteurl, "COLUMNS": "1000", **(environment or {})}
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(content or ROOT / "content"),
        "-o",
        str(output),
        "-s",
        str(ROOT / settings),
        *(["-e", *(f"{key}={value}" for key, value in extra.items())] if extra else []),
    ]
    result = subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    return Build(output, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The production build (SITEURL set, canonical URLs on), built once."""
    build = build_site(tmp_path_factory.mktemp("site"))
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def preview_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The local preview build (`make html`)."""
    build = build_site(tmp_path_factory.mktemp("preview"), settings="pelicanconf.py", siteurl="")
    assert build.returncode == 0, build.log
    return build
