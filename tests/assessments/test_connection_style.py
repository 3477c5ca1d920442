"""The connection style check, scored by the engine for every possible split of
the twelve answers: scores are shares, a blend is named only within one answer
of the top, and no band text contradicts the profile shown. No site build."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from pelican.plugins.assessments.engine import Engine
from pelican.plugins.assessments.engine.model import Assessment
from pelican.plugins.assessments.engine.validation import check_examples, validate
from ruamel.yaml import YAML

from tests.conftest import ROOT

PATH = ROOT / "content" / "assessments" / "connection-style.yaml"
DATA: dict[str, Any] = YAML(typ="safe").load(PATH.read_text(encoding="utf-8"))
STYLES = [d["id"] for d in DATA["dimensions"]]
QUESTIONS = [q for section in DATA["sections"] for q in section["questions"]]
N = len(QUESTIONS)


def share(count: int) -> int:
    """round_half_up(100 * count / N) in whole numbers."""
    return (200 * count + N) // (2 * N)


def splits() -> list[tuple[int, ...]]:
    """Every way N answers can fall across the styles (counts per style)."""
    found = []
    for bars in itertools.combinations(range(N + len(STYLES) - 1), len(STYLES) - 1):
        edges = (-1, *bars, N + len(STYLES) - 1)
        found.append(tuple(b - a - 1 for a, b in itertools.pairwise(edges)))
    return found


def answers_for(counts: tuple[int, ...]) -> dict[str, str]:
    styles = [s for s, c in zip(STYLES, counts, strict=True) for _ in range(c)]
    return {q["id"]: style for q, style in zip(QUESTIONS, styles, strict=True)}


ENGINE = Engine({DATA["id"]: DATA})
RESULTS = [(counts, ENGINE.score(DATA["id"], answers_for(counts))) for counts in splits()]


def test_the_file_is_valid_and_its_examples_hold() -> None:
    assert validate(DATA) == []
    assert check_examples(Assessment.from_definition(DATA)) == []


def test_five_styles_each_with_a_profile_in_the_same_order() -> None:
    assert len(STYLES) == 5
    assert [p["dimension"] for p in DATA["profiles"]] == STYLES
    assert all(p["id"] == p["dimension"] for p in DATA["profiles"])
    assert "steady-connector" in STYLES


def test_every_question_gives_one_point_to_exactly_one_style_per_option() -> None:
    assert N == 12
    for question in QUESTIONS:
        assert question["type"] == "single"
        scored = [option["scores"] for option in question["options"]]
        assert all(len(s) == 1 and next(iter(s.values())) == 1 for s in scored), question["id"]
        assert sorted(next(iter(s)) for s in scored) == sorted(STYLES), question["id"]
        assert all(o["value"] == next(iter(o["scores"])) for o in question["options"])


def test_scores_are_shares_of_the_answers() -> None:
    assert len(RESULTS) == 1820
    for counts, result in RESULTS:
        scores = [d["score"] for d in result["dimensions"]]
        assert scores == [share(c) for c in counts], counts
        assert abs(sum(scores) - 100) <= 2, counts


def test_a_blend_is_named_exactly_when_a_style_is_within_one_answer_of_the_top() -> None:
    for counts, result in RESULTS:
        top = max(counts)
        named = [s for s, c in zip(STYLES, counts, strict=True) if c >= top - 1]
        expected = sorted(named, key=lambda s: -counts[STYLES.index(s)])
        assert [p["id"] for p in result["profile"]] == expected, counts


def test_no_band_contradicts_the_profile_shown() -> None:
    for counts, result in RESULTS:
        shown = {p["id"] for p in result["profile"]}
        for dimension in result["dimensions"]:
            band = dimension["band"]["id"]
            if dimension["id"] in shown:
                assert band != "rarely", counts
            if band == "mostly":
                assert shown == {dimension["id"]}, counts


@pytest.mark.parametrize(
    ("band", "counts"),
    [
        ("rarely", {0, 1}),
        ("sometimes", {2, 3, 4}),
        ("often", {5, 6}),
        ("mostly", set(range(7, 13))),
    ],
)
def test_each_band_says_how_many_answers_it_holds(band: str, counts: set[int]) -> None:
    words = {
        "rarely": "None or one",
        "sometimes": "Two to four",
        "often": "Five or six",
        "mostly": "Seven or more",
    }[band]
    for dimension in DATA["dimensions"]:
        (entry,) = [b for b in dimension["bands"] if b["id"] == band]
        held = {c for c in range(N + 1) if entry["from"] <= share(c) <= entry["to"]}
        assert held == counts, (dimension["id"], band)
        assert entry["text"].startswith(f"{words} of your twelve answers"), dimension["id"]


def test_the_examples_sit_on_every_band_edge_and_blend_edge() -> None:
    scores = {s for e in DATA["examples"] for s in e["expect"]["scores"].values()}
    for dimension in DATA["dimensions"][:1]:
        for entry in dimension["bands"]:
            reachable = [share(c) for c in range(N + 1) if entry["from"] <= share(c) <= entry["to"]]
            assert {min(reachable), max(reachable)} <= scores, entry["id"]
    gaps = set()
    for example in DATA["examples"]:
        counts = sorted((list(example["answers"].values()).count(s) for s in STYLES), reverse=True)
        gaps.add((counts[0] - counts[1], share(counts[0]) - share(counts[1])))
    # tie; one answer apart with a rounded gap of 8 and of 9; two apart, 16 and 17
    assert {(0, 0), (1, 8), (1, 9), (2, 16), (2, 17)} <= gaps
