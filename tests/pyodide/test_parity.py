"""The built wheel gives identical results in CPython and in real Pyodide."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, Build

HERE = Path(__file__).parent
CASES_PER_ASSESSMENT = 150


@pytest.fixture(scope="module")
def wheel(site: Build) -> Path:
    (found,) = (site.output / "py").glob("*.whl")
    return found


def in_cpython(wheel: Path, mode: str, cases: Path | None = None) -> Any:
    command = [sys.executable, "-S", str(HERE / "runner.py"), str(wheel), mode]
    return run_json(command + ([str(cases)] if cases else []))


def in_pyodide(wheel: Path, mode: str, cases: Path | None = None) -> Any:
    pyodide = ROOT / "node_modules" / "pyodide"
    command = ["node", str(HERE / "harness.mjs"), str(pyodide), str(wheel), str(HERE / "runner.py")]
    return run_json(command + [mode] + ([str(cases)] if cases else []))


def run_json(command: list[str]) -> Any:
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def valid_answer(question: dict[str, Any], rng: random.Random) -> Any:
    if question["optional"] and rng.random() < 0.15:
        return None
    if question["type"] == "number":
        return rng.randint(question["min"], question["max"])
    if question["type"] == "multiple":
        return rng.sample(question["values"], rng.randint(0, len(question["values"])))
    return rng.choice(question["values"])


JUNK = [None, True, 0, -1, 3.5, "", "nope", [], ["x", "x"], {"a": 1}, 10**9]


def answer_sets(catalog: dict[str, Any], seed: int = 20261122) -> list[dict[str, Any]]:
    """Many valid answer sets per assessment, and broken ones of every kind."""
    rng = random.Random(seed)
    cases = []
    for assessment_id, entry in sorted(catalog.items()):
        questions = entry["questions"]
        for _ in range(CASES_PER_ASSESSMENT):
            answers = {q["id"]: valid_answer(q, rng) for q in questions}
            cases.append({"id": assessment_id, "answers": answers})
        for _ in range(30):
            answers = {q["id"]: valid_answer(q, rng) for q in questions}
            victim = rng.choice(questions)["id"]
            choice = rng.random()
            if choice < 0.5:
                answers[victim] = rng.choice(JUNK)
            elif choice < 0.7:
                del answers[victim]
            else:
                answers["not-a-question"] = 1
            cases.append({"id": assessment_id, "answers": answers})
    cases += [{"id": "no-such-assessment", "answers": {}}, {"id": "check-in", "answers": "junk"}]
    return cases


def test_the_catalog_is_the_same_in_cpython_and_pyodide(wheel: Path) -> None:
    catalog = in_cpython(wheel, "catalog")
    assert set(catalog) == {p.stem for p in (ROOT / "content" / "assessments").glob("*.yaml")}
    assert in_pyodide(wheel, "catalog") == catalog


@pytest.fixture(scope="module")
def cases_file(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("parity") / "cases.json"
    path.write_text(json.dumps(answer_sets(in_cpython(wheel, "catalog"))), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cpython_outcomes(wheel: Path, cases_file: Path) -> list[dict[str, Any]]:
    return in_cpython(wheel, "run", cases_file)


def test_every_answer_set_scores_identically_in_cpython_and_pyodide(
    wheel: Path, cases_file: Path, cpython_outcomes: list[dict[str, Any]]
) -> None:
    cases = json.loads(cases_file.read_text(encoding="utf-8"))
    expected = cpython_outcomes
    actual = in_pyodide(wheel, "run", cases_file)
    assert [o for o in expected if "escaped" in o] == []
    assert sum("result" in o for o in expected) >= CASES_PER_ASSESSMENT * 3
    assert sum("error" in o for o in expected) >= 60
    mismatches = [
        (case, want, got)
        for case, want, got in zip(cases, expected, actual, strict=True)
        if want != got
    ]
    assert mismatches == []


def test_every_link_in_a_result_leads_to_a_page_of_the_site(
    site: Build, cpython_outcomes: list[dict[str, Any]]
) -> None:
    """Result text is shown on more than one page, so its links are relative to
    the site root; each must name a page that exists."""
    targets = set()
    for outcome in cpython_outcomes:
        result = outcome.get("result") or {}
        targets |= {rec["url"] for rec in result.get("recommendations", [])}
        targets |= set(re.findall(r'href="([^"]*)"', json.dumps(result).replace('\\"', '"')))
    assert targets, "no result carried a link"
    local = {t for t in targets if not t.startswith(("http:", "https:", "#", "mailto:"))}
    assert all(not t.startswith("/") and "{filename}" not in t for t in local)
    missing = [t for t in local if not (site.output / t.split("#")[0] / "index.html").is_file()]
    assert missing == []
