"""validate(): each kind of problem at its exact path and with its exact message."""

from __future__ import annotations

from typing import Any

import pytest
from pelican.plugins.assessments.engine.validation import Problem, validate

from .conftest import (
    bands,
    choice,
    definition,
    dimension,
    knowledge_check,
    likert,
    number,
    option,
    profile,
    right,
    wrong,
)

Q0 = ("sections", 0, "questions", 0)  # the path of the first question
Q1 = ("sections", 0, "questions", 1)
TOP_KEYS = (
    "id, title, summary, sections, kind, intro, minutes, display, scales, dimensions, profiles, "
    "profile_rule, recommendations, scoring, examples, together"
)


def only(data: object) -> Problem:
    """The one problem of `data`: a test asserts no cascade of follow-up problems."""
    problems = validate(data)
    assert len(problems) == 1, problems
    return problems[0]


def two_dimensions(*questions: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """'attunement' fed by a1, 'presence' fed by p1, then `questions`."""
    return definition(
        likert("a1", dimension="attunement"),
        likert("p1", dimension="presence"),
        *questions,
        **({"dimensions": [dimension("attunement"), dimension("presence")]} | changes),
    )


def with_bands(*spans: tuple[str, int, int]) -> dict[str, Any]:
    return two_dimensions(
        dimensions=[dimension("attunement"), dimension("presence", bands=bands(*spans))]
    )


def test_the_builders_make_valid_definitions() -> None:
    assert validate(definition()) == []
    assert validate(two_dimensions()) == []


# Shape: types, required and unknown keys

CASES: list[tuple[str, object, Problem]] = [
    (
        "a definition that is not a mapping",
        ["id", "title"],
        Problem((), "an assessment must be a mapping, not a list"),
    ),
    (
        "a missing required key",
        {k: v for k, v in definition().items() if k != "title"},
        Problem((), "an assessment needs 'title'"),
    ),
    (
        "a required key left empty",
        definition(summary=None),
        Problem((), "an assessment needs 'summary'"),
    ),
    (
        "a misspelt key",
        definition(likert("q1", reverese=True), likert("q2")),
        Problem((*Q0, "reverese"), "unknown key 'reverese' (did you mean 'reverse'?)"),
    ),
    (
        "an unknown key like no known one",
        definition(colour="blue"),
        Problem(("colour",), f"unknown key 'colour'; known: {TOP_KEYS}"),
    ),
    (
        "a key of another question type",
        definition(likert("q1", options=[option("a"), option("b")]), likert("q2")),
        Problem((*Q0, "options"), "'options' does not apply to a likert question"),
    ),
    (
        "text that is a number",
        definition(title=2024),
        Problem(("title",), "'title' must be text, not 2024"),
    ),
    (
        "empty text",
        definition(summary="  "),
        Problem(("summary",), "'summary' must not be empty"),
    ),
    (
        "a flag that is not true or false",
        definition(likert("q1", reverse="yes"), likert("q2")),
        Problem((*Q0, "reverse"), "'reverse' must be true or false, not text"),
    ),
    (
        "a list that is a mapping",
        definition(sections={"title": "One"}, dimensions=[]),
        Problem(("sections",), "'sections' must be a list, not a mapping"),
    ),
    (
        "no sections",
        definition(sections=[], dimensions=[]),
        Problem(("sections",), "'sections' needs at least one section"),
    ),
    (
        "a section without questions",
        definition(sections=[{"title": "One"}], dimensions=[]),
        Problem(("sections", 0), "a section needs 'questions'"),
    ),
    (
        "a question that is text",
        definition(likert("q1"), "q2"),
        Problem(("sections", 0, "questions", 1), "a question must be a mapping, not text"),
    ),
    (
        "a minutes estimate of zero",
        definition(minutes=0),
        Problem(("minutes",), "'minutes' must be a whole number from 1 to 600, not 0"),
    ),
    # Ids and names
    (
        "an assessment id that is not a slug",
        definition(id="Connection Check"),
        Problem(("id",), "id 'Connection Check' must be a lowercase slug (a-z, 0-9 and '-')"),
    ),
    (
        "a question id with a space",
        definition(likert("q 1"), likert("q2")),
        Problem((*Q0, "id"), "id 'q 1' must use only a-z, 0-9, '_' and '-'"),
    ),
    (
        "a question id used twice",
        definition(
            sections=[
                {"title": "A", "questions": [likert("q1")]},
                {"title": "B", "questions": [likert("q1")]},
            ]
        ),
        Problem(
            ("sections", 1, "questions", 0, "id"),
            "duplicate question id 'q1' (first used in section 1)",
        ),
    ),
    (
        "an unknown kind",
        definition(kind="quiz"),
        Problem(("kind",), "unknown kind 'quiz'; known: assessment, knowledge-check"),
    ),
    (
        "a misspelt question type",
        definition(likert("q1", type="likret"), likert("q2")),
        Problem((*Q0, "type"), "unknown question type 'likret' (did you mean 'likert'?)"),
    ),
    # Likert questions
    (
        "an unknown scale",
        definition(likert("q1", scale="agree"), likert("q2")),
        Problem((*Q0, "scale"), "unknown scale 'agree'; known: agreement"),
    ),
    (
        "an unknown dimension",
        two_dimensions(likert("a2", dimension="atunement")),
        Problem(
            ("sections", 0, "questions", 2, "dimension"),
            "unknown dimension 'atunement'; known: attunement, presence",
        ),
    ),
    (
        "a likert question without a dimension",
        definition(likert("q1", dimension=None), likert("q2")),
        Problem(Q0, "a likert question needs 'dimension'"),
    ),
    (
        "a weight of zero",
        definition(likert("q1", weight=0), likert("q2")),
        Problem(
            (*Q0, "weight"), "'weight' must be a number greater than 0 and at most 1000, not 0"
        ),
    ),
    (
        "a weight that is infinite",
        definition(likert("q1", weight=float("inf")), likert("q2")),
        Problem(
            (*Q0, "weight"), "'weight' must be a number greater than 0 and at most 1000, not inf"
        ),
    ),
    (
        "feedback for a value outside the scale",
        definition(likert("q1", feedback={6: "Wow."}), likert("q2")),
        Problem((*Q0, "feedback", 6), "feedback value 6 is outside the scale 1-5 of 'agreement'"),
    ),
    (
        "feedback that is not text",
        definition(likert("q1", feedback={5: ["Wow."]}), likert("q2")),
        Problem((*Q0, "feedback", 5), "feedback for 5 must be text, not a list"),
    ),
    (
        "a scale with one label",
        definition(scales={"agreement": {"labels": ["Yes"]}}),
        Problem(
            ("scales", "agreement", "labels"), "'labels' must be a list of 2 to 11 labels, not 1"
        ),
    ),
    (
        "a scale label that is not text",
        definition(scales={"agreement": {"labels": ["No", None]}}),
        Problem(("scales", "agreement", "labels", 1), "label 2 must be text, not none"),
    ),
    (
        "a scale name with capitals",
        definition(
            likert("q1", scale="Agree"),
            likert("q2", scale="Agree"),
            scales={"Agree": {"labels": ["No", "Yes"]}},
        ),
        Problem(("scales", "Agree"), "scale name 'Agree' must use only a-z, 0-9, '_' and '-'"),
    ),
    # Single and multiple questions
    (
        "a choice with one option",
        definition(likert("q1"), choice("pick", "single", option("only"))),
        Problem(("sections", 0, "questions", 1, "options"), "'options' needs at least 2 options"),
    ),
    (
        "an option value used twice",
        definition(likert("q1"), choice("pick", "multiple", option("a"), option("b"), option("a"))),
        Problem(
            ("sections", 0, "questions", 1, "options", 2, "value"), "duplicate option value 'a'"
        ),
    ),
    (
        "an option without a label",
        definition(likert("q1"), choice("pick", "single", option("a", label=None), option("b"))),
        Problem(("sections", 0, "questions", 1, "options", 0), "an option needs 'label'"),
    ),
    (
        "an option scoring an unknown dimension",
        definition(
            likert("q1"), choice("pick", "single", option("a", scores={"warmht": 1}), option("b"))
        ),
        Problem(
            ("sections", 0, "questions", 1, "options", 0, "scores", "warmht"),
            "unknown dimension 'warmht'; known: warmth",
        ),
    ),
    (
        "an option score that is text",
        definition(
            likert("q1"),
            choice("pick", "single", option("a", scores={"warmth": "lots"}), option("b")),
        ),
        Problem(
            ("sections", 0, "questions", 1, "options", 0, "scores", "warmth"),
            "score for 'warmth' must be a number from -1000 to 1000, not 'lots'",
        ),
    ),
    # Knowledge checks
    (
        "a likert question in a knowledge check",
        knowledge_check(
            choice("pick", "single", right("a"), wrong("b")),
            likert("q1"),
            dimensions=[dimension("warmth")],
        ),
        Problem(
            (*Q1, "type"), "'type' must be single or multiple in a knowledge check, not 'likert'"
        ),
    ),
    (
        "a number question in a knowledge check",
        knowledge_check(number("count")),
        Problem(
            (*Q0, "type"), "'type' must be single or multiple in a knowledge check, not 'number'"
        ),
    ),
    (
        "a single question of a knowledge check without a correct option",
        knowledge_check(choice("pick", "single", wrong("a"), wrong("b", correct=False))),
        Problem((*Q0, "options"), "'options' needs one option with 'correct: true'"),
    ),
    (
        "a single question of a knowledge check with two correct options",
        knowledge_check(choice("pick", "single", right("a"), wrong("b"), right("c"))),
        Problem(
            (*Q0, "options", 2, "correct"),
            "only one option of a single question can be correct, and 'a' already is",
        ),
    ),
    (
        "a multiple question of a knowledge check without a correct option",
        knowledge_check(choice("ways", "multiple", wrong("walks"), wrong("talks"))),
        Problem((*Q0, "options"), "'options' needs at least one option with 'correct: true'"),
    ),
    (
        "an option of a knowledge check without feedback",
        knowledge_check(choice("pick", "single", right("a"), wrong("b", feedback=None))),
        Problem((*Q0, "options", 1), "an option in a knowledge check needs 'feedback'"),
    ),
    (
        "an option of a knowledge check marked correct with text",
        knowledge_check(choice("pick", "single", right("a", correct="yes"), wrong("b"))),
        Problem((*Q0, "options", 0, "correct"), "'correct' must be true or false, not text"),
    ),
    (
        "a correct option in an assessment",
        definition(likert("q1"), choice("pick", "single", option("a", correct=True), option("b"))),
        Problem(
            (*Q1, "options", 0, "correct"),
            "'correct' applies only to a knowledge check (kind: knowledge-check)",
        ),
    ),
    (
        "an option marked not correct in an assessment",
        definition(likert("q1"), choice("pick", "single", option("a"), option("b", correct=False))),
        Problem(
            (*Q1, "options", 1, "correct"),
            "'correct' applies only to a knowledge check (kind: knowledge-check)",
        ),
    ),
    # Number questions
    (
        "a number question whose max is not above its min",
        definition(likert("q1"), number("count", 10, 10)),
        Problem(("sections", 0, "questions", 1, "max"), "'max' must be greater than 'min' (10)"),
    ),
    (
        "a number question with a fractional min",
        definition(likert("q1"), number("count", 1.5, 10)),
        Problem(
            ("sections", 0, "questions", 1, "min"),
            "'min' must be a whole number from -1000000000 to 1000000000, not 1.5",
        ),
    ),
    (
        "a number question whose max is too large a number",
        definition(likert("q1"), number("count", 0, 10**29)),
        Problem(
            ("sections", 0, "questions", 1, "max"),
            "'max' must be a whole number from -1000000000 to 1000000000, "
            "not a number of 30 digits",
        ),
    ),
    # Dimensions and bands
    (
        "bands that leave a gap",
        with_bands(("low", 0, 39), ("middle", 45, 69), ("high", 70, 100)),
        Problem(("dimensions", 1, "bands", 1, "from"), "bands of 'presence' leave 40-44 uncovered"),
    ),
    (
        "bands that overlap",
        with_bands(("low", 0, 39), ("middle", 40, 65), ("high", 60, 100)),
        Problem(("dimensions", 1, "bands", 2, "from"), "bands of 'presence' overlap at 60-65"),
    ),
    (
        "bands that stop short of 100",
        with_bands(("low", 0, 39), ("high", 40, 90)),
        Problem(("dimensions", 1, "bands", 1, "to"), "bands of 'presence' leave 91-100 uncovered"),
    ),
    (
        "bands that start above 0",
        with_bands(("low", 1, 39), ("high", 40, 100)),
        Problem(("dimensions", 1, "bands", 0, "from"), "bands of 'presence' leave 0 uncovered"),
    ),
    (
        "bands out of order",
        with_bands(("high", 50, 100), ("low", 0, 49)),
        Problem(
            ("dimensions", 1, "bands", 1),
            "bands of 'presence' must be in order: 0-49 comes after 50-100",
        ),
    ),
    (
        "a band that ends before it starts",
        with_bands(("low", 0, 39), ("high", 100, 40)),
        Problem(
            ("dimensions", 1, "bands", 1, "to"), "'to' (40) must not be less than 'from' (100)"
        ),
    ),
    (
        "a band beyond 100",
        with_bands(("low", 0, 39), ("high", 40, 120)),
        Problem(
            ("dimensions", 1, "bands", 1, "to"),
            "'to' must be a whole number from 0 to 100, not 120",
        ),
    ),
    (
        "a band id used twice",
        with_bands(("low", 0, 39), ("low", 40, 100)),
        Problem(("dimensions", 1, "bands", 1, "id"), "duplicate band id 'low'"),
    ),
    (
        "a dimension id used twice",
        definition(dimensions=[dimension("warmth"), dimension("warmth")]),
        Problem(("dimensions", 1, "id"), "duplicate dimension id 'warmth'"),
    ),
    (
        "a dimension no question feeds",
        two_dimensions(
            dimensions=[dimension("attunement"), dimension("presence"), dimension("calm")]
        ),
        Problem(("dimensions", 2), "no question feeds dimension 'calm'"),
    ),
    # Profiles
    (
        "a profile that can never be reached",
        two_dimensions(
            dimensions=[dimension("attunement"), dimension("presence"), dimension("avoider")],
            profiles=[profile("avoider", "avoider")],
        ),
        Problem(
            ("profiles", 0, "dimension"),
            "profile 'avoider' can never be reached: no question feeds dimension 'avoider'",
        ),
    ),
    (
        "a profile on an unknown dimension",
        two_dimensions(profiles=[profile("giver", "presense")]),
        Problem(
            ("profiles", 0, "dimension"),
            "unknown dimension 'presense'; known: attunement, presence",
        ),
    ),
    (
        "two profiles on one dimension",
        two_dimensions(profiles=[profile("giver", "presence"), profile("taker", "presence")]),
        Problem(
            ("profiles", 1, "dimension"), "dimension 'presence' already measures profile 'giver'"
        ),
    ),
    (
        "a profile id used twice",
        two_dimensions(profiles=[profile("giver", "presence"), profile("giver", "attunement")]),
        Problem(("profiles", 1, "id"), "duplicate profile id 'giver'"),
    ),
    (
        "a profile without its pitfall",
        two_dimensions(profiles=[profile("giver", "presence", pitfall=None)]),
        Problem(("profiles", 0), "a profile needs 'pitfall'"),
    ),
    (
        "a negative blend",
        definition(profile_rule={"blend_within": -5}),
        Problem(
            ("profile_rule", "blend_within"),
            "'blend_within' must be a number from 0 to 1000, not -5",
        ),
    ),
    # Recommendations
    (
        "a recommendation slug that is not a slug",
        definition(recommendations=[{"slug": "What_Connection_Is", "when": "always"}]),
        Problem(
            ("recommendations", 0, "slug"),
            "slug 'What_Connection_Is' must be a lowercase slug (a-z, 0-9 and '-')",
        ),
    ),
    (
        "a recommendation without a condition",
        definition(recommendations=[{"slug": "a"}]),
        Problem(("recommendations", 0), "a recommendation needs 'when'"),
    ),
    (
        "a condition that is no condition",
        definition(recommendations=[{"slug": "a", "when": "sometimes"}]),
        Problem(
            ("recommendations", 0, "when"),
            "'when' must be 'always' or a mapping: "
            "{dimension, bands}, {profile} or {question, values}",
        ),
    ),
    (
        "a condition on an unknown band",
        definition(
            recommendations=[{"slug": "a", "when": {"dimension": "warmth", "bands": ["lowest"]}}]
        ),
        Problem(
            ("recommendations", 0, "when", "bands", 0),
            "unknown band 'lowest' of 'warmth'; known: low, middle, high",
        ),
    ),
    (
        "a condition on an unknown profile",
        definition(recommendations=[{"slug": "a", "when": {"profile": "giver"}}]),
        Problem(
            ("recommendations", 0, "when", "profile"), "unknown profile 'giver'; none are defined"
        ),
    ),
    (
        "a condition on an unknown question",
        definition(recommendations=[{"slug": "a", "when": {"question": "q3", "values": [1]}}]),
        Problem(("recommendations", 0, "when", "question"), "unknown question 'q3'; known: q1, q2"),
    ),
    (
        "a condition on a value outside the scale",
        definition(recommendations=[{"slug": "a", "when": {"question": "q1", "values": [6]}}]),
        Problem(
            ("recommendations", 0, "when", "values", 0),
            "value 6 is outside the scale 1-5 of 'agreement'",
        ),
    ),
    (
        "a condition on a value a choice does not offer",
        definition(
            likert("q1"),
            choice("pick", "single", option("time"), option("money")),
            recommendations=[{"slug": "a", "when": {"question": "pick", "values": ["tiem"]}}],
        ),
        Problem(
            ("recommendations", 0, "when", "values", 0),
            "value 'tiem' is not an option of 'pick'; options: time, money",
        ),
    ),
    (
        "a condition mixing two forms",
        definition(
            recommendations=[
                {"slug": "a", "when": {"dimension": "warmth", "bands": ["low"], "profile": "x"}}
            ]
        ),
        Problem(
            ("recommendations", 0, "when", "profile"),
            "'profile' does not apply to a dimension condition",
        ),
    ),
    # The scoring module and examples
    (
        "a scoring module that is not a Python file",
        definition(scoring="tally.js"),
        Problem(("scoring",), "'scoring' must be a file name ending in .py, such as 'tally.py'"),
    ),
    (
        "an example without answers",
        definition(examples=[{"name": "All", "expect": {"scores": {"warmth": 100}}}]),
        Problem(("examples", 0), "an example needs 'answers'"),
    ),
    (
        "a misspelt expectation",
        definition(examples=[{"name": "All", "answers": {}, "expect": {"score": {}}}]),
        Problem(("examples", 0, "expect", "score"), "unknown key 'score' (did you mean 'scores'?)"),
    ),
    (
        "an expected score above 100",
        definition(
            examples=[{"name": "All", "answers": {}, "expect": {"scores": {"warmth": 101}}}]
        ),
        Problem(
            ("examples", 0, "expect", "scores", "warmth"),
            "expected score 101 must be a whole number 0-100 or null",
        ),
    ),
    (
        "an expected band that does not exist",
        definition(
            examples=[{"name": "All", "answers": {}, "expect": {"bands": {"warmth": "top"}}}]
        ),
        Problem(
            ("examples", 0, "expect", "bands", "warmth"),
            "unknown band 'top' of 'warmth'; known: low, middle, high",
        ),
    ),
    (
        "an expected feedback on an unknown question",
        definition(examples=[{"name": "All", "answers": {}, "expect": {"feedback": ["q3"]}}]),
        Problem(("examples", 0, "expect", "feedback", 0), "unknown question 'q3'; known: q1, q2"),
    ),
    (
        "an expected number of correct answers in an assessment",
        definition(examples=[{"name": "All", "answers": {}, "expect": {"correct": 2}}]),
        Problem(
            ("examples", 0, "expect", "correct"),
            "'correct' applies only to a knowledge check (kind: knowledge-check)",
        ),
    ),
    (
        "more correct answers expected than a knowledge check has questions",
        knowledge_check(examples=[{"name": "All", "answers": {}, "expect": {"correct": 3}}]),
        Problem(
            ("examples", 0, "expect", "correct"),
            "'correct' must be a whole number from 0 to 2, not 3",
        ),
    ),
    (
        "an expected error with other expectations",
        definition(
            examples=[{"name": "All", "answers": {}, "expect": {"error": "x", "profile": []}}]
        ),
        Problem(
            ("examples", 0, "expect", "error"), "'error' cannot be combined with other expectations"
        ),
    ),
]


@pytest.mark.parametrize(
    ("data", "problem"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_each_kind_of_problem_is_reported_at_its_path_with_a_message_saying_what_to_do(
    data: object, problem: Problem
) -> None:
    assert only(data) == problem


def test_every_problem_of_a_definition_is_reported_not_just_the_first() -> None:
    data = two_dimensions(
        likert("a1", dimension="attunement", reverese=True),
        choice("pick", "single", option("time", scores={"atunement": 1})),
        id="Bad Id",
        dimensions=[
            dimension("attunement"),
            dimension("presence", bands=bands(("low", 0, 39), ("high", 45, 100))),
        ],
        recommendations=[{"slug": "a", "when": "never"}],
    )
    assert [(p.path, p.message) for p in validate(data)] == [
        (("id",), "id 'Bad Id' must be a lowercase slug (a-z, 0-9 and '-')"),
        (("dimensions", 1, "bands", 1, "from"), "bands of 'presence' leave 40-44 uncovered"),
        (
            ("sections", 0, "questions", 2, "reverese"),
            "unknown key 'reverese' (did you mean 'reverse'?)",
        ),
        (
            ("sections", 0, "questions", 2, "id"),
            "duplicate question id 'a1' (first used in section 1)",
        ),
        (("sections", 0, "questions", 3, "options"), "'options' needs at least 2 options"),
        (
            ("sections", 0, "questions", 3, "options", 0, "scores", "atunement"),
            "unknown dimension 'atunement'; known: attunement, presence",
        ),
        (
            ("recommendations", 0, "when"),
            "'when' must be 'always' or a mapping: "
            "{dimension, bands}, {profile} or {question, values}",
        ),
    ]


def test_an_optional_key_left_empty_counts_as_absent() -> None:
    assert validate(definition(intro=None, profiles=None, scoring=None)) == []


def test_a_knowledge_check_may_have_dimensions_profiles_bands_and_examples() -> None:
    assert validate(knowledge_check()) == []
    data = knowledge_check(
        choice("pick", "single", right("a", scores={"warmth": 1}), wrong("b", correct=False)),
        choice("ways", "multiple", right("walks"), right("talks"), optional=True),
        dimensions=[dimension("warmth")],
        profiles=[profile("giver", "warmth")],
        recommendations=[{"slug": "a", "when": {"dimension": "warmth", "bands": ["low"]}}],
        examples=[{"name": "All", "answers": {"pick": "a"}, "expect": {"correct": 1}}],
    )
    assert validate(data) == []


def test_every_problem_of_a_knowledge_check_is_reported() -> None:
    data = knowledge_check(
        likert("q1", dimension=None, scale=None),
        choice("pick", "single", option("a"), right("b"), right("c", feedback="")),
        choice("ways", "multiple", wrong("walks"), wrong("talks", feedback=None)),
        number("count", 0, 10),
    )
    Q2, Q3 = ("sections", 0, "questions", 2), ("sections", 0, "questions", 3)
    assert [(p.path, p.message) for p in validate(data)] == [
        (Q0, "a likert question needs 'scale'"),
        (Q0, "a likert question needs 'dimension'"),
        ((*Q0, "type"), "'type' must be single or multiple in a knowledge check, not 'likert'"),
        ((*Q1, "options", 0), "an option in a knowledge check needs 'feedback'"),
        ((*Q1, "options", 2, "feedback"), "'feedback' must not be empty"),
        (
            (*Q1, "options", 2, "correct"),
            "only one option of a single question can be correct, and 'b' already is",
        ),
        ((*Q2, "options", 1), "an option in a knowledge check needs 'feedback'"),
        ((*Q2, "options"), "'options' needs at least one option with 'correct: true'"),
        ((*Q3, "type"), "'type' must be single or multiple in a knowledge check, not 'number'"),
    ]


def test_with_an_unknown_kind_neither_kinds_own_rules_are_checked() -> None:
    data = definition(
        likert("q1"),
        choice("pick", "single", option("a", correct=True), option("b"), option("c", correct=True)),
        kind="knowledge_check",
        examples=[{"name": "All", "answers": {}, "expect": {"correct": 1}}],
    )
    assert only(data) == Problem(
        ("kind",), "unknown kind 'knowledge_check' (did you mean 'knowledge-check'?)"
    )


def test_an_option_score_left_empty_counts_as_absent() -> None:
    data = definition(
        likert("q1"), choice("pick", "single", option("a", scores={"warmth": None}), option("b"))
    )
    assert validate(data) == []


def test_recommendations_may_carry_the_title_and_url_the_plugin_adds() -> None:
    data = definition(recommendations=[{"slug": "a", "when": "always", "title": "A", "url": "/a/"}])
    assert validate(data) == []


@pytest.mark.parametrize("junk", [None, 3, "id: x", [], {}, {"sections": [[]]}, {1: 2, None: []}])
def test_validate_reports_junk_instead_of_crashing(junk: object) -> None:
    assert validate(junk) != []


def test_results_show_levels_or_shares_and_nothing_else() -> None:
    assert validate(definition(display="shares")) == []
    assert validate(definition(display="share")) == [
        Problem(("display",), "unknown display 'share' (did you mean 'shares'?)")
    ]
