"""The `scale` question type (0-10), added through the type mechanism alone:
its checks, the answers it accepts, its scoring and its catalog entry."""

from __future__ import annotations

from typing import Any

import pytest
from pelican.plugins.assessments.engine import AnswerError
from pelican.plugins.assessments.engine.validation import Problem, validate

from .conftest import definition, dimension_result, engine_for, knowledge_check, likert, score

Q0 = ("sections", 0, "questions", 0)
Q1 = ("sections", 0, "questions", 1)


def rating(ident: str = "r", **changes: Any) -> dict[str, Any]:
    question = {"id": ident, "type": "scale", "text": f"Rate {ident}?", "dimension": "warmth"}
    return question | changes


def test_a_rating_scores_its_place_between_0_and_10() -> None:
    warmth = dimension_result(score(definition(rating()), {"r": 7}))
    assert (warmth["raw"], warmth["min"], warmth["max"], warmth["score"]) == (7, 0, 10, 70)


def test_reverse_keyed_ratings_count_10_minus_the_value() -> None:
    warmth = dimension_result(score(definition(rating(reverse=True)), {"r": 2}))
    assert (warmth["raw"], warmth["score"]) == (8, 80)


def test_a_weighted_rating_adds_up_with_likert_items_in_one_dimension() -> None:
    data = definition(rating(weight=2), likert("q1"))
    warmth = dimension_result(score(data, {"r": 5, "q1": 5}))
    # raw 10 + 5 between 0 + 1 and 20 + 5
    assert (warmth["raw"], warmth["min"], warmth["max"], warmth["score"]) == (15, 1, 25, 58)


@pytest.mark.parametrize("value", [-1, 11, 3.0, True, "7", None, [7]])
def test_a_rating_must_be_a_whole_number_from_0_to_10(value: object) -> None:
    with pytest.raises(
        AnswerError, match=r'^"Rate r\?" needs (a whole number from 0 to 10|an answer)\.$'
    ):
        score(definition(rating()), {"r": value})


def test_both_ends_are_accepted() -> None:
    for value, expected in ((0, 0), (10, 100)):
        assert dimension_result(score(definition(rating()), {"r": value}))["score"] == expected


def test_feedback_is_given_for_the_chosen_value() -> None:
    result = score(definition(rating(feedback={0: "<p>Far.</p>", 10: "<p>Near.</p>"})), {"r": 10})
    assert result["feedback"] == [{"question": "r", "value": 10, "text": "<p>Near.</p>"}]


def test_the_catalog_offers_the_eleven_points() -> None:
    (entry,) = engine_for(definition(rating())).catalog()["check"]["questions"]
    assert entry == {"id": "r", "type": "scale", "optional": False, "values": list(range(11))}


def test_a_valid_rating_with_both_end_labels_has_no_problem() -> None:
    assert validate(definition(rating(low="Not at all", high="Completely"))) == []


@pytest.mark.parametrize(
    ("changes", "path", "message"),
    [
        ({"dimension": "nope"}, (*Q1, "dimension"), "unknown dimension 'nope'; known: warmth"),
        (
            {"feedback": {11: "x"}},
            (*Q1, "feedback", 11),
            "feedback value 11 is outside the scale 0-10",
        ),
        ({"low": ""}, (*Q1, "low"), "'low' must not be empty"),
        ({"scale": "agreement"}, (*Q1, "scale"), "'scale' does not apply to a scale question"),
        (
            {"weight": 0},
            (*Q1, "weight"),
            "'weight' must be a number greater than 0 and at most 1000, not 0",
        ),
    ],
)
def test_each_mistake_in_a_rating_is_reported_where_it_is(
    changes: dict[str, Any], path: tuple[str | int, ...], message: str
) -> None:
    # q1 feeds the dimension too, so that only the rating's own mistake is reported
    assert validate(definition(likert("q1"), rating(**changes))) == [Problem(path, message)]


def test_a_recommendation_on_a_rating_names_values_on_its_scale() -> None:
    data = definition(
        rating(),
        recommendations=[{"slug": "x", "when": {"question": "r", "values": [3, 12]}}],
    )
    problems = validate(data)
    assert problems == [
        Problem(
            ("recommendations", 0, "when", "values", 1),
            "value 12 is outside the scale 0-10",
        )
    ]


def test_a_knowledge_check_cannot_ask_for_a_rating() -> None:
    data = knowledge_check(rating())
    assert Problem(
        (*Q0, "type"), "'type' must be single or multiple in a knowledge check, not 'scale'"
    ) in validate(data)
