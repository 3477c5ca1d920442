"""Every problem of one assessment file, found in explicit phases.

The file was read first (`source.read_source`: YAML into plain data, with the
line of every value; a file that cannot be read stops there). Then:

1. shape: the engine's `validate`, the definition's own keys and values and
   the references inside it (a question's dimension, a recommendation's band);
2. cross-references: what the file names outside itself: its file name, the
   pages it recommends, its scoring module;
3. examples: the author's examples, scored by the engine and the module
   (the module in a process of its own, with a time and a memory limit).

Each phase is a function from the same `Candidate` to a list of problems and
keeps no state for another. Shape and cross-references always both run, so
an author sees all their problems at once; the examples run only when both
found nothing, since scoring needs a definition they have proved sound. No
Pelican here, so each phase is testable on its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from .author_module import import_problems, module_display, scorer_path_of
from .author_run import run_author_module
from .compile import compile_definition
from .engine.model import Assessment as AssessmentModel
from .engine.validation import check_examples, validate
from .links import Links
from .problems import AuthorProblem
from .source import SourceMap

Location = tuple[str | int, ...]


class Candidate(NamedTuple):
    """One file's data and what it is checked against."""

    path: Path  # the file, to find what sits beside it
    display: str  # the file as authors are shown it
    data: Any  # as read, possibly of any shape
    source_map: SourceMap
    links: Links  # what a recommendation may name

    def at(self, location: Location, message: str) -> AuthorProblem:
        return AuthorProblem(self.display, self.source_map.line_of(location), message)


def shape(candidate: Candidate) -> list[AuthorProblem]:
    return [candidate.at(problem.path, problem.message) for problem in validate(candidate.data)]


def cross_references(candidate: Candidate) -> list[AuthorProblem]:
    data, path = candidate.data, candidate.path
    if not isinstance(data, dict):
        return []  # shape has said what it should be
    problems = []
    if isinstance(data.get("id"), str) and data["id"] != path.stem:
        problems.append(
            candidate.at(
                ("id",),
                f"id '{data['id']}' differs from the file name; "
                f"rename one so both read '{path.stem}'",
            )
        )
    recommendations = data.get("recommendations")
    for index, recommendation in enumerate(
        recommendations if isinstance(recommendations, list) else []
    ):
        slug = recommendation.get("slug") if isinstance(recommendation, dict) else None
        if isinstance(slug, str) and slug not in candidate.links:
            problems.append(
                candidate.at(
                    ("recommendations", index, "slug"),
                    f"recommendation to '{slug}', which is no guide, practice, page or assessment",
                )
            )
    scorer_path = scorer_path_of(path, data)
    if scorer_path is not None:
        problems.extend(check_scorer(scorer_path, candidate.display, candidate.at))
    return problems


def examples(candidate: Candidate) -> list[AuthorProblem]:
    data, links = candidate.data, candidate.links
    scorer_path = scorer_path_of(candidate.path, data)
    # The examples check scores, not text: Markdown is left unrendered.
    definition = compile_definition(data, str, links.__getitem__)
    if scorer_path is None:
        model = AssessmentModel.from_definition(definition)
        return [candidate.at(problem.path, problem.message) for problem in check_examples(model)]
    # The author's code runs in a process of its own, with limits (author_run).
    run = run_author_module(scorer_path, definition)
    if run.failure is not None:
        return [AuthorProblem(module_display(candidate.display, scorer_path), *run.failure)]
    return [candidate.at(path, message) for path, message in run.example_problems]


# (phase, whether it runs only when every earlier phase found nothing)
PHASES: tuple[tuple[Callable[[Candidate], list[AuthorProblem]], bool], ...] = (
    (shape, False),
    (cross_references, False),
    (examples, True),
)


def check_assessment(
    path: Path,
    display: str,
    data: Any,
    source_map: SourceMap,
    links: Links,
) -> list[AuthorProblem]:
    """All problems of the file at `path` (shown to authors as `display`)."""
    candidate = Candidate(path, display, data, source_map, links)
    problems: list[AuthorProblem] = []
    for phase, needs_clean in PHASES:
        if needs_clean and problems:
            break
        problems.extend(phase(candidate))
    return problems


def check_scorer(
    scorer_path: Path, display: str, at: Callable[[Location, str], AuthorProblem]
) -> list[AuthorProblem]:
    """Problems of an author's module, reported at its own file and line."""
    if not scorer_path.is_file():
        return [
            at(("scoring",), f"scoring module '{scorer_path.name}' not found next to this file")
        ]
    shown = module_display(display, scorer_path)
    problems = [
        AuthorProblem(shown, line, message) for line, message in import_problems(scorer_path)
    ]
    if not problems:
        failure = run_author_module(scorer_path).failure
        if failure is not None:
            problems.append(AuthorProblem(shown, *failure))
    return problems
