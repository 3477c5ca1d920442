"""Pelican glue: settings defaults and the generator."""

from __future__ import annotations

from typing import Any

from pelican import signals

from .generator import AssessmentGenerator
from .settings import apply_defaults


def add_defaults(pelican: Any) -> None:
    apply_defaults(pelican.settings)


def add_generator(pelican: Any) -> type[AssessmentGenerator]:
    return AssessmentGenerator


def register() -> None:
    signals.initialized.connect(add_defaults)
    signals.get_generators.connect(add_generator)
