"""A point on a scale that adds to one dimension: the shared part of `likert`
(a named scale of labelled points, valued 1..n) and `scale` (0-10)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from .base import Answer, Points, QuestionType, Refuse

if TYPE_CHECKING:
    from ..model import Question


class Rating(QuestionType):
    optional: ClassVar[tuple[str, ...]] = ("weight", "reverse", "feedback")
    reads = "choice"
    numeric = True

    def values(self, question: Question) -> range:
        raise NotImplementedError

    def accept(self, question: Question, value: object, refuse: Refuse) -> Answer:
        values = self.values(question)
        if isinstance(value, int) and not isinstance(value, bool) and value in values:
            return value
        raise refuse(self.needs(values))

    def needs(self, values: range) -> str:
        return f"one of the {len(values)} choices on its scale"

    def feeds(self, question: Question, dimension: str) -> bool:
        return question.dimension == dimension

    def points(self, question: Question, value: Answer, dimension: str) -> Points:
        assert isinstance(value, int)
        values = self.values(question)
        low, high = values[0], values[-1]
        counted = low + high - value if question.reverse else value
        return question.weight * counted, question.weight * low, question.weight * high

    def feedback(self, question: Question, value: Answer) -> list[tuple[Any, str]]:
        if isinstance(value, int) and value in question.feedback:
            return [(value, question.feedback[value])]
        return []

    def describe(self, question: Question) -> dict[str, Any]:
        return {"values": list(self.values(question))}

    def check_rating(
        self,
        checker: Any,
        fields: dict[str, Any],
        path: tuple[str | int, ...],
        ident: str | None,
        values: range | None,
        where: str,
    ) -> None:
        """The keys both kinds share: dimension, weight, reverse and feedback
        by value. `values` is None when the scale itself is wrong; `where`
        names the scale in messages, such as " the scale 1-5 of 'agreement'"."""
        dimension = checker.text(fields, "dimension", path)
        if dimension is not None:
            checker.fed.add(dimension)
            if dimension not in checker.dimensions:
                checker.report(
                    (*path, "dimension"),
                    checker.unknown("dimension", dimension, list(checker.dimensions)),
                )
        checker.number(fields, "weight", path, low=0, above=True)
        checker.flag(fields, "reverse", path)
        feedback = fields.get("feedback", {})
        if not isinstance(feedback, dict):
            checker.report(
                (*path, "feedback"),
                f"'feedback' must map scale values to text, not {checker.describe(feedback)}",
            )
            return
        for value, text in feedback.items():
            at = (*path, "feedback", checker.step(value))
            whole = isinstance(value, int) and not isinstance(value, bool)
            if not whole or (values is not None and value not in values):
                checker.report(at, f"feedback value {checker.show(value)} is outside{where}")
            if not isinstance(text, str) or not text.strip():
                checker.report(
                    at, f"feedback for {checker.show(value)} must be text, not {checker.got(text)}"
                )
        if values is not None and ident:
            checker.accepted[ident] = (values, f"is outside{where}")
