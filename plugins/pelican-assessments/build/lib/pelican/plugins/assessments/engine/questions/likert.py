"""`likert`: agreement on a named scale of labelled points, valued 1..n."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .rating import Rating

if TYPE_CHECKING:
    from ..model import Question


class Likert(Rating):
    name = "likert"
    required = ("scale", "dimension")
    template = "questions/likert.html"

    def values(self, question: Question) -> range:
        return range(1, len(question.scale.labels) + 1 if question.scale else 1)

    def check(
        self, checker: Any, fields: dict[str, Any], path: tuple[str | int, ...], ident: str | None
    ) -> None:
        scale = checker.text(fields, "scale", path)
        points = 0
        if scale is not None:
            if scale in checker.scales:
                points = checker.scales[scale]
            else:
                checker.report(
                    (*path, "scale"), checker.unknown("scale", scale, list(checker.scales))
                )
        where = f" the scale 1-{points} of '{scale}'" if points else " the scale"
        values = range(1, points + 1) if points else None
        self.check_rating(checker, fields, path, ident, values, where)
