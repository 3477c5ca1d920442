"""`make bench` keeps working: a quick run (one repetition, loopback only)
completes and fills its tables. Its numbers are printed, never asserted:
timings belong to the benchmark, not to a test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.bench


def test_a_quick_benchmark_run_measures_every_part(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--results", str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "1000"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    print(run.stdout)  # the tables: shown with pytest -s, kept in the log otherwise
    assert run.returncode == 0, run.stdout + run.stderr
    results = json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))
    assert results["errors"] == []
    assert {"site", "gen100", "rebuild_site"} <= results["build"].keys()
    assert results["build"]["site"]["plugin"]["seconds"] > 0
    visits = results["browser"]
    assert visits, "no browser results"
    statuses = {target["status"] for target in results["targets"]}
    assert len(results["targets"]) == 9 and statuses <= {"met", "missed", "not measured"}
    table = (tmp_path / "latest.md").read_text(encoding="utf-8")
    for heading in ("### Targets", "### Build", "### Browser"):
        assert heading in table
