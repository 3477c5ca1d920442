"""Acting as a reader on an assessment page: answering as a person would."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

RESULTS = "#results:not([hidden])"


def answer_question(page: Page, question: dict[str, Any], value: Any, prefix: str = "q-") -> None:
    """Answer one question through its visible labels, like a tap or a click.
    `prefix` is the form's question-id prefix (an embedded quiz's is its own)."""
    qid = question["id"]
    if question["type"] == "number":
        page.fill(f"#{prefix}{qid}-input", "" if value is None else str(value))
    elif question["type"] == "multiple":
        for chosen in value or []:
            page.click(f"label[for='{prefix}{qid}-{chosen}']")
    elif value is None:
        if question["optional"]:
            page.click(f"label[for='{prefix}{qid}-skip']")
    else:
        page.click(f"label[for='{prefix}{qid}-{value}']")


def answer_all(
    page: Page, questions: list[dict[str, Any]], answers: dict[str, Any], prefix: str = "q-"
) -> None:
    for question in questions:
        if question["id"] in answers:
            answer_question(page, question, answers[question["id"]], prefix)


def see_results(page: Page, timeout_ms: int = 60_000) -> None:
    page.get_by_role("button", name="See my results").click()
    page.wait_for_selector(RESULTS, timeout=timeout_ms)
