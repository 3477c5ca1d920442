"""The browser's files: the page script, the check that tells the reader when
it cannot load, the results renderer, the Trusted Types policy, the scoring
worker and the default stylesheet, copied as they are into
OUTPUT/ASSESSMENT_STATIC_DIR."""

from __future__ import annotations

import shutil
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
TEMPLATES = Path(__file__).resolve().parent / "templates"


def write_static_files(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for source in sorted(STATIC.iterdir()):
        if source.is_file():
            shutil.copyfile(source, target / source.name)
