"""Pelican glue: module-level receivers, connected by `register()`."""

from __future__ import annotations

from typing import Any

from jinja2 import FileSystemLoader
from pelican import signals

from .embeds import attach_embeds, find_embeds
from .engine.questions import TYPES
from .generator import AssessmentGenerator
from .page_policy import add_policy
from .problems import log, report
from .quiz_links import links_to_knowledge_checks
from .settings import SettingsError, apply_defaults
from .static import TEMPLATES


def add_defaults(pelican: Any) -> None:
    try:
        apply_defaults(pelican.settings)
    except SettingsError as error:
        # A sentence, not a traceback: the site's settings are the site owner's to fix.
        log.critical("%s", error)
        raise SystemExit(1) from None


def add_generator(pelican: Any) -> type[AssessmentGenerator]:
    return AssessmentGenerator


def add_templates(generator: Any) -> None:
    """The plugin's templates come after the theme's (so a theme's own file of
    the same name wins) and before Pelican's simple theme."""
    loader = generator.env.loader
    loader.loaders.insert(1, FileSystemLoader(str(TEMPLATES)))
    generator.env.globals["assessment_question_type"] = TYPES.__getitem__


def finalize(generators: list[Any]) -> None:
    """Before any page is written: compile and package the quizzes, then turn
    `[quiz: slug]` lines in guides and pages into embeds."""
    quiz_generator = next((g for g in generators if isinstance(g, AssessmentGenerator)), None)
    if quiz_generator is None:
        return
    quiz_generator.finalize()
    context = quiz_generator.context
    quizzes = context["quizzes_by_slug"]
    problems = []
    for generator in generators:
        for item in getattr(generator, "articles", []) + getattr(generator, "pages", []):
            problems.extend(find_embeds(item, quizzes))
            problems.extend(links_to_knowledge_checks(item, quiz_generator.knowledge_check_files))
            attach_embeds(item, generator.env, context)
    report(problems)


def secure_page(path: str, context: Any = None) -> None:
    """Each written page is given the settings as its context."""
    policy = (context or {}).get("ASSESSMENT_CSP")
    if policy:
        add_policy(path, policy)


def register() -> None:
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_templates)
    signals.all_generators_finalized.connect(finalize)
    signals.content_written.connect(secure_page)
