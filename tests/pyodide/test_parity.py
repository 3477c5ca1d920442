"""The built wheel gives identical results in CPython and in real Pyodide."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, Build
from tests.pyodide.engines import (
    CASES_PER_ASSESSMENT,
    answer_sets,
    built_wheel,
    in_cpython,
    in_pyodide,
    together_cases,
    unpack_cases,
)


@pytest.fixture(scope="module")
def wheel(site: Build) -> Path:
    return built_wheel(site.output)


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


def test_comparing_and_partner_links_give_identical_replies_in_cpython_and_pyodide(
    wheel: Path, tmp_path: Path
) -> None:
    """compare, pack and unpack, as the together mode asks the worker for them."""
    cases = together_cases(in_cpython(wheel, "catalog"))
    first = tmp_path / "together.json"
    first.write_text(json.dumps(cases), encoding="utf-8")
    expected = in_cpython(wheel, "run", first)
    assert in_pyodide(wheel, "run", first) == expected
    compared = [o for c, o in zip(cases, expected, strict=True) if c["type"] == "compare"]
    assert sum("result" in o for o in compared) >= 100
    assert any("error" in o for o in compared)
    packs = [
        {"assessment": c["payload"]["assessment"], "result": o["result"]}
        for c, o in zip(cases, expected, strict=True)
        if c["type"] == "pack" and "result" in o
    ]
    second = tmp_path / "unpack.json"
    second.write_text(json.dumps(unpack_cases(packs)), encoding="utf-8")
    unpacked = in_cpython(wheel, "run", second)
    assert in_pyodide(wheel, "run", second) == unpacked
    # every whole token reads back; every cut or changed one is refused
    assert all("result" in o for o in unpacked[0::3])
    assert all("error" in o for i, o in enumerate(unpacked) if i % 3)


def test_answers_nested_far_too_deep_get_a_reply_in_pyodide_and_scoring_goes_on(
    wheel: Path, tmp_path: Path
) -> None:
    """Nested far enough, json would overflow the WebAssembly stack (a fatal
    error for the whole runtime, not a RecursionError): the worker refuses the
    message first, and the next request is scored as usual."""
    deep = "[" * 20_000 + "]" * 20_000
    request = '{"id": 1, "type": "score", "payload": {"assessment": "check-in", "answers": {"now": '
    then = {"id": 2, "type": "score", "payload": {"assessment": "check-in", "answers": {}}}
    messages = tmp_path / "messages.json"
    messages.write_text(json.dumps([request + deep + "}}}", json.dumps(then)]), encoding="utf-8")
    refused, answered = in_pyodide(wheel, "replies", messages)
    assert refused == {"id": None, "error": in_cpython(wheel, "replies", messages)[0]["error"]}
    assert "could not be read" in refused["error"]
    assert "needs an answer" in answered["error"]
