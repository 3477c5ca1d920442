"""check_examples(): an author's examples are run, and each mismatch is reported at its path."""

from __future__ import annotations

from typing import Any

from assessment_engine.model import Assessment
from assessment_engine.validation import Problem, check_examples, validate

from .conftest import choice, definition, dimension, likert, option, profile


def examples(*cases: dict[str, Any], scorer: Any = None) -> list[Problem]:
    """The problems of `cases` run against a two-dimension assessment."""
    data = definition(
        likert("q1", feedback={5: "<p>Lovely.</p>"}),
        likert("q2", dimension="calm", text="How calm are you?"),
        choice("ways", "multiple", option("walks", feedback="W"), option("talks", feedback="T")),
        dimensions=[dimension("warmth"), dimension("calm")],
        profiles=[profile("giver", "warmth"), profile("settler", "calm")],
        recommendations=[{"slug": "keep-warm", "when": {"dimension": "warmth", "bands": ["high"]}}],
        examples=list(cases),
    )
    assert validate(data) == []
    return check_examples(Assessment.from_definition(data), scorer)


ANSWERS = {"q1": 5, "q2": 3, "ways": ["walks", "talks"]}


def test_examples_that_hold_give_no_problem() -> None:
    expect = {
        "scores": {"warmth": 100, "calm": 50},
        "bands": {"warmth": "high", "calm": "middle"},
        "profile": ["giver"],
        "feedback": ["q1", "ways"],  # a question once, however many of its options gave feedback
        "recommendations": ["keep-warm"],
    }
    assert examples({"name": "Best", "answers": ANSWERS, "expect": expect}) == []


def test_each_expectation_that_differs_is_reported_at_its_path() -> None:
    expect = {
        "scores": {"warmth": 90, "calm": 50},
        "bands": {"warmth": "middle"},
        "profile": ["giver", "settler"],
        "feedback": ["ways", "q1"],
        "recommendations": [],
    }
    ok = {"name": "Fine", "answers": ANSWERS, "expect": {"scores": {"warmth": 100}}}
    problems = examples(ok, {"name": "Wrong", "answers": ANSWERS, "expect": expect})
    path = ("examples", 1, "expect")
    assert problems == [
        Problem((*path, "scores", "warmth"), "expected score 90 for 'warmth', got 100"),
        Problem((*path, "bands", "warmth"), "expected band 'middle' for 'warmth', got 'high'"),
        Problem((*path, "profile"), "expected profile [giver, settler], got [giver]"),
        Problem((*path, "feedback"), "expected feedback [ways, q1], got [q1, ways]"),
        Problem((*path, "recommendations"), "expected recommendations [], got [keep-warm]"),
    ]


def test_an_expected_score_of_null_matches_a_dimension_left_without_a_score() -> None:
    expect = {"scores": {"warmth": None}, "bands": {"warmth": None}, "profile": []}
    data = definition(
        likert("q1", optional=True),
        likert("q2", optional=True),
        examples=[{"name": "Skipped", "answers": {}, "expect": expect}],
    )
    assert validate(data) == []
    assert check_examples(Assessment.from_definition(data)) == []


def test_answers_refused_without_an_expected_error_are_reported_with_the_reason() -> None:
    case = {"name": "Half", "answers": {"q1": 5}, "expect": {"profile": ["giver"]}}
    assert examples(case) == [
        Problem(("examples", 0, "answers"), 'answers refused: "How calm are you?" needs an answer.')
    ]


def test_an_expected_error_holds_when_its_text_is_in_the_message() -> None:
    case = {"name": "Half", "answers": {"q1": 5}, "expect": {"error": "needs an answer"}}
    assert examples(case) == []


def test_an_expected_error_with_other_words_is_reported() -> None:
    case = {"name": "Half", "answers": {"q1": 5}, "expect": {"error": "is missing"}}
    assert examples(case) == [
        Problem(
            ("examples", 0, "expect", "error"),
            "expected an error containing 'is missing', "
            "got '\"How calm are you?\" needs an answer.'",
        )
    ]


def test_an_expected_error_that_does_not_happen_is_reported() -> None:
    case = {"name": "All", "answers": ANSWERS, "expect": {"error": "needs an answer"}}
    assert examples(case) == [
        Problem(
            ("examples", 0, "expect", "error"), "expected an error, but the answers were scored"
        )
    ]


def test_a_failing_scorer_is_reported_with_the_python_error_for_the_author() -> None:
    def scorer(answers: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("positives")

    case = {"name": "All", "answers": ANSWERS, "expect": {"profile": ["giver"]}}
    assert examples(case, scorer=scorer) == [
        Problem(
            ("examples", 0, "answers"),
            "answers refused: This assessment could not be scored because of a fault in its "
            "scoring, not in your answers. (KeyError: 'positives')",
        )
    ]


def test_examples_are_checked_against_the_scorers_result() -> None:
    def scorer(answers: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
        result["profile"] = []
        return result

    case = {"name": "All", "answers": ANSWERS, "expect": {"profile": ["giver"]}}
    assert examples(case, scorer=scorer) == [
        Problem(("examples", 0, "expect", "profile"), "expected profile [giver], got []")
    ]
