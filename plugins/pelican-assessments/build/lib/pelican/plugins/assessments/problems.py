"""Problems found in an author's files, reported compiler style."""

from __future__ import annotations

import logging
from dataclasses import dataclass

log = logging.getLogger("assessments")


@dataclass(frozen=True, order=True)
class AuthorProblem:
    file: str  # relative to the project, e.g. content/assessments/style.yaml
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def report(problems: list[AuthorProblem]) -> None:
    """Log every problem as an error: Pelican's --fatal errors then fails the build."""
    for problem in sorted(problems):
        log.error("assessments: %s", problem)
