"""`single` (one option) and `multiple` (any number of options): options with
a value and a label, optional feedback and scores per dimension, and in a
knowledge check the right ones marked `correct`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from .base import Answer, Points, QuestionType, Refuse

if TYPE_CHECKING:
    from ..model import Question

ONLY_QUIZ = "'correct' applies only to a knowledge check (kind: knowledge-check)"


class Options(QuestionType):
    required: ClassVar[tuple[str, ...]] = ("options",)
    in_knowledge_check = True
    template = "questions/options.html"

    def feedback(self, question: Question, value: Answer) -> list[tuple[Any, str]]:
        # declared order, whatever the order of the answer
        return [
            (option.value, option.feedback)
            for option in question.options
            if self.chose(option.value, value) and option.feedback
        ]

    def describe(self, question: Question) -> dict[str, Any]:
        return {"values": [option.value for option in question.options]}

    def scores(self, question: Question, dimension: str) -> list[Any]:
        return [option.scores.get(dimension, 0) for option in question.options]

    def chosen_score(self, question: Question, value: Answer, dimension: str) -> Any:
        return sum(
            option.scores.get(dimension, 0)
            for option in question.options
            if self.chose(option.value, value)
        )

    def check(
        self, checker: Any, fields: dict[str, Any], path: tuple[str | int, ...], ident: str | None
    ) -> None:
        values: list[str] = []
        right: list[str] = []  # the options marked correct, by value or number
        marked = True  # every option says true, false or nothing: only then count them
        options = checker.items(fields, "options", path, least=2)
        for index, option in options:
            where = (*path, "options", index)
            option_fields = checker.mapping(
                option, where, "an option", ("value", "label"), ("feedback", "scores", "correct")
            )
            if option_fields is None:
                marked = False
                continue
            value = checker.name(option_fields, "value", where)
            if value in values:
                checker.report((*where, "value"), f"duplicate option value '{value}'")
            elif value is not None:
                values.append(value)
            checker.text(option_fields, "label", where)
            checker.text(option_fields, "feedback", where)
            correct = option_fields.get("correct")
            if checker.quiz is False and correct is not None:
                checker.report((*where, "correct"), ONLY_QUIZ)
            else:
                checker.flag(option_fields, "correct", where)
            if checker.quiz:
                if "feedback" not in option_fields:
                    checker.report(where, "an option in a knowledge check needs 'feedback'")
                if correct is True and self.name == "single" and right:
                    checker.report(
                        (*where, "correct"),
                        f"only one option of a single question can be correct, "
                        f"and {right[0]} already is",
                    )
                if correct is True:
                    right.append(f"'{value}'" if value else f"option {index + 1}")
                marked = marked and (correct is None or isinstance(correct, bool))
            scores = option_fields.get("scores", {})
            if not isinstance(scores, dict):
                checker.report(
                    (*where, "scores"),
                    f"'scores' must map dimension ids to numbers, not {checker.describe(scores)}",
                )
                continue
            for dimension in [d for d, points in scores.items() if points is not None]:
                label = f"score for {checker.show(dimension)}"
                checker.number(scores, dimension, (*where, "scores"), label=label)
                if dimension in checker.dimensions:
                    checker.fed.add(dimension)
                else:
                    checker.report(
                        (*where, "scores", checker.step(dimension)),
                        checker.unknown("dimension", dimension, list(checker.dimensions)),
                    )
        if checker.quiz and options and marked and not right:
            wanted = "one option" if self.name == "single" else "at least one option"
            checker.report((*path, "options"), f"'options' needs {wanted} with 'correct: true'")
        if ident:
            checker.accepted[ident] = (
                values,
                f"is not an option of '{ident}'; options: {', '.join(values)}",
            )


class Single(Options):
    name = "single"
    reads = "choice"

    def accept(self, question: Question, value: object, refuse: Refuse) -> Answer:
        if isinstance(value, str) and value in [option.value for option in question.options]:
            return value
        raise refuse("one of the choices offered")

    def chose(self, option: str, value: Answer) -> bool:
        return option == value

    def points(self, question: Question, value: Answer, dimension: str) -> Points:
        every = self.scores(question, dimension)
        return self.chosen_score(question, value, dimension), min(every), max(every)


class Multiple(Options):
    name = "multiple"
    reads = "choices"
    ask_when_empty = False

    def accept(self, question: Question, value: object, refuse: Refuse) -> Answer:
        if not isinstance(value, list) or any(not isinstance(v, str) for v in value):
            raise refuse("a list of choices")
        offered = [option.value for option in question.options]
        if any(v not in offered for v in value):
            raise refuse("only the choices offered")
        if len(set(value)) != len(value):
            raise refuse("each choice at most once")
        return list(value)

    def chose(self, option: str, value: Answer) -> bool:
        return isinstance(value, list) and option in value

    def points(self, question: Question, value: Answer, dimension: str) -> Points:
        every = self.scores(question, dimension)
        return (
            self.chosen_score(question, value, dimension),
            sum(s for s in every if s < 0),
            sum(s for s in every if s > 0),
        )
