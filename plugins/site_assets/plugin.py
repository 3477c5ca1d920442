"""Pelican glue: one receiver, so fingerprinting always runs before the
service worker lists the fingerprinted files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals

from .fingerprint import fingerprint
from .service_worker import write_service_worker


def finish_output(pelican: Any) -> None:
    output = Path(pelican.output_path)
    renamed = fingerprint(output, pelican.settings.get("THEME_STATIC_DIR", "theme"))
    write_service_worker(output, pelican.settings, renamed)


def register() -> None:
    signals.finalized.connect(finish_output)
