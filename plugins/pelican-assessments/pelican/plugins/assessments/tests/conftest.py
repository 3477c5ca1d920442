"""Builds of the plugin's small test site, as a Pelican user would run them:
`pelican` in a subprocess, with a settings file of their own."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

TEST_DATA = Path(__file__).parent / "test_data"


def pyodide_dir() -> Path:
    """The Pyodide npm package: PYODIDE_DIR, else node_modules/pyodide in a
    folder above this one (the site that holds the plugin)."""
    if "PYODIDE_DIR" in os.environ:
        return Path(os.environ["PYODIDE_DIR"])
    for folder in Path(__file__).resolve().parents:
        if (folder / "node_modules" / "pyodide" / "package.json").is_file():
            return folder / "node_modules" / "pyodide"
    pytest.skip("no Pyodide runtime: run `npm install pyodide` or set PYODIDE_DIR")


@dataclass(frozen=True)
class Built:
    output: Path
    returncode: int
    log: str

    def page(self, path: str) -> str:
        return (self.output / path).read_text(encoding="utf-8")


def build(
    tmp_path: Path,
    settings: Mapping[str, Any] | None = None,
    content: Path = TEST_DATA / "content",
    python: str = sys.executable,
    timeout: float | None = None,
    environment: Mapping[str, str] | None = None,
) -> Built:
    """Build `content` with the plugin and `settings` into tmp_path/output;
    with a `timeout` (seconds), a build that hangs fails the test instead;
    `environment` adds to (or overrides) the build's environment variables."""
    values: dict[str, Any] = {
        "SITENAME": "Test site",
        "PATH": str(content),
        "PLUGINS": ["pelican.plugins.assessments"],
        "ASSESSMENT_PYODIDE_DIR": str(pyodide_dir()),
        "ASSESSMENT_PACKAGE_JSON": str(pyodide_dir() / "package.json"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "TIMEZONE": "UTC",
        "RELATIVE_URLS": True,
        "FEED_ALL_ATOM": None,
        "CATEGORY_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
        **(settings or {}),
    }
    config = tmp_path / "pelicanconf.py"
    config.write_text(
        "".join(f"{name} = {value!r}\n" for name, value in values.items()), encoding="utf-8"
    )
    output = tmp_path / "output"
    result = subprocess.run(
        [python, "-m", "pelican", str(content), "-o", str(output), "-s", str(config)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "COLUMNS": "1000", **(environment or {})},
        timeout=timeout,
    )
    return Built(output, result.returncode, result.stdout + result.stderr)
