"""Every question type, by name: the one list the engine, the validation,
the templates and the page script consult. A new type is a module here (a
`QuestionType`), one entry below, its form template and its tests."""

from __future__ import annotations

from .base import Answer, QuestionType
from .likert import Likert
from .number import Number
from .options import Multiple, Single
from .scale import Scale

TYPES: dict[str, QuestionType] = {
    kind.name: kind for kind in (Likert(), Scale(), Single(), Multiple(), Number())
}

__all__ = ["TYPES", "Answer", "QuestionType"]
