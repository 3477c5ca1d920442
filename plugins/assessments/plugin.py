"""Pelican glue: settings defaults and the generator."""

from __future__ import annotations

from typing import Any

from pelican import signals

from .embeds import find_embeds
from .generator import AssessmentGenerator
from .problems import report
from .settings import apply_defaults


def add_defaults(pelican: Any) -> None:
    apply_defaults(pelican.settings)


def add_generator(pelican: Any) -> type[AssessmentGenerator]:
    return AssessmentGenerator


def finalize(generators: list[Any]) -> None:
    """Before any page is written: compile and package the quizzes, then turn
    `[quiz: slug]` lines in guides and pages into embeds."""
    quiz_generator = next((g for g in generators if isinstance(g, AssessmentGenerator)), None)
    if quiz_generator is None:
        return
    quiz_generator.finalize()
    quizzes = quiz_generator.context["quizzes_by_slug"]
    problems = []
    for generator in generators:
        for item in getattr(generator, "articles", []) + getattr(generator, "pages", []):
            problems.extend(find_embeds(item, quizzes))
    report(problems)


def register() -> None:
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(finalize)
