"""Taking it together: compare(), the link token (pack and unpack), and the
`together` part of a definition: its validation and its examples."""

from __future__ import annotations

import base64
import contextlib
import json
import zlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.plugins.assessments.engine import AnswerError, Engine
from pelican.plugins.assessments.engine.model import Assessment
from pelican.plugins.assessments.engine.together import BROKEN_LINK, NOT_COMPARED, OLD_LINK
from pelican.plugins.assessments.engine.validation import Problem, check_examples, validate
from pelican.plugins.assessments.engine.worker import handle

from .conftest import (
    choice,
    definition,
    dimension,
    engine_for,
    knowledge_check,
    likert,
    option,
    profile,
)
from .test_properties import JUNK, answers_for, any_answers, definitions

PROMPTS = {
    "warmth": "<p>Talk about warmth.</p>",
    "calm": "<p>Talk about calm.</p>",
    "plans": "<p>Talk about plans.</p>",
}


def pair(**changes: Any) -> dict[str, Any]:
    """Two dimensions of two questions each, a choice that feeds neither, and prompts."""
    return (
        definition(
            likert("w1"),
            likert("w2"),
            likert("c1", dimension="calm"),
            likert("c2", dimension="calm"),
            choice("plans", "multiple", option("walks"), option("talks"), option("trips")),
            dimensions=[dimension("warmth"), dimension("calm")],
            profiles=[
                profile("giver", "warmth", needs="<p>Giver needs thanks.</p>"),
                profile("settler", "calm", needs="<p>Settler needs quiet.</p>"),
            ],
            together={"prompts": PROMPTS},
        )
        | changes
    )


# w1 + w2 on 1..5: raw 2..10, so a score is 100 * (raw - 2) / 8, in steps of 12.5.
FIRST = {"w1": 5, "w2": 5, "c1": 3, "c2": 3, "plans": ["walks", "talks"]}
SECOND = {"w1": 2, "w2": 2, "c1": 3, "c2": 4, "plans": ["talks", "walks"]}


def test_compare_says_where_two_people_agree_and_where_they_differ_most() -> None:
    comparison = engine_for(pair()).compare("check", FIRST, SECOND)
    by_id = {d["id"]: d for d in comparison["dimensions"]}
    assert by_id["warmth"] | {"title": ""} == {
        "id": "warmth",
        "title": "",
        "scores": [100, 25],
        "difference": 75,
        "agree": False,
    }
    assert by_id["calm"]["scores"] == [50, 63] and by_id["calm"]["agree"] is False
    assert comparison["differ"] == ["warmth", "calm"]  # largest difference first
    assert comparison["agree"] == []
    # the same options in another order are the same answer
    assert comparison["choices"] == [
        {"question": "plans", "answers": [["walks", "talks"], ["talks", "walks"]], "same": True}
    ]
    assert [p["about"] for p in comparison["prompts"]] == ["warmth", "calm"]
    assert comparison["prompts"][0] == {
        "about": "warmth",
        "title": "Warmth",
        "text": "<p>Talk about warmth.</p>",
    }
    assert comparison["needs"] == [
        [{"profile": "giver", "title": "Giver", "text": "<p>Giver needs thanks.</p>"}],
        [{"profile": "settler", "title": "Settler", "text": "<p>Settler needs quiet.</p>"}],
    ]
    results = comparison["results"]
    assert results == [engine_for(pair()).score("check", a) for a in (FIRST, SECOND)]


def test_agree_within_is_the_largest_difference_that_still_agrees() -> None:
    second = SECOND | {"w1": 5, "w2": 5}  # warmth 100 and 100; calm 50 and 63: 13 apart
    for within, agree in ((12, []), (13, ["calm"])):
        data = pair(together={"agree_within": within, "prompts": PROMPTS})
        comparison = engine_for(data).compare("check", FIRST, second)
        assert comparison["agree"] == ["warmth", *agree]
        assert comparison["differ"] == ([] if agree else ["calm"])


