"""Checking runs in explicit phases over one list of problems."""

from __future__ import annotations

from pathlib import Path

from pelican.plugins.assessments.checks import (
    PHASES,
    Candidate,
    check_assessment,
    cross_references,
    examples,
    shape,
)
from pelican.plugins.assessments.source import read_source

from .conftest import TEST_DATA

MOOD = TEST_DATA / "content" / "assessments" / "mood.yaml"


def candidate_of(tmp_path: Path, text: str, name: str = "mood.yaml") -> Candidate:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    data, source_map = read_source(path)
    return Candidate(path, name, data, source_map, {})


def test_the_phases_are_shape_cross_references_then_examples() -> None:
    assert [phase for phase, _ in PHASES] == [shape, cross_references, examples]
    assert [needs_clean for _, needs_clean in PHASES] == [False, False, True]


def test_shape_and_cross_reference_problems_are_reported_together(tmp_path: Path) -> None:
    text = MOOD.read_text(encoding="utf-8").replace("type: number", "type: numbr")
    text += "recommendations:\n  - {slug: nowhere, when: always}\n"
    found = check_assessment(*candidate_of(tmp_path, text, "other.yaml"))
    messages = [problem.message for problem in found]
    assert any("unknown question type 'numbr' (did you mean 'number'?)" in m for m in messages)
    assert "id 'mood' differs from the file name; rename one so both read 'other'" in messages
    assert any("recommendation to 'nowhere'" in m for m in messages)


def test_examples_run_only_on_a_file_the_other_phases_found_sound(tmp_path: Path) -> None:
    wrong_example = MOOD.read_text(encoding="utf-8").replace(
        "scores: {energy: 100}", "scores: {energy: 99}"
    )
    sound = candidate_of(tmp_path, wrong_example)
    assert [p.message for p in check_assessment(*sound)] == [
        "expected score 99 for 'energy', got 100"
    ]
    broken = candidate_of(tmp_path, wrong_example.replace("type: number", "type: numbr"))
    assert all("expected score" not in p.message for p in check_assessment(*broken))


def test_a_phase_keeps_no_state_between_files(tmp_path: Path) -> None:
    first = candidate_of(tmp_path, MOOD.read_text(encoding="utf-8"))
    assert shape(first) == shape(first) == []
    assert cross_references(first) == []
