"""What an earlier build wrote and this one does not: assessment pages, the
runtime's and the package's folders, the browser's files.

Pelican keeps whatever the output folder already holds. A deleted (or now
refused) assessment would keep its page, pointing at a package that no
longer has it; an old package folder would stay beside the new one; and a
service worker, which lists what it finds, would precache them all. So each
build removes:
- the assessment pages it did not write: files at ASSESSMENT_SAVE_AS for
  another slug that hold that slug's form, and nothing else;
- everything in ASSESSMENT_RUNTIME_DIR but the folders it wrote (the plugin
  owns that folder: it also holds what a build that was cut short left);
- the browser's files, when no quiz is left to need them."""

from __future__ import annotations

import glob
import logging
import re
import shutil
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
    """Remove `folder` and its parents while empty, up to (not including) `output`."""
    while folder != output and folder.is_relative_to(output) and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def remove_stale_folders(root: Path, keep: Iterable[str]) -> list[Path]:
    """Remove every entry of `root` (OUTPUT/ASSESSMENT_RUNTIME_DIR) not named
    in `keep`, and `root` itself once empty; return what was removed."""
    if not root.is_dir():
        return []
    kept = set(keep)
    removed = []
    for path in sorted(root.iterdir()):
        if path.name in kept:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
        removed.append(path)
        log.info("assessments: removed %s, left by an earlier build", path)
    if not kept:
        _remove_empty_folders(root, root.parent)
    return removed


def remove_stale_files(folder: Path, names: Iterable[str]) -> list[Path]:
    """Remove the files `names` from `folder` (the browser's files, once no
    quiz needs them), and the folder once empty."""
    removed = []
    for name in sorted(names):
        path = folder / name
        if path.is_file():
            path.unlink()
            removed.append(path)
            log.info("assessments: removed %s, left by an earlier build", path)
    if removed and not any(folder.iterdir()):
        _remove_empty_folders(folder, folder.parent)
    return removed
