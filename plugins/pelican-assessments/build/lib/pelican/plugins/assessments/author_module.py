"""Check and load an author's optional scoring module (standard library only)."""

from __future__ import annotations

import ast
import importlib.util
import sys
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

Scorer = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]


def module_name(file_name: str) -> str:
    """The importable name of an author's file: rope-tally.py -> rope_tally."""
    return Path(file_name).stem.replace("-", "_")


def scorer_path_of(path: Path, data: Mapping[str, Any]) -> Path | None:
    """The author's module an assessment file names in `scoring`, beside it."""
    scoring = data.get("scoring")
    return path.parent / scoring if isinstance(scoring, str) else None


def import_problems(path: Path) -> list[tuple[int, str]]:
    """(line, message) for each import outside the standard library, a syntax
    error, or a missing `score` function; empty when the module is fine."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as error:
        return [(error.lineno or 1, f"Python syntax error: {error.msg}")]
    problems: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots = [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                problems.append(
                    (
                        node.lineno,
                        "relative imports are not allowed; import from the standard library only",
                    )
                )
                continue
            roots = [(node.module or "").split(".")[0]]
        else:
            continue
        for root in roots:
            if root not in sys.stdlib_module_names:
                problems.append(
                    (
                        node.lineno,
                        f"imports '{root}', which is not in the standard library; "
                        "scoring modules may use the standard library only",
                    )
                )
    defines_score = any(
        isinstance(node, ast.FunctionDef) and node.name == "score" for node in tree.body
    )
    if not defines_score:
        problems.append((1, "defines no function score(answers, result); add one at the top level"))
    return problems


def load_scorer(path: Path) -> tuple[Scorer | None, tuple[int, str] | None]:
    """Import the module in isolation; return its `score`, or the line and
    message of the error it raised while importing."""
    name = f"_assessment_author_{module_name(path.name)}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        source = str(path.resolve())
        line = next(
            (
                frame.lineno
                for frame in reversed(traceback.extract_tb(error.__traceback__))
                if str(Path(frame.filename).resolve()) == source
            ),
            1,
        )
        return None, (line or 1, f"the module fails on import: {type(error).__name__}: {error}")
    return module.score, None
