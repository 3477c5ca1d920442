"""`number`: a whole number from `min` to `max`, for counts; adds to no
dimension of its own (an author's scoring module may use it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from .base import Answer, Points, QuestionType, Refuse

if TYPE_CHECKING:
    from ..model import Question


class Number(QuestionType):
    name = "number"
    required: ClassVar[tuple[str, ...]] = ("min", "max")
    optional: ClassVar[tuple[str, ...]] = ("unit",)
    template = "questions/number.html"
    reads = "whole-number"

    def accept(self, question: Question, value: object, refuse: Refuse) -> Answer:
        whole = isinstance(value, int) and not isinstance(value, bool)
        if whole and question.min <= value <= question.max:  # type: ignore[operator]
            return value  # type: ignore[return-value]
        raise refuse(f"a whole number from {question.min} to {question.max}")

    def feeds(self, question: Question, dimension: str) -> bool:
        return False

    def points(self, question: Question, value: Answer, dimension: str) -> Points:
        return 0, 0, 0  # never asked: a number feeds no dimension

    def describe(self, question: Question) -> dict[str, Any]:
        return {"min": question.min, "max": question.max}

    def check(
        self, checker: Any, fields: dict[str, Any], path: tuple[str | int, ...], ident: str | None
    ) -> None:
        low = checker.integer(fields, "min", path)
        high = checker.integer(fields, "max", path)
        checker.text(fields, "unit", path)
        if low is not None and high is not None:
            if high <= low:
                checker.report((*path, "max"), f"'max' must be greater than 'min' ({low})")
            elif ident:
                checker.accepted[ident] = (
                    range(low, high + 1),
                    f"is outside the range {low}-{high} of '{ident}'",
                )
