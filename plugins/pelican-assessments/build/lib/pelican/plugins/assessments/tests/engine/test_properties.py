"""Properties that hold for any valid definition and any answers, valid or junk."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.plugins.assessments.engine import AnswerError, Engine
from pelican.plugins.assessments.engine.validation import Problem, validate

from .conftest import bands, definition, profile

# Anything JSON or YAML could give: what a tampered page might send, or an author might write.
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=8),
    st.sampled_from(["q0", "q1", "a", "b", "always", "likert", "warmth", "low", "id", "sections"]),
)
JUNK = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.text(max_size=8), st.integers(), st.none()), children, max_size=4
        ),
    ),
    max_leaves=20,
)
DIMENSIONS = ["warmth", "calm", "trust"]
WEIGHTS = st.one_of(st.integers(1, 5), st.floats(0.1, 5))
POINTS = st.one_of(st.integers(-5, 5), st.floats(-5, 5))


@st.composite
def definitions(draw: st.DrawFn, quiz: bool | None = None) -> dict[str, Any]:
    """A valid definition with every feature in random measure: a knowledge check when
    `quiz`, else an assessment, either when None."""
    quiz = draw(st.booleans()) if quiz is None else quiz
    dims = draw(st.lists(st.sampled_from(DIMENSIONS), max_size=3, unique=True))
    sizes = draw(st.lists(st.integers(2, 11), min_size=1, max_size=2))
    scales = {f"s{i}": {"labels": [f"L{n}" for n in range(size)]} for i, size in enumerate(sizes)}
    questions: list[dict[str, Any]] = []
    values: dict[str, list[Any]] = {}  # question id -> values a condition may name
    for i in range(draw(st.integers(1, 6))):
        kinds = ["single", "multiple"]
        if not quiz:
            kinds += ["number"] + ["likert"] * bool(dims)
        kind = draw(st.sampled_from(kinds))
        ident = f"q{i}"
        question = {
            "id": ident,
            "type": kind,
            "text": f"Question {i}?",
            "optional": draw(st.booleans()),
        }
        if kind == "likert":
            scale = draw(st.integers(0, len(sizes) - 1))
            question |= {
                "scale": f"s{scale}",
                "dimension": draw(st.sampled_from(dims)),
                "weight": draw(WEIGHTS),
                "reverse": draw(st.booleans()),
                "feedback": {v: f"F{v}" for v in draw(st.sets(st.integers(1, sizes[scale])))},
            }
            values[ident] = list(range(1, sizes[scale] + 1))
        elif kind == "number":
            low = draw(st.integers(-10, 10))
            question |= {"min": low, "max": draw(st.integers(low + 1, low + 30))}
            values[ident] = [low]
        else:
            options = []
            offered = draw(st.lists(st.sampled_from("abcde"), min_size=2, max_size=4, unique=True))
            right: list[str] = []  # a knowledge check's correct options
            if quiz and kind == "single":
                right = [draw(st.sampled_from(offered))]
            elif quiz:
                right = draw(st.lists(st.sampled_from(offered), min_size=1, unique=True))
            for value in offered:
                item: dict[str, Any] = {"value": value, "label": value.upper()}
                if quiz and (value in right or draw(st.booleans())):
                    item["correct"] = value in right
                scored = draw(st.booleans())
                if dims and scored:
                    item["scores"] = draw(
                        st.dictionaries(st.sampled_from(dims), POINTS, max_size=2)
                    )
                if quiz or draw(st.booleans()):
                    item["feedback"] = f"About {value}"
                options.append(item)
            question["options"] = options
            values[ident] = [o["value"] for o in options]
        questions.append(question)
    fed = {q.get("dimension") for q in questions}
    fed |= {d for q in questions for o in q.get("options", []) for d in o.get("scores", {})}
    for dim in dims:
        if dim not in fed and quiz:  # a dimension nothing feeds is an author's mistake: feed it
            scored = {"value": "a", "label": "A", "feedback": "Yes", "correct": True}
            questions.append(
                {
                    "id": f"x{dim}",
                    "type": "single",
                    "text": "More?",
                    "options": [
                        scored | {"scores": {dim: 1}},
                        {"value": "b", "label": "B", "feedback": "No"},
                    ],
                }
            )
        elif dim not in fed:
            questions.append(
                {
                    "id": f"x{dim}",
                    "type": "likert",
                    "text": "More?",
                    "scale": "s0",
                    "dimension": dim,
                }
            )
    dimensions: list[dict[str, Any]] = []
    for dim in dims:
        cuts = sorted(draw(st.sets(st.integers(1, 100), max_size=3)))
        edges = [0, *cuts, 101]
        spans = [(f"b{i}", edges[i], edges[i + 1] - 1) for i in range(len(edges) - 1)]
        dimensions.append({"id": dim, "title": dim.title(), "bands": bands(*spans)})
    profiled = draw(st.permutations(dims))[: draw(st.integers(0, len(dims)))]
    profiles = [profile(f"p-{dim}", dim) for dim in profiled]
    conditions: list[Any] = ["always"]
    conditions += [{"profile": p["id"]} for p in profiles]
    conditions += [{"dimension": d["id"], "bands": [d["bands"][0]["id"]]} for d in dimensions]
    conditions += [{"question": q, "values": v[:2]} for q, v in values.items()]
    whens = draw(st.lists(st.sampled_from(conditions), max_size=5))
    split = draw(st.integers(1, len(questions)))
    sections = [{"title": "First", "questions": questions[:split]}]
    if questions[split:]:
        sections.append({"title": "Second", "questions": questions[split:]})
    kind = draw(st.sampled_from(["assessment", None])) if not quiz else "knowledge-check"
    return definition(
        **({"kind": kind} if kind else {}),
        scales=scales,
        dimensions=dimensions,
        sections=sections,
        profiles=profiles,
        profile_rule={"blend_within": draw(st.one_of(st.integers(0, 30), st.floats(0, 30)))},
        recommendations=[{"slug": f"r{i % 3}", "when": when} for i, when in enumerate(whens)],
    )


@st.composite
def answers_for(draw: st.DrawFn, engine: Engine) -> dict[str, Any]:
    """Valid answers to the catalog's questions, optional ones sometimes skipped."""
    answers: dict[str, Any] = {}
    for question in engine.catalog()["check"]["questions"]:
        if question["optional"] and draw(st.booleans()):
            if draw(st.booleans()):
                answers[question["id"]] = None
            continue
        if question["type"] == "number":
            answers[question["id"]] = draw(st.integers(question["min"], question["max"]))
        elif question["type"] == "multiple":
            answers[question["id"]] = draw(
                st.lists(st.sampled_from(question["values"]), unique=True)
            )
        else:
            answers[question["id"]] = draw(st.sampled_from(question["values"]))
    return answers