def test_differing_choices_get_their_prompt_after_the_dimensions_and_three_at_most() -> None:
    second = SECOND | {"plans": ["trips"]}
    comparison = engine_for(pair()).compare("check", FIRST, second)
    assert [p["about"] for p in comparison["prompts"]] == ["warmth", "calm", "plans"]
    assert comparison["prompts"][2]["title"] == "Question plans?"
    data = pair(together={"prompts": PROMPTS | {"w1": "<p>x</p>"}})
    data["sections"][0]["questions"].append(choice("more", "single"))
    data["together"]["prompts"] = PROMPTS | {"more": "<p>More.</p>"}
    comparison = engine_for(data).compare("check", FIRST | {"more": "yes"}, second | {"more": "no"})
    assert [p["about"] for p in comparison["prompts"]] == ["warmth", "calm", "plans"]


def test_a_dimension_either_person_left_unscored_neither_agrees_nor_differs() -> None:
    data = pair()
    for question in data["sections"][0]["questions"][:2]:
        question["optional"] = True
    comparison = engine_for(data).compare("check", FIRST | {"w1": None, "w2": None}, SECOND)
    warmth = comparison["dimensions"][0]
    assert warmth["scores"] == [None, 25] and warmth["difference"] is None
    assert warmth["agree"] is None
    assert "warmth" not in comparison["agree"] + comparison["differ"]


def test_knowledge_checks_are_not_compared_or_packed() -> None:
    engine = Engine({"quiz": knowledge_check()})
    for call in (
        lambda: engine.compare("quiz", {}, {}),
        lambda: engine.pack("quiz", {}),
        lambda: engine.unpack("quiz", "1.x.y.z"),
    ):
        with pytest.raises(AnswerError, match=NOT_COMPARED):
            call()


def test_bad_answers_of_either_person_are_refused_with_the_readers_message() -> None:
    engine = engine_for(pair())
    with pytest.raises(AnswerError, match='"Question w1\\?" needs an answer'):
        engine.compare("check", FIRST, {k: v for k, v in SECOND.items() if k != "w1"})
    with pytest.raises(AnswerError, match="not available"):
        engine.compare("nope", FIRST, SECOND)


# ---- the link token ---------------------------------------------------------


def test_a_token_holds_the_answers_in_a_short_versioned_text() -> None:
    engine = engine_for(pair())
    token = engine.pack("check", FIRST)
    form, version, _data, check = token.split(".")
    assert form == "1" and version == engine.version("check") and len(check) == 8
    assert len(token) < 60  # five answers: compact enough for any message
    unpacked = engine.unpack("check", token)
    assert unpacked == FIRST  # every question id, options in the order given


def test_a_skipped_question_travels_as_skipped() -> None:
    data = pair()
    data["sections"][0]["questions"][0]["optional"] = True
    engine = engine_for(data)
    assert engine.unpack("check", engine.pack("check", FIRST | {"w1": None}))["w1"] is None
    assert (
        engine.unpack("check", engine.pack("check", {k: v for k, v in FIRST.items() if k != "w1"}))[
            "w1"
        ]
        is None
    )


def test_a_token_made_for_another_version_is_refused_as_old() -> None:
    token = engine_for(pair()).pack("check", FIRST)
    changed = pair()
    changed["sections"][0]["questions"][0]["text"] = "A question that now means something else?"
    with pytest.raises(AnswerError, match="earlier version") as refused:
        engine_for(changed).unpack("check", token)
    assert str(refused.value) == OLD_LINK


def test_the_version_follows_the_questions_not_the_texts_around_them() -> None:
    base = engine_for(pair()).version("check")
    reworded = pair(summary="Another summary.")
    reworded["dimensions"][0]["bands"][0]["text"] = "<p>Other words.</p>"
    assert engine_for(reworded).version("check") == base
    for change in (
        lambda d: d["sections"][0]["questions"][0].update(reverse=True),
        lambda d: d["sections"][0]["questions"][4]["options"].pop(),
        lambda d: d["sections"][0]["questions"][4]["options"][0].update(label="Runs"),
        lambda d: d["sections"][0]["questions"].reverse(),
    ):
        data = pair()
        change(data)
        assert engine_for(data).version("check") != base


