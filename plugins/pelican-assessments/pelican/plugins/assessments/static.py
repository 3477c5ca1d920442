"""The browser's files: the page script, the check that tells the reader when
it cannot load, the results renderer, the Trusted Types policy, the scoring
worker and the default stylesheet, copied as they are into
OUTPUT/ASSESSMENT_STATIC_DIR."""

from __future__ import annotations

import shutil
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
TEMPLATES = Path(__file__).resolve().parent / "templates"


def static_names() -> list[str]:
    """The names of the browser's files, as written into the target folder."""
    return sorted(source.name for source in STATIC.iterdir() if source.is_file())


def write_static_files(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in static_names():
        shutil.copyfile(STATIC / name, target / name)