@st.composite
def any_answers(draw: st.DrawFn, engine: Engine) -> object:
    """Valid answers, valid answers with one value spoilt, or junk."""
    answers = draw(answers_for(engine))
    choice = draw(st.integers(0, 3))
    if choice == 1 and answers:
        answers[draw(st.sampled_from(sorted(answers)))] = draw(JUNK)
    elif choice == 2:
        answers[draw(st.text(max_size=4))] = draw(JUNK)
    elif choice == 3:
        return draw(JUNK)
    return answers


def check_result(result: dict[str, Any]) -> None:
    scores = [d["score"] for d in result["dimensions"]] + [p["score"] for p in result["profile"]]
    assert all(s is None or (type(s) is int and 0 <= s <= 100) for s in scores)
    for dim in result["dimensions"]:
        if all(type(dim[key]) is int for key in ("raw", "min", "max")):
            assert dim["min"] <= dim["raw"] <= dim["max"]
        assert (dim["score"] is None) == (dim["band"] is None) == (dim["min"] == dim["max"])
    quiz = result["quiz"]
    if quiz is not None:
        assert quiz["total"] == len(quiz["questions"])
        assert quiz["correct"] == sum(mark["correct"] for mark in quiz["questions"])
    text = json.dumps(result, allow_nan=False)
    assert json.loads(text) == result


