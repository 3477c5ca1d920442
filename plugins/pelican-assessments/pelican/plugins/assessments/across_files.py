"""Problems no single assessment file shows: what lies in the assessments'
folders, ids that two files share, ids that are already another page's slug.

The phases of `checks.py` see one file at a time; these see them all. Like
those phases, each is a plain function returning problems, with no Pelican
in it. A file with such a problem is left out of the site entirely: two
files claiming one page, or one slug naming two pages, would otherwise be
resolved by whichever came first, silently."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import PurePath
from typing import Any, NamedTuple

from .problems import AuthorProblem
from .source import SourceMap

SOURCE_EXTENSIONS = (".yaml", ".yml")
MODULE_EXTENSIONS = (".py",)


class Loaded(NamedTuple):
    """One assessment file, read."""

    relative: str  # under PATH
    display: str  # as authors are shown it
    data: Any
    source_map: SourceMap

    @property
    def id(self) -> str:
        """The id the file claims: its `id`, or its name when it has none yet
        (the cross-references phase asks that both agree)."""
        data = self.data
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            return data["id"]
        return PurePath(self.relative).stem

    def at_id(self, message: str) -> AuthorProblem:
        return AuthorProblem(self.display, self.source_map.line_of(("id",)), message)


def is_source(relative: str) -> bool:
    return PurePath(relative).suffix in SOURCE_EXTENSIONS


def unread_files(files: Iterable[tuple[str, str]]) -> list[AuthorProblem]:
    """A problem for each (relative, display) file that the assessments'
    folders hold but the build would never read: an upper-case `.YAML`
    looks read and is not."""
    problems = []
    for relative, display in files:
        path = PurePath(relative)
        if path.name.startswith(".") or "__pycache__" in path.parts:
            continue  # editors' and Python's own files
        if path.suffix in SOURCE_EXTENSIONS + MODULE_EXTENSIONS:
            continue
        if path.suffix.lower() in SOURCE_EXTENSIONS:
            hint = f"rename it to '{path.stem}{path.suffix.lower()}'"
        else:
            hint = "move it out of this folder"
        problems.append(
            AuthorProblem(
                display,
                1,
                f"this file is not read: the assessments' folders hold assessments "
                f"(.yaml or .yml) and their scoring modules (.py); {hint}",
            )
        )
    return problems


def shared_ids(loaded: Iterable[Loaded]) -> list[AuthorProblem]:
    """A problem in each file whose id another file also claims (x.yaml and
    x.yml, or two folders): each names the others."""
    by_id: dict[str, list[Loaded]] = {}
    for item in loaded:
        by_id.setdefault(item.id, []).append(item)
    problems = []
    for assessment_id, items in by_id.items():
        if len(items) < 2:
            continue
        for item in items:
            others = ", ".join(other.display for other in items if other is not item)
            problems.append(
                item.at_id(
                    f"the id '{assessment_id}' is also claimed by {others}; "
                    "delete or rename one of them"
                )
            )
    return problems


def slug_collisions(loaded: Iterable[Loaded], slugs: Mapping[str, str]) -> list[AuthorProblem]:
    """A problem for each file whose id is already the slug of an article or
    page (`slugs`: slug -> that item's file as shown): links by slug, such
    as recommendations and Related lists, could name only one of them."""
    return [
        item.at_id(
            f"the id '{item.id}' is already the slug of {slugs[item.id]}; "
            "rename the assessment (and its file) so links by slug name one thing"
        )
        for item in loaded
        if item.id in slugs
    ]
