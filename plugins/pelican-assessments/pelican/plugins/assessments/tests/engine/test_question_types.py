"""Every registered question type is whole: its rules, its template, its
place in the page script's ways of reading an answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican.plugins.assessments.engine.questions import TYPES, QuestionType

TEMPLATES = Path(__file__).parents[2] / "templates"
READERS = ("choice", "choices", "whole-number")  # what static/assessment.js knows


@pytest.mark.parametrize("kind", TYPES.values(), ids=list(TYPES))
def test_a_type_defines_its_own_rules(kind: QuestionType) -> None:
    for method in ("accept", "points", "describe"):
        assert getattr(type(kind), method) is not getattr(QuestionType, method), method


@pytest.mark.parametrize("kind", TYPES.values(), ids=list(TYPES))
def test_a_type_has_its_template_and_a_way_the_page_reads_it(kind: QuestionType) -> None:
    template = (TEMPLATES / kind.template).read_text(encoding="utf-8")
    assert 'data-reads="{{ kind.reads }}"' in template
    assert 'data-question="{{ question.id }}"' in template
    assert kind.reads in READERS


def test_the_page_script_knows_each_way_of_reading_and_no_type_name() -> None:
    script = (TEMPLATES.parent / "static" / "assessment.js").read_text(encoding="utf-8")
    for reads in READERS:
        assert f'"{reads}"' in script or reads == "choice"
    for name in TYPES:
        assert f'"{name}"' not in script and f"question--{name}" not in script, name


def test_a_type_that_forgets_a_rule_fails_loudly() -> None:
    class Half(QuestionType):
        name = "half"

    with pytest.raises(NotImplementedError):
        Half().points(None, 1, "x")  # type: ignore[arg-type]