@settings(max_examples=300, deadline=None)
@given(definitions())
def test_generated_definitions_are_valid(data: dict[str, Any]) -> None:
    assert validate(data) == []


@settings(max_examples=300, deadline=None)
@given(st.data(), definitions())
def test_valid_answers_always_give_a_json_clean_result_with_scores_from_0_to_100(
    draw: st.DataObject, data: dict[str, Any]
) -> None:
    engine = Engine({"check": data})
    result = engine.score("check", draw.draw(answers_for(engine)))
    check_result(result)
    assert (result["quiz"] is None) == (data.get("kind") != "knowledge-check")


@settings(max_examples=300, deadline=None)
@given(st.data(), definitions())
def test_any_answers_give_a_result_or_an_answer_error_and_nothing_else(
    draw: st.DataObject, data: dict[str, Any]
) -> None:
    engine = Engine({"check": data})
    answers = draw.draw(any_answers(engine))
    try:
        result = engine.score("check", answers)
    except AnswerError as error:
        message = str(error)
        assert message.endswith(".") and "Traceback" not in message
        return
    check_result(result)


@settings(max_examples=300, deadline=None)
@given(st.data(), definitions(quiz=True))
def test_a_knowledge_check_marks_a_question_correct_exactly_when_the_correct_set_was_chosen(
    draw: st.DataObject, data: dict[str, Any]
) -> None:
    engine = Engine({"check": data})
    answers = draw.draw(answers_for(engine))
    questions = [q for section in data["sections"] for q in section["questions"]]
    for question in questions:  # the right answer, sometimes: random choices seldom are
        right = [o["value"] for o in question["options"] if o.get("correct")]
        if question["id"] in answers and draw.draw(st.booleans()):
            answers[question["id"]] = right if question["type"] == "multiple" else right[0]
    quiz = engine.score("check", answers)["quiz"]
    assert [mark["question"] for mark in quiz["questions"]] == [q["id"] for q in questions]
    for question, mark in zip(questions, quiz["questions"], strict=True):
        answer = answers.get(question["id"])
        chosen = set(answer if isinstance(answer, list) else [] if answer is None else [answer])
        right = {o["value"] for o in question["options"] if o.get("correct")}
        assert mark["correct"] == (chosen == right)
        order = [o["value"] for o in question["options"]]
        assert mark["chosen"] == [value for value in order if value in chosen]
        assert mark["answer"] == [value for value in order if value in right]
    assert quiz["total"] == len(questions)


@settings(max_examples=200, deadline=None)
@given(st.data(), definitions())
def test_scoring_is_deterministic_byte_for_byte(draw: st.DataObject, data: dict[str, Any]) -> None:
    answers = draw.draw(answers_for(Engine({"check": data})))
    first = json.dumps(Engine({"check": data}).score("check", answers), sort_keys=True)
    again = json.dumps(
        Engine({"check": data}).score("check", json.loads(json.dumps(answers))), sort_keys=True
    )
    assert first == again


@settings(max_examples=500, deadline=None)
@given(JUNK)
def test_validate_never_crashes_on_junk(junk: object) -> None:
    problems = validate(junk)
    assert all(isinstance(p, Problem) and p.message for p in problems)
    assert all(isinstance(step, str | int) for p in problems for step in p.path)


def paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every node under `node`."""
    found = [path]
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else []
    )
    for key, child in children:
        found += paths(child, (*path, key))
    return found


@settings(max_examples=500, deadline=None)
@given(st.data(), definitions(), JUNK)
def test_validate_never_crashes_on_a_definition_with_junk_anywhere(
    draw: st.DataObject, data: dict[str, Any], junk: object
) -> None:
    path = draw.draw(st.sampled_from(paths(data)[1:]))
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = junk
    problems = validate(data)
    assert all(isinstance(step, str | int) for p in problems for step in p.path)
    if not problems:  # junk that happens to be valid must then score safely too
        engine = Engine({"check": data})
        with contextlib.suppress(AnswerError):
            check_result(engine.score("check", draw.draw(any_answers(engine))))
