"""check_examples(): an author's examples are run, and each mismatch is reported at its path."""

from __future__ import annotations

from typing import Any

from pelican.plugins.assessments.engine.model import Assessment
from pelican.plugins.assessments.engine.validation import Problem, check_examples, validate

from .conftest import choice, definition, dimension, knowledge_check, likert, option, profile


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


def quiz_examples(*cases: dict[str, Any]) -> list[Problem]:
    """The problems of `cases` run against the default knowledge check."""
    data = knowledge_check(examples=list(cases))
    assert validate(data) == []
    return check_examples(Assessment.from_definition(data))


def test_an_expected_number_of_correct_answers_that_holds_gives_no_problem() -> None:
    assert (
        quiz_examples(
            {
                "name": "All right",
                "answers": {"pick": "a", "ways": ["talks", "walks"]},
                "expect": {"correct": 2},
            },
            {"name": "Half", "answers": {"pick": "a", "ways": ["walks"]}, "expect": {"correct": 1}},
            {"name": "None", "answers": {"pick": "b", "ways": []}, "expect": {"correct": 0}},
        )
        == []
    )


def test_an_expected_number_of_correct_answers_that_differs_is_reported() -> None:
    wrong = {"name": "Half", "answers": {"pick": "a", "ways": ["walks"]}, "expect": {"correct": 2}}
    assert quiz_examples(wrong) == [
        Problem(("examples", 0, "expect", "correct"), "expected 2 correct, got 1")
    ]


def test_expected_correct_answers_go_with_the_other_expectations_of_a_knowledge_check() -> None:
    case = {
        "name": "Half",
        "answers": {"pick": "b", "ways": ["walks", "talks"]},
        "expect": {"correct": 0, "feedback": ["pick"]},
    }
    path = ("examples", 0, "expect")
    assert quiz_examples(case) == [
        Problem((*path, "correct"), "expected 0 correct, got 1"),
        Problem((*path, "feedback"), "expected feedback [pick], got [pick, ways]"),
    ]


def test_a_quiz_an_authors_module_removed_gives_no_correct_answers() -> None:
    def scorer(answers: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
        result["quiz"] = ["gone"]
        return result

    data = knowledge_check(
        examples=[{"name": "Half", "answers": {"pick": "a", "ways": []}, "expect": {"correct": 1}}]
    )
    assert check_examples(Assessment.from_definition(data), scorer) == [
        Problem(("examples", 0, "expect", "correct"), "expected 1 correct, got none")
    ]


def with_module(*cases: dict[str, Any]) -> dict[str, Any]:
    return definition(scoring="tally.py", examples=list(cases))


def add_level(answers: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    result["extra"] = {"level": "high" if answers["q1"] >= 4 else "low", "ratio": 2.5}
    return result


def test_an_expected_extra_value_from_the_authors_module_is_checked() -> None:
    holds = {"name": "High", "answers": {"q1": 5, "q2": 5}, "expect": {"extra": {"level": "high"}}}
    differs = {"name": "Low", "answers": {"q1": 1, "q2": 1}, "expect": {"extra": {"level": "high"}}}
    missing = {"name": "No key", "answers": {"q1": 1, "q2": 1}, "expect": {"extra": {"band": 1}}}
    data = with_module(holds, differs, missing)
    assert validate(data) == []
    assert check_examples(Assessment.from_definition(data), add_level) == [
        Problem(
            ("examples", 1, "expect", "extra", "level"), "expected extra 'level' 'high', got 'low'"
        ),
        Problem(("examples", 2, "expect", "extra", "band"), "expected extra 'band' 1, got nothing"),
    ]


def test_extra_is_refused_without_a_scoring_module_or_as_a_list() -> None:
    case = {"name": "A", "answers": {"q1": 1, "q2": 1}, "expect": {"extra": {"level": "x"}}}
    assert validate(definition(examples=[case])) == [
        Problem(
            ("examples", 0, "expect", "extra"),
            "'extra' applies only with a scoring module ('scoring')",
        )
    ]
    listed = {"name": "A", "answers": {"q1": 1, "q2": 1}, "expect": {"extra": ["level"]}}
    assert validate(with_module(listed)) == [
        Problem(
            ("examples", 0, "expect", "extra"),
            "'extra' must map the scoring module's keys to values, not a list",
        )
    ]


def test_a_true_or_false_in_a_message_is_shown_as_written() -> None:
    def flag(answers: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
        return result | {"extra": {"kept": True}}

    data = with_module(
        {"name": "Flag", "answers": {"q1": 5, "q2": 5}, "expect": {"extra": {"kept": False}}}
    )
    assert validate(data) == []
    assert check_examples(Assessment.from_definition(data), flag) == [
        Problem(("examples", 0, "expect", "extra", "kept"), "expected extra 'kept' false, got true")
    ]
