"""Pelican glue: every generator's environment gets the on-disk template cache."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals

from .store import TemplateCache

log = logging.getLogger(__name__)

# Relative to the folder the build runs in, beside the assessments plugin's cache.
DEFAULT_DIRECTORY = ".cache/templates"


def attach(generator: Any) -> None:
    env = generator.env
    if env.bytecode_cache is not None:  # the site's JINJA_ENVIRONMENT chose one
        return
    directory = generator.settings.get("TEMPLATE_CACHE_DIR", DEFAULT_DIRECTORY)
    if not directory:  # turned off
        return
    try:
        Path(directory).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        log.info("template cache off: cannot create %s (%s)", directory, error)
        return
    env.bytecode_cache = TemplateCache(str(directory))


def register() -> None:
    signals.generator_init.connect(attach)
