"""Pages of assessments that an earlier build wrote and this one does not.

Pelican keeps whatever the output folder already holds. A deleted (or now
refused) assessment would keep its page, pointing at a package that no
longer has it, and a service worker would precache it. So each build
removes the assessment pages it did not write: files at ASSESSMENT_SAVE_AS
for another slug that hold that slug's form, and nothing else."""

from __future__ import annotations

import glob
import logging
import re
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger("assessments")


def remove_stale_pages(output: Path, save_as: str, current: Iterable[str]) -> list[Path]:
    """Remove the page of each assessment not in `current` (slugs); return
    the files removed."""
    if "{slug}" not in save_as:
        return []  # one fixed path: there is nothing of another slug's to find
    before, _, after = save_as.partition("{slug}")
    pattern = glob.escape(before) + "*" + glob.escape(after)
    slug_at = re.compile(re.escape(before) + r"([^/]+)" + re.escape(after) + r"\Z")
    keep = set(current)
    removed = []
    for path in sorted(output.glob(pattern)):
        match = slug_at.match(path.relative_to(output).as_posix())
        if match is None or match.group(1) in keep or not path.is_file():
            continue
        # Only a page this plugin wrote: it holds the form of that slug.
        if f'data-assessment="{match.group(1)}"' not in path.read_text(errors="replace"):
            continue
        path.unlink()
        removed.append(path)
        _remove_empty_folders(path.parent, output)
        log.info("assessments: removed %s, left by an earlier build", path)
    return removed


def _remove_empty_folders(folder: Path, output: Path) -> None:
    while folder != output and folder.is_relative_to(output) and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
