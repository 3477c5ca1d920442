"""The scoring rules of assessment-format.md, one rule at a time."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import (
    choice,
    definition,
    dimension,
    dimension_result,
    knowledge_check,
    likert,
    number,
    option,
    profile,
    right,
    score,
    wrong,
)


def options_scoring(*points: int | float) -> dict[str, Any]:
    """A definition whose one single question offers options o0, o1, ... worth `points`."""
    options = [option(f"o{i}", scores={"warmth": p}) for i, p in enumerate(points)]
    return definition(choice("pick", "single", *options))


def test_a_likert_score_is_its_place_between_the_least_and_greatest_raw_score() -> None:
    warmth = dimension_result(score(definition(), {"q1": 4, "q2": 2}))
    # raw 6 between 2 and 10: 100 * 4 / 8
    assert (warmth["raw"], warmth["min"], warmth["max"], warmth["score"]) == (6, 2, 10, 50)
    assert (warmth["answered"], warmth["questions"]) == (2, 2)


def test_reverse_keyed_items_are_flipped_before_averaging() -> None:
    data = definition(likert("q1"), likert("q2", reverse=True))
    warmth = dimension_result(score(data, {"q1": 5, "q2": 1}))
    assert (warmth["raw"], warmth["score"]) == (10, 100)
    warmth = dimension_result(score(data, {"q1": 5, "q2": 5}))
    assert (warmth["raw"], warmth["score"]) == (6, 50)


def test_weights_multiply_the_value_and_the_range_of_an_item() -> None:
    data = definition(likert("q1", weight=3), likert("q2"))
    warmth = dimension_result(score(data, {"q1": 5, "q2": 1}))
    # raw 15 + 1 between 3 + 1 and 15 + 5
    assert (warmth["raw"], warmth["min"], warmth["max"], warmth["score"]) == (16, 4, 20, 75)


def test_raw_min_and_max_are_floats_only_when_a_weight_is_a_float() -> None:
    result = score(definition(likert("q1", weight=1.5), likert("q2")), {"q1": 2, "q2": 1})
    warmth = dimension_result(result)
    assert (warmth["raw"], warmth["min"], warmth["max"]) == (4.0, 2.5, 12.5)
    assert all(isinstance(warmth[key], float) for key in ("raw", "min", "max"))
    warmth = dimension_result(score(definition(), {"q1": 2, "q2": 1}))
    assert all(type(warmth[key]) is int for key in ("raw", "min", "max"))


@pytest.mark.parametrize(("chosen", "band"), [("o39", "low"), ("o40", "middle"), ("o69", "middle")])
def test_a_score_on_the_edge_of_a_band_belongs_to_the_band_that_includes_it(
    chosen: str, band: str
) -> None:
    data = definition(
        choice(
            "pick", "single", *(option(f"o{p}", scores={"warmth": p}) for p in (0, 39, 40, 69, 100))
        )
    )
    warmth = dimension_result(score(data, {"pick": chosen}))
    assert warmth["score"] == int(chosen[1:])
    assert warmth["band"] == {"id": band, "label": band.title(), "text": f"<p>{band}</p>"}


@pytest.mark.parametrize(
    ("points", "chosen", "expected"),
    [
        ((0, 1, 8), "o1", 13),  # 12.5: round() would give 12
        ((0, 5, 8), "o1", 63),  # 62.5: round() would give 62
        ((0, 3, 8), "o1", 38),  # 37.5
        ((0, 1, 3), "o1", 33),  # 33.3
        ((0, 2, 3), "o1", 67),  # 66.7
    ],
)
def test_halves_are_rounded_up_not_to_even(
    points: tuple[int, ...], chosen: str, expected: int
) -> None:
    assert dimension_result(score(options_scoring(*points), {"pick": chosen}))["score"] == expected


def test_likert_halves_are_rounded_up_too() -> None:
    # raw 3 between 2 and 10: 12.5
    assert dimension_result(score(definition(), {"q1": 1, "q2": 2}))["score"] == 13


def test_skipped_optional_questions_count_in_neither_raw_nor_min_nor_max() -> None:
    data = definition(likert("q1"), likert("q2", optional=True))
    for answers in ({"q1": 4}, {"q1": 4, "q2": None}):
        warmth = dimension_result(score(data, answers))
        assert (warmth["raw"], warmth["min"], warmth["max"], warmth["score"]) == (4, 1, 5, 75)
        assert (warmth["answered"], warmth["questions"]) == (1, 2)


def test_a_dimension_with_nothing_answered_has_no_score_no_band_and_a_note() -> None:
    data = definition(likert("q1", optional=True), likert("q2", optional=True))
    result = score(data, {})
    warmth = dimension_result(result)
    assert (warmth["raw"], warmth["min"], warmth["max"]) == (0, 0, 0)
    assert (warmth["score"], warmth["band"], warmth["answered"]) == (None, None, 0)
    assert result["notes"] == ['There were not enough answers to score "Warmth".']


def test_a_single_question_adds_its_chosen_options_score_including_negative_ones() -> None:
    data = options_scoring(-2, 3, 0)
    warmth = dimension_result(score(data, {"pick": "o0"}))
    assert (warmth["raw"], warmth["min"], warmth["max"], warmth["score"]) == (-2, -2, 3, 0)
    warmth = dimension_result(score(data, {"pick": "o2"}))
    assert (warmth["raw"], warmth["score"]) == (0, 40)


def test_an_option_without_a_score_counts_as_zero_in_a_single_questions_range() -> None:
    data = definition(
        choice("pick", "single", option("a", scores={"warmth": 4}), option("b"), option("c"))
    )
    warmth = dimension_result(score(data, {"pick": "b"}))
    assert (warmth["raw"], warmth["min"], warmth["max"], warmth["score"]) == (0, 0, 4, 0)


def test_a_multiple_question_ranges_from_its_negative_scores_to_its_positive_ones() -> None:
    data = definition(
        choice(
            "ways",
            "multiple",
            option("a", scores={"warmth": -1}),
            option("b", scores={"warmth": 2}),
            option("c", scores={"warmth": 3}),
            option("d"),
        )
    )
    warmth = dimension_result(score(data, {"ways": ["c", "a"]}))
    assert (warmth["raw"], warmth["min"], warmth["max"], warmth["score"]) == (2, -1, 5, 50)
    empty = dimension_result(score(data, {"ways": []}))
    assert (empty["raw"], empty["score"], empty["answered"]) == (0, 17, 1)


def test_likert_items_and_option_scores_add_up_in_one_dimension() -> None:
    data = definition(
        likert("q1"),
        choice("pick", "single", option("a", scores={"warmth": 5}), option("b")),
    )
    warmth = dimension_result(score(data, {"q1": 3, "pick": "a"}))
    assert (warmth["raw"], warmth["min"], warmth["max"], warmth["score"]) == (8, 1, 10, 78)


def test_number_answers_feed_no_dimension() -> None:
    data = definition(likert("q1"), number("count"))
    warmth = dimension_result(score(data, {"q1": 5, "count": 7}))
    assert (warmth["questions"], warmth["score"]) == (1, 100)


# Profiles


def two_profiles(**changes: Any) -> dict[str, Any]:
    """Dimensions warmth (fed by q1) and calm (q2); profile 'settler' on calm is declared first."""
    base = {
        "dimensions": [dimension("warmth"), dimension("calm")],
        "profiles": [profile("settler", "calm"), profile("giver", "warmth")],
    }
    return definition(likert("q1"), likert("q2", dimension="calm"), **(base | changes))


def profile_ids(result: dict[str, Any]) -> list[str]:
    return [p["id"] for p in result["profile"]]


def test_the_profile_is_the_one_with_the_top_score() -> None:
    result = score(two_profiles(), {"q1": 5, "q2": 4})
    assert result["profile"] == [
        {
            "id": "giver",
            "title": "Giver",
            "summary": "summary of giver",
            "helps": "helps of giver",
            "pitfall": "pitfall of giver",
            "next_move": "next_move of giver",
            "score": 100,
        }
    ]


def test_profile_ties_are_resolved_by_their_order_in_the_file() -> None:
    assert profile_ids(score(two_profiles(), {"q1": 4, "q2": 4})) == ["settler", "giver"]
    reordered = two_profiles(profiles=[profile("giver", "warmth"), profile("settler", "calm")])
    assert profile_ids(score(reordered, {"q1": 4, "q2": 4})) == ["giver", "settler"]


def test_blend_within_shows_profiles_near_the_top_score_highest_first() -> None:
    # warmth 100, calm 75
    answers = {"q1": 5, "q2": 4}
    assert profile_ids(score(two_profiles(profile_rule={"blend_within": 25}), answers)) == [
        "giver",
        "settler",
    ]
    assert profile_ids(score(two_profiles(profile_rule={"blend_within": 24}), answers)) == ["giver"]


def test_no_profile_is_given_when_no_profile_dimension_has_a_score() -> None:
    data = two_profiles()
    data["sections"][0]["questions"] = [
        likert("q1", optional=True),
        likert("q2", dimension="calm", optional=True),
    ]
    assert score(data, {})["profile"] == []


def test_a_profile_whose_dimension_has_no_score_is_left_out() -> None:
    data = two_profiles()
    data["sections"][0]["questions"][1]["optional"] = True
    assert profile_ids(score(data, {"q1": 1})) == ["giver"]


# Feedback


def test_feedback_follows_the_form_order_and_the_options_declared_order() -> None:
    data = definition(
        choice(
            "ways",
            "multiple",
            option("walks", feedback="<p>Walks help.</p>"),
            option("meals"),
            option("talks", feedback="<p>Talks help.</p>"),
        ),
        likert("q1", feedback={5: "<p>Lovely.</p>", 1: "<p>Hard.</p>"}),
        choice("pick", "single", option("a", feedback="<p>A.</p>"), option("b")),
    )
    result = score(data, {"pick": "a", "q1": 5, "ways": ["talks", "meals", "walks"]})
    assert result["feedback"] == [
        {"question": "ways", "value": "walks", "text": "<p>Walks help.</p>"},
        {"question": "ways", "value": "talks", "text": "<p>Talks help.</p>"},
        {"question": "q1", "value": 5, "text": "<p>Lovely.</p>"},
        {"question": "pick", "value": "a", "text": "<p>A.</p>"},
    ]


def test_a_chosen_value_without_feedback_gives_none() -> None:
    data = definition(likert("q1", feedback={5: "<p>Lovely.</p>"}), likert("q2", optional=True))
    assert score(data, {"q1": 4})["feedback"] == []


def test_likert_feedback_is_for_the_value_chosen_not_the_reversed_value() -> None:
    data = definition(likert("q1"), likert("q2", reverse=True, feedback={1: "<p>One.</p>"}))
    assert score(data, {"q1": 3, "q2": 1})["feedback"] == [
        {"question": "q2", "value": 1, "text": "<p>One.</p>"}
    ]


# Knowledge checks


def marks(result: dict[str, Any]) -> dict[str, bool]:
    """Each question's mark in a knowledge check's result."""
    return {mark["question"]: mark["correct"] for mark in result["quiz"]["questions"]}


@pytest.mark.parametrize(("chosen", "correct"), [("a", True), ("b", False), ("c", False)])
def test_a_single_question_is_correct_when_its_one_correct_option_is_chosen(
    chosen: str, correct: bool
) -> None:
    result = score(knowledge_check(), {"pick": chosen, "ways": ["walks", "talks"]})
    assert result["quiz"]["questions"][0] == {
        "question": "pick",
        "correct": correct,
        "chosen": [chosen],
        "answer": ["a"],
    }
    assert (result["quiz"]["correct"], result["quiz"]["total"]) == (1 + correct, 2)


@pytest.mark.parametrize(
    ("chosen", "correct"),
    [
        (["walks", "talks"], True),
        (["talks", "walks"], True),  # a set: the order of the answer does not matter
        (["walks"], False),  # a subset is not enough
        (["walks", "talks", "meals"], False),  # nor is a superset
        (["meals"], False),
        ([], False),
    ],
)
def test_a_multiple_question_is_correct_only_when_the_chosen_set_is_exactly_the_correct_set(
    chosen: list[str], correct: bool
) -> None:
    result = score(knowledge_check(), {"pick": "a", "ways": chosen})
    mark = result["quiz"]["questions"][1]
    assert (mark["correct"], mark["answer"]) == (correct, ["walks", "talks"])
    # both in the order the options are declared, whatever the order of the answer
    assert mark["chosen"] == [v for v in ("walks", "meals", "talks") if v in chosen]


@pytest.mark.parametrize("answers", [{"ways": ["walks", "talks"]}, {"pick": None, "ways": []}])
def test_a_skipped_optional_question_counts_as_not_correct_and_is_still_listed(
    answers: dict[str, Any],
) -> None:
    data = knowledge_check(
        choice("pick", "single", right("a"), wrong("b"), optional=True),
        choice("ways", "multiple", right("walks"), right("talks"), optional=True),
    )
    quiz = score(data, answers)["quiz"]
    assert quiz["questions"][0] == {
        "question": "pick",
        "correct": False,
        "chosen": [],
        "answer": ["a"],
    }
    assert (quiz["correct"], quiz["total"]) == (1 if answers["ways"] else 0, 2)


def test_a_knowledge_check_gives_the_feedback_of_every_chosen_option_in_declared_order() -> None:
    data = knowledge_check(
        choice("ways", "multiple", right("walks"), wrong("meals"), right("talks")),
        choice("pick", "single", right("a"), wrong("b"), optional=True),
        choice("more", "single", wrong("x"), right("y")),
    )
    result = score(data, {"more": "x", "ways": ["talks", "meals"]})
    assert result["feedback"] == [
        {"question": "ways", "value": "meals", "text": "<p>Not meals.</p>"},
        {"question": "ways", "value": "talks", "text": "<p>Yes, talks.</p>"},
        {"question": "more", "value": "x", "text": "<p>Not x.</p>"},
    ]
    assert marks(result) == {"ways": False, "pick": False, "more": False}


def test_a_knowledge_check_may_still_score_dimensions_profiles_and_bands() -> None:
    data = knowledge_check(
        choice("pick", "single", right("a", scores={"warmth": 2}), wrong("b")),
        choice("ways", "multiple", right("walks", scores={"warmth": 1}), wrong("meals")),
        dimensions=[dimension("warmth")],
        profiles=[profile("giver", "warmth")],
    )
    result = score(data, {"pick": "a", "ways": ["walks", "meals"]})
    warmth = dimension_result(result)
    assert (warmth["raw"], warmth["min"], warmth["max"], warmth["score"]) == (3, 0, 3, 100)
    assert warmth["band"]["id"] == "high"
    assert [p["id"] for p in result["profile"]] == ["giver"]
    assert marks(result) == {"pick": True, "ways": False}


def test_an_assessment_that_is_not_a_knowledge_check_has_no_quiz() -> None:
    assert score(definition(), {"q1": 3, "q2": 3})["quiz"] is None
    data = definition(likert("q1"), choice("pick", "single", option("a"), option("b")))
    assert score(data, {"q1": 3, "pick": "a"})["quiz"] is None


def test_an_option_score_left_empty_counts_as_absent() -> None:
    data = definition(
        likert("q1"), choice("pick", "multiple", option("a", scores={"warmth": None}), option("b"))
    )
    warmth = dimension_result(score(data, {"q1": 5, "pick": ["a"]}))
    assert (warmth["raw"], warmth["min"], warmth["max"], warmth["questions"]) == (5, 1, 5, 1)


# Recommendations


def recommending(*recommendations: dict[str, Any]) -> dict[str, Any]:
    return two_profiles(
        sections=[
            {
                "title": "One",
                "questions": [
                    likert("q1"),
                    likert("q2", dimension="calm"),
                    choice("ways", "multiple", option("walks"), option("meals")),
                ],
            }
        ],
        recommendations=list(recommendations),
    )


def slugs(result: dict[str, Any]) -> list[str]:
    return [r["slug"] for r in result["recommendations"]]


def test_recommendations_whose_condition_holds_are_given_in_file_order() -> None:
    data = recommending(
        {"slug": "for-everyone", "when": "always"},
        {"slug": "warm-up", "when": {"dimension": "warmth", "bands": ["low", "middle"]}},
        {"slug": "keep-warm", "when": {"dimension": "warmth", "bands": ["high"]}},
        {"slug": "for-givers", "when": {"profile": "giver"}},
        {"slug": "for-settlers", "when": {"profile": "settler"}},
        {"slug": "walking", "when": {"question": "ways", "values": ["walks"]}},
        {"slug": "eating", "when": {"question": "ways", "values": ["meals"]}},
        {"slug": "top-marks", "when": {"question": "q1", "values": [5]}},
    )
    result = score(data, {"q1": 5, "q2": 1, "ways": ["walks"]})
    assert slugs(result) == ["for-everyone", "keep-warm", "for-givers", "walking", "top-marks"]
    result = score(data, {"q1": 1, "q2": 5, "ways": ["meals", "walks"]})
    assert slugs(result) == ["for-everyone", "warm-up", "for-settlers", "walking", "eating"]


def test_a_recommendation_is_given_once_even_when_several_of_its_conditions_hold() -> None:
    data = recommending(
        {"slug": "walking", "when": {"question": "ways", "values": ["walks"]}},
        {"slug": "for-everyone", "when": "always"},
        {"slug": "walking", "when": "always"},
    )
    assert slugs(score(data, {"q1": 5, "q2": 1, "ways": ["walks"]})) == ["walking", "for-everyone"]
    assert slugs(score(data, {"q1": 5, "q2": 1, "ways": []})) == ["for-everyone", "walking"]


def test_a_band_condition_on_a_dimension_without_a_score_does_not_hold() -> None:
    data = recommending({"slug": "warm-up", "when": {"dimension": "warmth", "bands": ["low"]}})
    data["sections"][0]["questions"][0]["optional"] = True
    assert slugs(score(data, {"q2": 1, "ways": []})) == []


def test_recommendations_carry_title_url_and_reason_or_empty_text() -> None:
    data = recommending(
        {"slug": "a", "when": "always", "title": "A", "url": "/a/", "reason": "Because."},
        {"slug": "b", "when": "always"},
    )
    assert score(data, {"q1": 5, "q2": 1, "ways": []})["recommendations"] == [
        {"slug": "a", "title": "A", "url": "/a/", "reason": "Because."},
        {"slug": "b", "title": "", "url": "", "reason": ""},
    ]


# The whole result


def test_the_result_has_every_documented_key_in_order() -> None:
    result = score(definition(), {"q1": 3, "q2": 3})
    assert list(result) == [
        "assessment",
        "title",
        "dimensions",
        "profile",
        "quiz",
        "feedback",
        "recommendations",
        "notes",
        "extra",
    ]
    assert (result["assessment"], result["title"], result["extra"]) == ("check", "The check", {})
    assert list(result["dimensions"][0]) == [
        "id",
        "title",
        "raw",
        "min",
        "max",
        "score",
        "band",
        "answered",
        "questions",
    ]
    quiz = score(knowledge_check(), {"pick": "a", "ways": []})["quiz"]
    assert list(quiz) == ["correct", "total", "questions"]
    assert list(quiz["questions"][0]) == ["question", "correct", "chosen", "answer"]