@given(st.data())
@settings(max_examples=60, deadline=None)
def test_any_cut_or_changed_character_is_refused_never_read_as_other_answers(
    data: st.DataObject,
) -> None:
    engine = engine_for(pair())
    token = engine.pack("check", FIRST)
    at = data.draw(st.integers(0, len(token) - 1))
    if data.draw(st.booleans()):
        spoilt = token[:at]
    else:
        other = data.draw(
            st.sampled_from("0123456789abcdefABCDEF-_.x").filter(lambda c: c != token[at])
        )
        spoilt = token[:at] + other + token[at + 1 :]
    with pytest.raises(AnswerError) as refused:
        engine.unpack("check", spoilt)
    assert str(refused.value) in (BROKEN_LINK, OLD_LINK)


@given(JUNK)
@settings(max_examples=100, deadline=None)
def test_junk_tokens_raise_answer_error_and_nothing_else(token: object) -> None:
    with pytest.raises(AnswerError):
        engine_for(pair()).unpack("check", token)


def test_a_well_formed_token_whose_answers_are_wrong_is_broken() -> None:
    engine = engine_for(pair())
    version = engine.version("check")
    for answers in ([9, 0, 0, 0, [0]], [0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, [7]]):
        data = base64.urlsafe_b64encode(json.dumps(answers).encode()).decode().rstrip("=")
        head = f"1.{version}.{data}"
        token = f"{head}.{zlib.crc32(head.encode()):08x}"
        with pytest.raises(AnswerError, match="incomplete or has been changed"):
            engine.unpack("check", token)


# ---- properties over any valid definition -----------------------------------


@st.composite
def engines_and_two(draw: st.DrawFn) -> tuple[Engine, dict[str, Any], dict[str, Any]]:
    engine = Engine({"check": draw(definitions(quiz=False))})
    return engine, draw(answers_for(engine)), draw(answers_for(engine))


def mirrored(comparison: dict[str, Any]) -> dict[str, Any]:
    """The comparison with the two people swapped."""
    return comparison | {
        "results": comparison["results"][::-1],
        "dimensions": [d | {"scores": d["scores"][::-1]} for d in comparison["dimensions"]],
        "choices": [c | {"answers": c["answers"][::-1]} for c in comparison["choices"]],
        "needs": comparison["needs"][::-1],
    }


@given(engines_and_two())
@settings(max_examples=150, deadline=None)
def test_swapping_the_people_swaps_every_pair_and_nothing_else(
    case: tuple[Engine, dict[str, Any], dict[str, Any]],
) -> None:
    engine, first, second = case
    comparison = engine.compare("check", first, second)
    assert engine.compare("check", second, first) == mirrored(comparison)
    for entry in comparison["dimensions"]:
        scores = entry["scores"]
        if None in scores:
            assert entry["difference"] is None and entry["agree"] is None
        else:
            assert entry["difference"] == abs(scores[0] - scores[1])
            assert 0 <= entry["difference"] <= 100
    assert set(comparison["agree"]).isdisjoint(comparison["differ"])
    differences = {d["id"]: d["difference"] for d in comparison["dimensions"]}
    ordered = [differences[key] for key in comparison["differ"]]
    assert ordered == sorted(ordered, reverse=True)
    assert json.loads(json.dumps(comparison, allow_nan=False)) == comparison


@given(engines_and_two())
@settings(max_examples=150, deadline=None)
def test_unpacking_a_packed_token_gives_the_checked_answers_back(
    case: tuple[Engine, dict[str, Any], dict[str, Any]],
) -> None:
    engine, answers, _ = case
    unpacked = engine.unpack("check", engine.pack("check", answers))
    questions = [q["id"] for q in engine.catalog()["check"]["questions"]]
    assert list(unpacked) == questions
    assert unpacked == {q: answers.get(q) for q in questions}
    assert engine.score("check", unpacked) == engine.score("check", answers)


@given(st.data())
@settings(max_examples=150, deadline=None)
def test_any_answers_are_compared_or_refused_with_answer_error(data: st.DataObject) -> None:
    engine = Engine({"check": data.draw(definitions(quiz=False))})
    first, second = data.draw(any_answers(engine)), data.draw(any_answers(engine))
    with contextlib.suppress(AnswerError):
        engine.compare("check", first, second)
    with contextlib.suppress(AnswerError):
        engine.pack("check", first)


# ---- the worker's messages --------------------------------------------------


