"""Bad answers: each is refused with AnswerError and a sentence fit for a reader."""

from __future__ import annotations

from typing import Any

import pytest
from pelican.plugins.assessments.engine import AnswerError

from .conftest import choice, definition, engine_for, likert, number, option, score

QUESTIONS = definition(
    likert("q1", text="How often do you feel heard?"),
    likert("q2", optional=True),
    choice("pick", "single", option("time"), option("money"), text="What feels hardest?"),
    choice("ways", "multiple", option("walks"), option("meals"), text="What do you do together?"),
    number("count", 0, 20, text="Kind words today"),
)
VALID = {"q1": 3, "pick": "time", "ways": ["walks"], "count": 4}


def refusal(answers: object) -> str:
    with pytest.raises(AnswerError) as refused:
        score(QUESTIONS, answers)
    return str(refused.value)


def test_valid_answers_are_scored() -> None:
    assert score(QUESTIONS, VALID)["assessment"] == "check"


def test_an_unknown_assessment_is_refused() -> None:
    engine = engine_for(QUESTIONS)
    for unknown in ("nope", "", None, ["check"], {"check": 1}):
        with pytest.raises(AnswerError, match="This assessment is not available"):
            engine.score(unknown, VALID)  # type: ignore[arg-type]


@pytest.mark.parametrize("answers", [None, [], ["q1", 3], "q1=3", 3, (("q1", 3),)])
def test_answers_that_are_not_a_mapping_are_refused(answers: object) -> None:
    assert refusal(answers) == "The answers could not be read. Please answer the questions again."


@pytest.mark.parametrize("key", ["q9", "", 1, None, ("q1",)])
def test_an_answer_to_an_unknown_question_is_refused(key: Any) -> None:
    message = refusal(VALID | {key: 3})
    assert message == "The answers include a question this assessment does not ask."


def test_a_required_question_left_out_is_named_by_its_text() -> None:
    missing = {key: value for key, value in VALID.items() if key != "q1"}
    assert refusal(missing) == '"How often do you feel heard?" needs an answer.'
    assert refusal(VALID | {"q1": None}) == '"How often do you feel heard?" needs an answer.'


@pytest.mark.parametrize("value", [0, 6, -1, "3", 3.0, 2.5, True, False, [3], {"v": 3}])
def test_a_likert_answer_must_be_a_whole_number_on_its_scale(value: object) -> None:
    message = refusal(VALID | {"q1": value})
    assert message == '"How often do you feel heard?" needs one of the 5 choices on its scale.'


def test_a_bool_is_not_a_likert_value_even_though_python_counts_it_as_one() -> None:
    assert "needs one of the 5 choices" in refusal(VALID | {"q1": True})


@pytest.mark.parametrize("value", ["other", "TIME", "", 1, ["time"], True])
def test_a_single_answer_must_be_one_of_its_option_values(value: object) -> None:
    assert (
        refusal(VALID | {"pick": value})
        == '"What feels hardest?" needs one of the choices offered.'
    )


@pytest.mark.parametrize("value", ["walks", ("walks",), {"walks"}, [1], [None], 3])
def test_a_multiple_answer_must_be_a_list_of_option_values(value: object) -> None:
    assert refusal(VALID | {"ways": value}) == '"What do you do together?" needs a list of choices.'


def test_a_multiple_answer_may_not_hold_an_option_it_does_not_offer() -> None:
    message = refusal(VALID | {"ways": ["walks", "runs"]})
    assert message == '"What do you do together?" needs only the choices offered.'


def test_a_multiple_answer_may_not_hold_a_choice_twice() -> None:
    message = refusal(VALID | {"ways": ["walks", "walks"]})
    assert message == '"What do you do together?" needs each choice at most once.'


@pytest.mark.parametrize("value", [-1, 21, 3.0, "4", True, [4]])
def test_a_number_answer_must_be_a_whole_number_in_its_range(value: object) -> None:
    message = refusal(VALID | {"count": value})
    assert message == '"Kind words today" needs a whole number from 0 to 20.'


def test_an_optional_question_may_be_left_out_or_none_but_not_wrong() -> None:
    assert score(QUESTIONS, VALID)["dimensions"][0]["answered"] == 1
    assert score(QUESTIONS, VALID | {"q2": None})["dimensions"][0]["answered"] == 1
    assert "needs one of the 5 choices" in refusal(VALID | {"q2": 9})


def test_an_answer_error_is_a_value_error_whose_message_has_no_python_in_it() -> None:
    with pytest.raises(ValueError) as refused:
        score(QUESTIONS, VALID | {"q1": [3]})
    assert isinstance(refused.value, AnswerError)
    assert "[" not in str(refused.value) and "Error" not in str(refused.value)
