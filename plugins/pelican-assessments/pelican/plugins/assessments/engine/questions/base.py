"""What every question type provides: one class per type owns its schema and
checks, the answers it accepts, how it adds to scores and feedback, its form
template and how the page reads its answer. Nothing else in the plugin
switches on a type's name; everything asks the type (see `TYPES`).

A type must define `accept`, `points` and `describe` (the base raises
NotImplementedError: a forgotten rule is an error, never a wrong score).
`check` runs at build time only. It is given the validation's checker (see
`validation._Checker`: `text`, `integer`, `number`, `flag`, `report`, the
dimensions and scales found so far, and helpers for messages), so no type
imports build code, and the browser loads none of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from ..model import Number, Question

Answer = int | str | list[str] | None
Refuse = Callable[[str], Exception]  # refuse("an answer") -> the AnswerError to raise
Points = tuple["Number", "Number", "Number"]  # (raw, least possible, greatest possible)


class QuestionType:
    name: ClassVar[str]
    # The keys a question of this type needs and may have, beyond those every
    # question has (id, type, text, help, optional).
    required: ClassVar[tuple[str, ...]] = ()
    optional: ClassVar[tuple[str, ...]] = ()
    # May a knowledge check ask it? (Its right answers are options marked correct.)
    in_knowledge_check: ClassVar[bool] = False
    # The form template, under the plugin's templates/ (a theme may override it).
    template: ClassVar[str]
    # How the page reads the answer from the form: "choice" (one checked input,
    # its value), "choices" (every checked input's value, a list) or
    # "whole-number" (a text field holding a whole number).
    reads: ClassVar[str]
    # "choice" only: the checked input's value is a number.
    numeric: ClassVar[bool] = False
    # Whether a reader who gives no answer must be asked for one: an empty
    # list of choices is an answer of its own.
    ask_when_empty: ClassVar[bool] = True

    def check(
        self, checker: Any, fields: dict[str, Any], path: tuple[str | int, ...], ident: str | None
    ) -> None:
        """Report every problem of this type's own keys (build time only)."""

    def accept(self, question: Question, value: object, refuse: Refuse) -> Answer:
        """The answer as scored, or raise `refuse(what the question needs)`."""
        raise NotImplementedError

    def feeds(self, question: Question, dimension: str) -> bool:
        """Whether answering can add to `dimension`."""
        return any(dimension in option.scores for option in question.options)

    def points(self, question: Question, value: Answer, dimension: str) -> Points:
        """What an answered question adds to a dimension it feeds."""
        raise NotImplementedError

    def feedback(self, question: Question, value: Answer) -> list[tuple[Any, str]]:
        """(value, text) for each piece of feedback the answer earns, in declared order."""
        return []

    def describe(self, question: Question) -> dict[str, Any]:
        """What the catalog says of the answers: "values", or "min" and "max"."""
        raise NotImplementedError

    def chose(self, option: str, value: Answer) -> bool:
        """Whether the answer chose an option."""
        return False
