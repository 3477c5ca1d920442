"""Every problem of one assessment file: the engine's checks on the data, then
those only the site can make (file name, links, the author's module), then the
author's examples. No Pelican here, so each check is testable on its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .author_module import import_problems, load_scorer, scorer_path_of
from .compile import compile_definition
from .engine.model import Assessment as AssessmentModel
from .engine.validation import check_examples, validate
from .links import Links
from .problems import AuthorProblem
from .source import SourceMap


def check_assessment(
    path: Path,
    display: str,
    data: Any,
    source_map: SourceMap,
    links: Links,
) -> list[AuthorProblem]:
    """All problems of the file at `path` (shown to authors as `display`)."""

    def at(location: tuple[str | int, ...], message: str) -> AuthorProblem:
        return AuthorProblem(display, source_map.line_of(location), message)

    problems = [at(problem.path, problem.message) for problem in validate(data)]
    if not isinstance(data, dict):
        return problems
    if isinstance(data.get("id"), str) and data["id"] != path.stem:
        problems.append(
            at(
                ("id",),
                f"id '{data['id']}' differs from the file name; "
                f"rename one so both read '{path.stem}'",
            )
        )
    for index, recommendation in enumerate(data.get("recommendations") or []):
        slug = recommendation.get("slug") if isinstance(recommendation, dict) else None
        if isinstance(slug, str) and slug not in links:
            problems.append(
                at(
                    ("recommendations", index, "slug"),
                    f"recommendation to '{slug}', which is no guide, practice, page or assessment",
                )
            )
    scorer_path = scorer_path_of(path, data)
    if scorer_path is not None:
        problems.extend(check_scorer(scorer_path, display, at))
    if problems:
        return problems
    scorer = load_scorer(scorer_path)[0] if scorer_path else None
    # The examples check scores, not text: Markdown is left unrendered.
    model = AssessmentModel.from_definition(compile_definition(data, str, links.__getitem__))
    return [at(problem.path, problem.message) for problem in check_examples(model, scorer)]


def check_scorer(
    scorer_path: Path, display: str, at: Callable[[tuple[str | int, ...], str], AuthorProblem]
) -> list[AuthorProblem]:
    """Problems of an author's module, reported at its own file and line."""
    if not scorer_path.is_file():
        return [
            at(("scoring",), f"scoring module '{scorer_path.name}' not found next to this file")
        ]
    module_display = str(Path(display).parent / scorer_path.name)
    problems = [
        AuthorProblem(module_display, line, message)
        for line, message in import_problems(scorer_path)
    ]
    if not problems:
        failure = load_scorer(scorer_path)[1]
        if failure is not None:
            problems.append(AuthorProblem(module_display, *failure))
    return problems
