"""The Engine, its catalog, the default engine and authors' scoring modules."""

from __future__ import annotations

import json
import math
import sys
import types
from collections.abc import Iterator
from typing import Any

import pytest
from pelican.plugins.assessments import engine as assessment_engine
from pelican.plugins.assessments.engine import AnswerError, Engine

from .conftest import (
    choice,
    definition,
    engine_for,
    knowledge_check,
    likert,
    number,
    option,
    score,
)

QUESTIONS = definition(
    likert("q1"),
    likert("q2", optional=True),
    choice("pick", "single", option("time"), option("money")),
    choice("ways", "multiple", option("walks"), option("meals"), option("talks")),
    number("count", 0, 200),
    minutes=3,
)
ANSWERS = {"q1": 4, "pick": "money", "ways": ["talks"], "count": 12}


def test_the_catalog_lists_each_question_with_the_values_it_accepts() -> None:
    other = knowledge_check(id="other", title="Another")
    engine = Engine({"check": QUESTIONS, "other": other})
    assert engine.catalog() == {
        "check": {
            "title": "The check",
            "kind": "assessment",
            "questions": [
                {"id": "q1", "type": "likert", "optional": False, "values": [1, 2, 3, 4, 5]},
                {"id": "q2", "type": "likert", "optional": True, "values": [1, 2, 3, 4, 5]},
                {"id": "pick", "type": "single", "optional": False, "values": ["time", "money"]},
                {
                    "id": "ways",
                    "type": "multiple",
                    "optional": False,
                    "values": ["walks", "meals", "talks"],
                },
                {"id": "count", "type": "number", "optional": False, "min": 0, "max": 200},
            ],
        },
        "other": {
            "title": "Another",
            "kind": "knowledge-check",
            "questions": [
                {"id": "pick", "type": "single", "optional": False, "values": ["a", "b", "c"]},
                {
                    "id": "ways",
                    "type": "multiple",
                    "optional": False,
                    "values": ["walks", "meals", "talks"],
                },
            ],
        },
    }


def test_the_catalog_does_not_reveal_which_answers_of_a_knowledge_check_are_correct() -> None:
    catalog = engine_for(knowledge_check()).catalog()
    text = json.dumps(catalog)
    assert "correct" not in text and "answer" not in text and "Yes, " not in text


def test_the_catalog_is_plain_json_data() -> None:
    catalog = engine_for(QUESTIONS).catalog()
    assert json.loads(json.dumps(catalog)) == catalog


def test_an_engine_scores_each_assessment_by_its_id() -> None:
    other = definition(id="other", title="Another")
    engine = Engine({"check": QUESTIONS, "other": other})
    assert engine.score("other", {"q1": 1, "q2": 1})["title"] == "Another"
    assert engine.score("check", ANSWERS)["title"] == "The check"


# The default engine


@pytest.fixture
def default_engine() -> Iterator[None]:
    """Forget the default engine before and after the test."""
    assessment_engine._default_engine.cache_clear()
    yield
    assessment_engine._default_engine.cache_clear()


def test_without_a_compiled_module_the_catalog_is_empty_and_nothing_can_be_scored(
    default_engine: None,
) -> None:
    assert assessment_engine.catalog() == {}
    with pytest.raises(AnswerError, match="This assessment is not available"):
        assessment_engine.score("check", ANSWERS)


def fake_module(monkeypatch: pytest.MonkeyPatch, name: str, **attributes: Any) -> None:
    module = types.ModuleType(name)
    module.__dict__.update(attributes)
    monkeypatch.setitem(sys.modules, name, module)


