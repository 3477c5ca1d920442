"""Answer checking and scoring, by the rules in the package docstring."""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable, Iterable
from typing import Any, TypeGuard

from .errors import AnswerError
from .model import Assessment, Condition, Number, Question
from .questions import TYPES, Answer

Result = dict[str, Any]
Scorer = Callable[[dict[str, Any], Result], object]

RESULT_KEYS = (
    "assessment", "title", "dimensions", "profile", "quiz", "feedback", "recommendations",
    "notes", "extra",
)  # fmt: skip
KNOWLEDGE_CHECK = "knowledge-check"
AUTHOR_FAILED = (
    "This assessment could not be scored because of a fault in its scoring, not in your answers."
)


def score(assessment: Assessment, answers: object, scorer: Scorer | None = None) -> Result:
    """The result for `answers`; AnswerError, and nothing else, when they cannot be scored."""
    given = check_answers(assessment, answers)
    result = _declared_result(assessment, given)
    if scorer is None:
        return result
    try:
        # copies: an author's module must not be able to change what it was given
        return _checked_result(scorer(copy.deepcopy(given), copy.deepcopy(result)))
    except Exception as error:
        raise AnswerError(AUTHOR_FAILED) from error


def check_answers(assessment: Assessment, answers: object) -> dict[str, Answer]:
    """Every question id, in form order, with its checked answer (None: skipped)."""
    if not isinstance(answers, dict):
        raise AnswerError("The answers could not be read. Please answer the questions again.")
    if any(key not in assessment.questions for key in answers):
        raise AnswerError("The answers include a question this assessment does not ask.")
    return {qid: _checked(q, answers.get(qid)) for qid, q in assessment.questions.items()}


def _checked(question: Question, value: object) -> Answer:
    def refuse(need: str) -> AnswerError:
        return AnswerError(f'"{question.text}" needs {need}.')

    if value is None:
        if question.optional:
            return None
        raise refuse("an answer")
    return TYPES[question.type].accept(question, value, refuse)


def is_int(value: object) -> TypeGuard[int]:
    """An int that is not a bool (YAML's and JSON's true are not numbers here)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _declared_result(assessment: Assessment, given: dict[str, Answer]) -> Result:
    questions = assessment.questions.values()
    dimensions: list[dict[str, Any]] = []
    notes = []
    for dimension in assessment.dimensions:
        raw: Number = 0
        low: Number = 0
        high: Number = 0
        feeding = [q for q in questions if q.feeds(dimension.id)]
        answered = [q for q in feeding if given[q.id] is not None]
        for question in answered:
            points = _points(question, given[question.id], dimension.id)
            raw, low, high = raw + points[0], low + points[1], high + points[2]
        value = band = None
        if high == low:
            notes.append(f'There were not enough answers to score "{dimension.title}".')
        else:
            # clamped first: float sums may stray past min or max by an ulp
            share = min(100.0, max(0.0, 100 * (raw - low) / (high - low)))
            value = math.floor(share + 0.5)  # the nearest integer, halves up
            chosen = next(b for b in dimension.bands if b.start <= value <= b.end)
            band = {"id": chosen.id, "label": chosen.label, "text": chosen.text}
        dimensions.append(
            {
                "id": dimension.id,
                "title": dimension.title,
                "raw": raw,
                "min": low,
                "max": high,
                "score": value,
                "band": band,
                "answered": len(answered),
                "questions": len(feeding),
            }
        )
    scores = {d["id"]: d["score"] for d in dimensions}
    profile = _profile(assessment, scores)
    chosen_bands = {d["id"]: d["band"]["id"] for d in dimensions if d["band"]}
    profile_ids = {p["id"] for p in profile}
    recommendations: list[dict[str, str]] = []
    for item in assessment.recommendations:
        recommended = any(r["slug"] == item.slug for r in recommendations)
        if not recommended and _holds(item.when, chosen_bands, profile_ids, given):
            recommendations.append(
                {"slug": item.slug, "title": item.title, "url": item.url, "reason": item.reason}
            )
    return {
        "assessment": assessment.id,
        "title": assessment.title,
        "dimensions": dimensions,
        "profile": profile,
        "quiz": _quiz(questions, given) if assessment.kind == KNOWLEDGE_CHECK else None,
        "feedback": _feedback(questions, given),
        "recommendations": recommendations,
        "notes": notes,
        "extra": {},
    }


def _points(question: Question, value: Answer, dimension: str) -> tuple[Number, Number, Number]:
    """What an answered question adds to a dimension: (raw, least possible, greatest possible)."""
    return TYPES[question.type].points(question, value, dimension)


def _profile(assessment: Assessment, scores: dict[str, int | None]) -> list[dict[str, Any]]:
    scored = [(p, s) for p in assessment.profiles if (s := scores.get(p.dimension)) is not None]
    if not scored:
        return []
    top = max(s for _, s in scored)
    # sorted() is stable: equal scores keep the order of the file (the tie rule)
    chosen = sorted(
        ((p, s) for p, s in scored if s >= top - assessment.blend_within), key=lambda ps: -ps[1]
    )
    return [
        {
            "id": p.id,
            "title": p.title,
            "summary": p.summary,
            "helps": p.helps,
            "pitfall": p.pitfall,
            "next_move": p.next_move,
            "score": s,
        }
        for p, s in chosen
    ]


def _quiz(questions: Iterable[Question], given: dict[str, Answer]) -> dict[str, Any]:
    """A knowledge check's marks: right when the chosen options are exactly the correct ones."""
    marked: list[dict[str, Any]] = []
    for question in questions:
        value = given[question.id]
        # both in declared order, so equal lists are equal sets; skipped: chosen [], never right
        chosen = [o.value for o in question.options if _chose(question, o.value, value)]
        answer = [o.value for o in question.options if o.correct]
        marked.append(
            {
                "question": question.id,
                "correct": bool(chosen) and chosen == answer,
                "chosen": chosen,
                "answer": answer,
            }
        )
    right = sum(1 for mark in marked if mark["correct"])
    return {"correct": right, "total": len(marked), "questions": marked}


def _chose(question: Question, option: str, value: Answer) -> bool:
    """Whether an answer chose an option."""
    return TYPES[question.type].chose(option, value)


def _feedback(questions: Iterable[Question], given: dict[str, Answer]) -> list[dict[str, Any]]:
    return [
        {"question": question.id, "value": value, "text": text}
        for question in questions
        for value, text in TYPES[question.type].feedback(question, given[question.id])
    ]


def _holds(
    when: Condition, bands: dict[str, str], profile: set[str], given: dict[str, Answer]
) -> bool:
    if when.dimension:
        return bands.get(when.dimension) in when.bands
    if when.profile:
        return when.profile in profile
    if when.question:
        value = given[when.question]
        return any(v in when.values for v in (value if isinstance(value, list) else [value]))
    return True


def _checked_result(result: object) -> Result:
    """What an author's module returned, refused unless it has the shape of a result."""
    if not isinstance(result, dict) or set(result) != set(RESULT_KEYS):
        raise ValueError(f"score() must return the result dict with keys {', '.join(RESULT_KEYS)}")
    for entry in [*result["dimensions"], *result["profile"]]:
        value = entry["score"]
        if value is not None and not (is_int(value) and 0 <= value <= 100):
            raise ValueError(f"scores must be whole numbers from 0 to 100 or None, not {value!r}")
    json.dumps(result, allow_nan=False)  # raises unless the result is plain JSON data
    return result
