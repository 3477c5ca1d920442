"""Builders of small assessment definitions, and a way to score them.

Each builder returns plain data, as the plugin would hand it to the engine;
keyword arguments add or replace keys, so a test shows only what it is about.
"""

from __future__ import annotations

from typing import Any

from pelican.plugins.assessments.engine import Engine
from pelican.plugins.assessments.engine.scoring import Scorer
from pelican.plugins.assessments.engine.validation import validate

AGREEMENT = ["Not at all", "A little", "Somewhat", "Mostly", "Completely"]


def bands(*spans: tuple[str, int, int]) -> list[dict[str, Any]]:
    spans = spans or (("low", 0, 39), ("middle", 40, 69), ("high", 70, 100))
    return [
        {"id": ident, "from": start, "to": end, "label": ident.title(), "text": f"<p>{ident}</p>"}
        for ident, start, end in spans
    ]


def dimension(ident: str, **changes: Any) -> dict[str, Any]:
    return {"id": ident, "title": ident.title(), "bands": bands()} | changes


def likert(ident: str, dimension: object = "warmth", **changes: Any) -> dict[str, Any]:
    question = {"id": ident, "type": "likert", "text": f"Question {ident}?", "scale": "agreement"}
    return question | {"dimension": dimension} | changes


def option(value: str, **changes: Any) -> dict[str, Any]:
    return {"value": value, "label": value.title()} | changes


def choice(ident: str, kind: str, *options: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A single or multiple question."""
    options = options or (option("yes"), option("no"))
    return {"id": ident, "type": kind, "text": f"Question {ident}?", "options": list(options)} | (
        changes
    )


def right(value: str, **changes: Any) -> dict[str, Any]:
    """A knowledge check's correct option, with its explanation."""
    return option(value, correct=True, feedback=f"<p>Yes, {value}.</p>") | changes


def wrong(value: str, **changes: Any) -> dict[str, Any]:
    """A knowledge check's wrong option, with its explanation."""
    return option(value, feedback=f"<p>Not {value}.</p>") | changes


def number(ident: str, low: object = 0, high: object = 10, **changes: Any) -> dict[str, Any]:
    question = {"id": ident, "type": "number", "text": f"Question {ident}?", "min": low}
    return question | {"max": high} | changes


def profile(ident: str, dimension: str, **changes: Any) -> dict[str, Any]:
    texts = {key: f"{key} of {ident}" for key in ("summary", "helps", "pitfall", "next_move")}
    return {"id": ident, "dimension": dimension, "title": ident.title()} | texts | changes


def definition(*questions: object, **changes: Any) -> dict[str, Any]:
    """A valid definition: the questions given (two likert items on 'warmth' by
    default) in one section, the 'agreement' scale and the 'warmth' dimension."""
    return {
        "id": "check",
        "title": "The check",
        "summary": "A short check.",
        "scales": {"agreement": {"labels": AGREEMENT}},
        "dimensions": [dimension("warmth")],
        "sections": [
            {"title": "One", "questions": list(questions or (likert("q1"), likert("q2")))}
        ],
    } | changes


def knowledge_check(*questions: object, **changes: Any) -> dict[str, Any]:
    """A valid knowledge check: the questions given (by default 'pick', single, right
    answer 'a', and 'ways', multiple, right answers 'walks' and 'talks'), no dimensions."""
    questions = questions or (
        choice("pick", "single", right("a"), wrong("b"), wrong("c")),
        choice("ways", "multiple", right("walks"), wrong("meals"), right("talks")),
    )
    return definition(*questions, **({"kind": "knowledge-check", "dimensions": []} | changes))


def engine_for(data: dict[str, Any], scorer: Scorer | None = None) -> Engine:
    """An engine holding `data` alone, after checking that it is valid."""
    assert validate(data) == []
    return Engine({data["id"]: data}, {data["id"]: scorer} if scorer else {})


def score(data: dict[str, Any], answers: object, scorer: Scorer | None = None) -> dict[str, Any]:
    return engine_for(data, scorer).score(data["id"], answers)


def dimension_result(result: dict[str, Any], ident: str = "warmth") -> dict[str, Any]:
    return next(d for d in result["dimensions"] if d["id"] == ident)
