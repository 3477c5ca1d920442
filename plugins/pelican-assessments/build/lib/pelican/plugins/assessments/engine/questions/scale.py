"""`scale`: a rating from 0 to 10, shown as one row of eleven points, its two
ends labelled (`low`, `high`). Scored like Likert: the value counts, or
10 - value when reverse keyed, times the weight."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from .rating import Rating

if TYPE_CHECKING:
    from ..model import Question

POINTS = range(0, 11)


class Scale(Rating):
    name = "scale"
    required = ("dimension",)
    optional: ClassVar[tuple[str, ...]] = ("low", "high", *Rating.optional)
    template = "questions/scale.html"

    def values(self, question: Question) -> range:
        return POINTS

    def needs(self, values: range) -> str:
        return f"a whole number from {values[0]} to {values[-1]}"

    def check(
        self, checker: Any, fields: dict[str, Any], path: tuple[str | int, ...], ident: str | None
    ) -> None:
        checker.text(fields, "low", path)
        checker.text(fields, "high", path)
        self.check_rating(checker, fields, path, ident, POINTS, " the scale 0-10")