def test_the_worker_compares_packs_and_unpacks(monkeypatch: pytest.MonkeyPatch) -> None:
    from pelican.plugins.assessments.engine import _default_engine

    engine = engine_for(pair())
    monkeypatch.setattr("pelican.plugins.assessments.engine._default_engine", lambda: engine)
    assert _default_engine is not None

    def ask(kind: str, **payload: Any) -> dict[str, Any]:
        return json.loads(handle(json.dumps({"id": 7, "type": kind, "payload": payload})))

    token = ask("pack", assessment="check", answers=FIRST)["result"]
    assert ask("unpack", assessment="check", token=token)["result"] == FIRST
    compared = ask("compare", assessment="check", answers=[FIRST, SECOND])
    assert compared["id"] == 7 and compared["result"]["differ"] == ["warmth", "calm"]
    assert ask("compare", assessment="check", answers=[FIRST])["error"].startswith("The answers")
    assert ask("unpack", assessment="check", token=token[:-1])["error"] == BROKEN_LINK
    assert ask(["score"])["error"].startswith("Unrecognised")  # type: ignore[arg-type]


# ---- the `together` part of a definition ------------------------------------


def problems_of(**together: Any) -> list[Problem]:
    return validate(pair(together=together))


def test_together_is_checked_like_the_rest_of_a_definition() -> None:
    assert problems_of(agree_within=10, prompts=PROMPTS) == []
    assert problems_of(agree_within=101) == [
        Problem(("together", "agree_within"), "'agree_within' must be at most 100 points")
    ]
    assert problems_of(prompts={"warmht": "x"}) == [
        Problem(
            ("together", "prompts", "warmht"),
            "unknown dimension or question 'warmht' (did you mean 'warmth'?)",
        )
    ]
    assert problems_of(prompts=["warmth"]) == [
        Problem(
            ("together", "prompts"),
            "'prompts' must map dimension or question ids to text, not a list",
        )
    ]
    assert problems_of(prompts={"calm": ""}) == [
        Problem(("together", "prompts", "calm"), "'calm' must not be empty")
    ]
    assert problems_of(colour="red")[0].path == ("together", "colour")
    quiz = knowledge_check(together={"prompts": {}})
    assert Problem(("together",), "'together' does not apply to a knowledge check") in validate(
        quiz
    )


def test_a_needs_text_is_optional_and_checked() -> None:
    data = pair()
    data["profiles"][0]["needs"] = 3
    assert validate(data) == [Problem(("profiles", 0, "needs"), "'needs' must be text, not 3")]


def run_examples(*examples: dict[str, Any], **changes: Any) -> list[Problem]:
    data = pair(together={"prompts": PROMPTS, "examples": list(examples)}, **changes)
    assert validate(data) == []
    return check_examples(Assessment.from_definition(data))


def test_the_authors_together_examples_run_and_each_mismatch_is_reported() -> None:
    holds = {
        "name": "Apart on both",
        "first": FIRST,
        "second": SECOND,
        "expect": {"agree": [], "differ": ["warmth", "calm"], "prompts": ["warmth", "calm"]},
    }
    assert run_examples(holds) == []
    wrong = holds | {"expect": {"agree": ["calm"], "differ": ["calm", "warmth"]}}
    path = ("together", "examples", 1, "expect")
    assert run_examples(holds, wrong) == [
        Problem((*path, "agree"), "expected agree [calm], got []"),
        Problem((*path, "differ"), "expected differ [calm, warmth], got [warmth, calm]"),
    ]
    refused = holds | {"second": {"w1": 9}, "expect": {"agree": []}}
    [problem] = run_examples(refused)
    assert problem.path == ("together", "examples", 0, "first")
    assert problem.message.startswith("answers refused: ")
    expected_error = holds | {"second": {"w1": 9}, "expect": {"error": "needs"}}
    assert run_examples(expected_error) == []


def test_a_prompt_for_a_question_that_feeds_a_dimension_is_reported() -> None:
    data = pair(together={"prompts": {"w1": "<p>Never shown.</p>"}})
    assert validate(data) == []
    assert check_examples(Assessment.from_definition(data)) == [
        Problem(
            ("together", "prompts", "w1"),
            "question 'w1' feeds 'warmth', so it is compared there: give the prompt to 'warmth'",
        )
    ]
