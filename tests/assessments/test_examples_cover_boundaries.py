"""The authors' examples sit on both sides of every edge a result can cross.

For each assessment in content/assessments, the scores a dimension can really
take are found by trying its questions' answers (the engine scores one
reader's answers for each distinct total, so the rounding is the engine's).
Every edge between two adjacent bands then needs an example scored at the
highest reachable score below it and one at the lowest reachable score above
it; a profile rule needs an example just inside its blend margin and one just
outside. The examples are run through the engine, not read from their
`expect`, so an example that claims an edge it does not reach fails too."""

from __future__ import annotations

import importlib.util
import itertools
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pelican.plugins.assessments.engine import Engine
from pelican.plugins.assessments.engine.model import Assessment, Question
from pelican.plugins.assessments.engine.questions import TYPES
from ruamel.yaml import YAML

from tests.conftest import ROOT

FOLDER = ROOT / "content" / "assessments"
PATHS = sorted(FOLDER.glob("*.yaml"))

Answers = dict[str, Any]
State = tuple[Any, ...]


@cache
def definition(path: Path) -> dict[str, Any]:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def scorer(data: dict[str, Any]) -> Callable[..., object] | None:
    """The author's scoring module, loaded from its file, as the build runs it."""
    if not data.get("scoring"):
        return None
    spec = importlib.util.spec_from_file_location("authored", FOLDER / data["scoring"])
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


@cache
def engine(path: Path) -> Engine:
    data = definition(path)
    found = scorer(data)
    return Engine({data["id"]: data}, {data["id"]: found} if found else {})


def score(path: Path, answers: Answers) -> dict[str | None, int | None]:
    result = engine(path).score(definition(path)["id"], answers)
    return {d["id"]: d["score"] for d in result["dimensions"]}


def choices(entry: dict[str, Any]) -> list[Any]:
    """Every answer a question accepts (a number feeds no dimension: its least)."""
    if "values" not in entry:
        found: list[Any] = [entry["min"]]
    elif entry["type"] == "multiple":
        values = entry["values"]
        found = [list(c) for n in range(len(values) + 1) for c in itertools.combinations(values, n)]
    else:
        found = list(entry["values"])
    return [*found, None] if entry["optional"] else found


def reachable(path: Path, dimensions: list[str]) -> Iterator[Answers]:
    """One reader's answers for each distinct set of totals of `dimensions`.

    The totals are the engine's (raw, least, greatest) per dimension, built up
    one question at a time, so twelve questions of five options make at most
    a few thousand states, never 5 ** 12 answer sets."""
    data = definition(path)
    model = Assessment.from_definition(data)
    catalog = engine(path).catalog()[data["id"]]["questions"]
    base = {q["id"]: choices(q)[0] for q in catalog}
    states: dict[State, Answers] = {tuple((0, 0, 0) for _ in dimensions): {}}
    for entry in catalog:
        question: Question = model.questions[entry["id"]]
        fed = [d for d in dimensions if question.feeds(d)]
        if not fed:
            continue
        following: dict[State, Answers] = {}
        for state, answers in states.items():
            for value in choices(entry):
                step = list(state)
                if value is not None:
                    for i, dimension in enumerate(dimensions):
                        if dimension in fed:
                            points = TYPES[question.type].points(question, value, dimension)
                            step[i] = tuple(a + b for a, b in zip(step[i], points, strict=True))
                following.setdefault(tuple(step), {**answers, entry["id"]: value})
        states = following
    for answers in states.values():
        yield {**base, **answers}


def example_scores(path: Path) -> list[dict[str | None, int | None]]:
    """Each example's scores, as the engine gives them for its answers."""
    examples = definition(path).get("examples") or []
    return [score(path, e["answers"]) for e in examples if "error" not in e["expect"]]


