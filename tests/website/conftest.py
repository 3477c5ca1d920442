"""Collects per-page reading levels and prints them after the run."""

from __future__ import annotations

import pytest

READING_LEVELS: dict[str, float] = {}


@pytest.fixture(scope="session")
def reading_levels() -> dict[str, float]:
    return READING_LEVELS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not READING_LEVELS:
        return
    terminalreporter.section("reading level (Flesch-Kincaid grade; 8 or below passes)")
    for page, grade in sorted(READING_LEVELS.items(), key=lambda item: -item[1]):
        terminalreporter.write_line(f"{grade:5.1f}  {page}")