def test_the_default_engine_serves_the_compiled_definitions_and_authors_modules(
    default_engine: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def tally(answers: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
        calls.append(answers)
        result["extra"] = {"count": answers["count"]}
        return result

    fake_module(
        monkeypatch,
        "pelican.plugins.assessments.engine._compiled",
        DEFINITIONS={"check": QUESTIONS, "plain": definition(id="plain")},
        SCORERS={"check": "rope_tally"},
    )
    fake_module(monkeypatch, "pelican.plugins.assessments.engine.authored.rope_tally", score=tally)
    assert list(assessment_engine.catalog()) == ["check", "plain"]
    assert assessment_engine.score("plain", {"q1": 5, "q2": 5})["extra"] == {}
    assert calls == []  # the author's module is only used for its own assessment
    assert assessment_engine.score("check", ANSWERS)["extra"] == {"count": 12}
    assert len(calls) == 1


def test_a_missing_authors_module_is_an_answer_error(
    default_engine: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_module(
        monkeypatch,
        "pelican.plugins.assessments.engine._compiled",
        DEFINITIONS={"check": QUESTIONS},
        SCORERS={"check": "not_there"},
    )
    with pytest.raises(AnswerError) as refused:
        assessment_engine.score("check", ANSWERS)
    assert isinstance(refused.value.__cause__, ImportError)


# Authors' scoring modules


def test_an_authors_scorer_gets_every_checked_answer_and_the_declared_result() -> None:
    seen: list[tuple[dict[str, Any], dict[str, Any]]] = []

    def scorer(answers: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
        seen.append((answers, result))
        return result

    result = score(QUESTIONS, ANSWERS, scorer)
    answers, declared = seen[0]
    assert answers == {"q1": 4, "q2": None, "pick": "money", "ways": ["talks"], "count": 12}
    assert declared == score(QUESTIONS, ANSWERS) == result


def test_an_authors_scorer_can_change_the_result_but_not_what_it_was_given() -> None:
    given = {"q1": 4, "pick": "money", "ways": ["talks"], "count": 12}

    def scorer(answers: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
        answers["ways"].append("walks")
        result["dimensions"][0]["score"] = 42
        result["notes"].append("Counted by hand.")
        result["extra"]["ratio"] = answers["count"] / 4
        return result

    engine = engine_for(QUESTIONS, scorer)
    result = engine.score("check", given)
    assert result["dimensions"][0]["score"] == 42
    assert result["notes"] == ["Counted by hand."]
    assert result["extra"] == {"ratio": 3.0}
    assert given["ways"] == ["talks"]
    assert engine.score("check", given) == result


def broken(**result_changes: Any) -> Any:
    def scorer(answers: dict[str, Any], result: dict[str, Any]) -> Any:
        return result | result_changes

    return scorer


@pytest.mark.parametrize(
    "scorer",
    [
        pytest.param(lambda answers, result: None, id="returns None"),
        pytest.param(lambda answers, result: [result], id="returns a list"),
        pytest.param(
            lambda answers, result: {k: v for k, v in result.items() if k != "notes"},
            id="drops a key",
        ),
        pytest.param(
            lambda answers, result: {k: v for k, v in result.items() if k != "quiz"},
            id="drops the quiz",
        ),
        pytest.param(broken(ratio=0.5), id="adds a key"),
        pytest.param(broken(dimensions=[{"id": "warmth", "score": 101}]), id="scores above 100"),
        pytest.param(broken(dimensions=[{"id": "warmth", "score": -1}]), id="scores below 0"),
        pytest.param(broken(dimensions=[{"id": "warmth", "score": 50.5}]), id="scores a float"),
        pytest.param(broken(dimensions=[{"id": "warmth", "score": True}]), id="scores a bool"),
        pytest.param(broken(dimensions=[{"id": "warmth"}]), id="drops a score"),
        pytest.param(broken(profile=[{"id": "x", "score": 200}]), id="scores a profile above 100"),
        pytest.param(broken(dimensions="warmth"), id="dimensions is not a list"),
        pytest.param(broken(extra={"ratio": math.nan}), id="returns NaN"),
        pytest.param(broken(extra={"when": object()}), id="returns something not JSON"),
    ],
)
def test_an_authors_scorer_returning_something_else_than_a_result_is_an_answer_error(
    scorer: Any,
) -> None:
    with pytest.raises(AnswerError) as refused:
        score(QUESTIONS, ANSWERS, scorer)
    assert str(refused.value) == (
        "This assessment could not be scored because of a fault in its scoring, "
        "not in your answers."
    )
    assert refused.value.__cause__ is not None


def test_an_exception_in_an_authors_scorer_becomes_an_answer_error_chained_from_it() -> None:
    def scorer(answers: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
        return {"ratio": answers["count"] / 0}

    with pytest.raises(AnswerError, match="could not be scored") as refused:
        score(QUESTIONS, ANSWERS, scorer)
    assert isinstance(refused.value.__cause__, ZeroDivisionError)


def test_an_authors_scorer_gets_and_may_change_a_knowledge_checks_quiz() -> None:
    def scorer(answers: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
        result["extra"]["share"] = result["quiz"]["correct"] / result["quiz"]["total"]
        return result

    result = score(knowledge_check(), {"pick": "a", "ways": []}, scorer)
    assert (result["quiz"]["correct"], result["extra"]) == (1, {"share": 0.5})


def test_bad_answers_are_refused_before_an_authors_scorer_runs() -> None:
    def scorer(answers: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
        raise AssertionError("must not run")

    with pytest.raises(AnswerError, match="needs an answer") as refused:
        score(QUESTIONS, {}, scorer)
    assert refused.value.__cause__ is None
