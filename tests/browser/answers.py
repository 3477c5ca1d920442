"""A reader's answers, CPython's result for them, and the result a page shows,
compared: shared by the Chromium tests and the three-engine tests."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from tests.browser.engines import WAIT_S, Session
from tests.pyodide.engines import built_wheel, in_cpython, valid_answer


def reader_answers(questions: list[dict[str, Any]], seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    return {q["id"]: valid_answer(q, rng) for q in questions}


def page_answers(questions: list[dict[str, Any]], answers: dict[str, Any]) -> dict[str, Any]:
    """The answers as the page collects them: an untouched multiple is [] and
    an optional number left empty is absent."""
    collected = {}
    for q in questions:
        value = answers.get(q["id"])
        if q["type"] == "number" and value is None:
            continue
        collected[q["id"]] = value
    return collected


def score_in_cpython(output: Path, tmp_path: Path, assessment: str, answers: dict[str, Any]) -> Any:
    cases = tmp_path / f"case-{assessment}.json"
    cases.write_text(json.dumps([{"id": assessment, "answers": answers}]))
    (outcome,) = in_cpython(built_wheel(output), "run", cases)
    return outcome["result"]


def expected_result(
    output: Path, tmp_path: Path, catalog: dict[str, Any], assessment: str, seed: int
) -> tuple[list[dict[str, Any]], dict[str, Any], Any]:
    """A reader's answers to `assessment` (made from `seed`) and CPython's result
    for them as the page collects them: (questions, answers, result)."""
    questions = catalog[assessment]["questions"]
    answers = reader_answers(questions, seed=seed)
    collected = page_answers(questions, answers)
    return questions, answers, score_in_cpython(output, tmp_path, assessment, collected)


# What the results region of `form` shows, read in one go. FORM is replaced by
# a CSS selector for the form.
SHOWN = """
(() => {
  const form = document.querySelector(FORM);
  const region = form.parentElement.querySelector("[data-role=results]");
  const all = (selector) => [...region.querySelectorAll(selector)];
  return {
    hidden: region.hidden,
    display: form.dataset.display,
    dimensions: all(".dimension[data-dimension]").map((e) => ({
      id: e.dataset.dimension, score: e.dataset.score, text: e.innerText })),
    overview: all("[data-role=overview-table] tbody tr").map((row) =>
      [row.dataset.dimension, ...[...row.cells].map((cell) => cell.textContent)]),
    profiles: all("[data-profile]").map((e) => e.dataset.profile),
    feedback: all("[data-feedback]").length,
    correct: all("[data-correct]").map((e) => e.dataset.correct),
    links: all("[aria-labelledby$='results-next'] a").map((a) => a.innerText.trim()),
    text: region.innerText,
    focused: document.activeElement && document.activeElement.id,
    region: region.id,
  };
})()
"""


def shown_result_script(form: str) -> str:
    return SHOWN.replace("FORM", json.dumps(form))


def mismatches(shown: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Where the page's result differs from the engine's (none: they agree)."""
    found = []
    if shown["hidden"]:
        found.append("the results are hidden")
    by_id = {d["id"]: d for d in shown["dimensions"]}
    for dimension in expected["dimensions"]:
        seen = by_id.get(dimension["id"])
        score = str(dimension["score"]).replace("None", "null")
        if seen is None or seen["score"] != score:
            found.append(f"dimension {dimension['id']}: {seen} instead of score {score}")
        elif dimension["score"] is not None:
            amount = (
                f"about {dimension['score']}% of your answers"
                if shown["display"] == "shares"
                else f"{dimension['score']} of 100"
            )
            summary = f"{dimension['band']['label']}, {amount}"
            if summary not in seen["text"]:
                found.append(f"dimension {dimension['id']}: {summary!r} not in {seen['text']!r}")
    if shown["profiles"] != [p["id"] for p in expected.get("profile") or []]:
        found.append(f"profiles {shown['profiles']} instead of {expected.get('profile')}")
    if shown["feedback"] != len(expected["feedback"]):
        found.append(f"{shown['feedback']} feedback blocks instead of {len(expected['feedback'])}")
    # One next step and at most two more, in the author's order.
    wanted_links = [r["title"] for r in expected["recommendations"]][:3]
    if shown["links"] != wanted_links:
        found.append(f"links {shown['links']} instead of {wanted_links}")
    # The overview chart's table twin holds the engine's numbers.
    scored = [d for d in expected["dimensions"] if d["score"] is not None]
    twin = (
        [[d["id"], d["title"], str(d["score"]), d["band"]["label"]] for d in scored]
        if len(scored) >= 2 and not expected.get("quiz")
        else []
    )
    if shown["overview"] != twin:
        found.append(f"overview table {shown['overview']} instead of {twin}")
    if expected.get("quiz"):
        quiz = expected["quiz"]
        marks = ["true" if q["correct"] else "false" for q in quiz["questions"]]
        if shown["correct"] != marks:
            found.append(f"marks {shown['correct']} instead of {marks}")
        if f"You got {quiz['correct']} of {quiz['total']} right" not in shown["text"]:
            found.append(f"no 'You got {quiz['correct']} of {quiz['total']} right'")
    texts = [expected["extra"]["reading"]] if "reading" in expected.get("extra", {}) else []
    for text in texts + expected.get("notes", []):
        if text not in shown["text"]:
            found.append(f"{text!r} not shown")
    if shown["focused"] != f"{shown['region']}-title":
        found.append(f"focus on {shown['focused']!r}, not the results' title")
    return found


def take(
    session: Session,
    form: str,
    questions: list[dict[str, Any]],
    answers: dict[str, Any],
    timeout_s: float = WAIT_S,
) -> dict[str, Any]:
    """Answer through the form's labels and inputs, as a person does, submit,
    and read the result shown. `form` is a CSS selector for the form."""
    inputs = session.evaluate(
        INPUTS.replace("FORM", json.dumps(form)).replace("QUESTIONS", json.dumps(questions))
    )
    for question in questions:
        qid, value = question["id"], answers.get(question["id"])
        if qid not in answers:
            continue
        if question["type"] == "number":
            session.fill(f"#{inputs[qid]['number']}", "" if value is None else str(value))
            continue
        chosen = value if question["type"] == "multiple" else [value]
        for choice in chosen or []:
            if choice is None and not question["optional"]:
                continue
            key = "" if choice is None else str(choice)
            session.click(f"label[for='{inputs[qid]['choices'][key]}']")
    session.click(f"{form} [type=submit]")
    region = session.evaluate(
        f"document.querySelector({json.dumps(form)}).parentElement"
        ".querySelector('[data-role=results]').id"
    )
    # The result, or the alert saying why there is none (then the result reads as hidden).
    session.wait_for(f"#{region}:not([hidden]), {form} [data-role=alert]:not([hidden])", timeout_s)
    return dict(session.evaluate(shown_result_script(form)))


# Each question's input ids: a number's input, a choice's input by value
# ("" for "Prefer not to say").
INPUTS = """
(() => {
  const form = document.querySelector(FORM);
  const found = {};
  for (const question of QUESTIONS) {
    const box = form.querySelector(`[data-question="${CSS.escape(question.id)}"]`);
    const inputs = [...box.querySelectorAll("input")];
    found[question.id] = {
      number: question.type === "number" ? inputs[0].id : null,
      choices: Object.fromEntries(inputs.map((input) => [input.value, input.id])),
    };
  }
  return found;
})()
"""