def band_edges(path: Path) -> Iterator[tuple[str, str, str, int, int]]:
    """(dimension, lower band, upper band, highest score below, lowest above)."""
    for dimension in definition(path).get("dimensions") or []:
        ident = dimension["id"]
        scores = {score(path, answers)[ident] for answers in reachable(path, [ident])}
        scores.discard(None)
        bands = sorted(dimension["bands"], key=lambda b: b["from"])
        held = {b["id"]: sorted(s for s in scores if b["from"] <= s <= b["to"]) for b in bands}
        assert all(held.values()), f"{path.name}: '{ident}' has a band no answers reach: {held}"
        for lower, upper in itertools.pairwise(bands):
            yield ident, lower["id"], upper["id"], held[lower["id"]][-1], held[upper["id"]][0]


WITH_BANDS = [p for p in PATHS if definition(p).get("dimensions")]
WITH_BLENDS = [p for p in PATHS if (definition(p).get("profile_rule") or {}).get("blend_within")]


def test_the_site_has_assessments_with_bands_and_with_blends() -> None:
    assert {p.stem for p in WITH_BANDS} >= {"check-in", "connection-check", "connection-style"}
    assert {p.stem for p in WITH_BLENDS} == {"connection-style"}


@pytest.mark.parametrize("path", WITH_BANDS, ids=lambda p: p.stem)
def test_every_band_edge_has_an_example_on_each_side(path: Path) -> None:
    shown = example_scores(path)
    missing = []
    for dimension, lower, upper, below, above in band_edges(path):
        for side, value in ((lower, below), (upper, above)):
            if not any(s.get(dimension) == value for s in shown):
                missing.append(f"'{dimension}' {lower}|{upper}: no example scores {value} ({side})")
    assert missing == [], f"{path.name}:\n" + "\n".join(missing)


def test_the_connection_checks_edges_are_where_the_bands_say() -> None:
    """The reachable scores of one sign are the 17 of four 1-5 answers, and the
    edges found are the ones between them; the finder itself can be trusted."""
    path = FOLDER / "connection-check.yaml"
    found = {score(path, answers)["attunement"] for answers in reachable(path, ["attunement"])}
    assert sorted(found) == [0, 6, 13, 19, 25, 31, 38, 44, 50, 56, 63, 69, 75, 81, 88, 94, 100]
    edges = [e[3:] for e in band_edges(path) if e[0] == "attunement"]
    assert edges == [(31, 38), (56, 63), (75, 81)]


def blend_gaps(path: Path, scores: dict[str | None, int | None]) -> set[int]:
    """How far each profile's score is below the top one (one top left out)."""
    dimensions = [p["dimension"] for p in definition(path)["profiles"]]
    values = sorted((scores[d] for d in dimensions if scores[d] is not None), reverse=True)
    return {values[0] - v for v in values[1:]}


@pytest.mark.parametrize("path", WITH_BLENDS, ids=lambda p: p.stem)
def test_the_blend_margin_has_an_example_just_inside_and_just_outside(path: Path) -> None:
    data = definition(path)
    margin = data["profile_rule"]["blend_within"]
    dimensions = [p["dimension"] for p in data["profiles"]]
    gaps = set().union(*(blend_gaps(path, score(path, a)) for a in reachable(path, dimensions)))
    inside = max(g for g in gaps if g <= margin)
    outside = min(g for g in gaps if g > margin)
    shown = set().union(*(blend_gaps(path, s) for s in example_scores(path)))
    assert {inside, outside} <= shown, (margin, inside, outside, sorted(shown))
    # and the engine draws the line there: inside is a blend, outside is not
    for example in data["examples"]:
        result = engine(path).score(data["id"], example["answers"])
        scores = {d["id"]: d["score"] for d in result["dimensions"]}
        top, *rest = sorted((scores[d] for d in dimensions), reverse=True)
        named = {p["score"] for p in result["profile"][1:]}
        assert all((top - s <= margin) == (s in named) for s in rest), example["name"]
