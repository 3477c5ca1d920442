"""Check an author's optional scoring module before it runs: standard library
only, and only what a reader's browser (Pyodide) can run."""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

Scorer = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]


def module_name(file_name: str) -> str:
    """The importable name of an author's file: rope-tally.py -> rope_tally."""
    return Path(file_name).stem.replace("-", "_")


def scorer_path_of(path: Path, data: Mapping[str, Any]) -> Path | None:
    """The author's module an assessment file names in `scoring`, beside it."""
    scoring = data.get("scoring")
    return path.parent / scoring if isinstance(scoring, str) else None


def module_display(display: str, scorer_path: Path) -> str:
    """An author's module as authors are shown it: beside its YAML file
    (`display`, the YAML file as authors are shown it)."""
    return str(Path(display).parent / scorer_path.name)


NO_PROCESSES = "a reader's browser runs no other processes"
NO_THREADS = "a reader's browser starts no threads for scoring"
NO_NETWORK = "a reader's browser gives scoring no network"
NO_FILES = "a reader's browser has no file system with the site's or the reader's files"
NO_NATIVE = "a reader's browser loads no native libraries"
NO_SYSTEM = "a reader's browser has no operating system, terminal or users behind it"
NOT_SHIPPED = "the browser's Python (Pyodide) does not include it"

# Standard-library modules a scoring module may not import, each with the
# reason. Checked against the pinned runtime's python_stdlib.zip by the
# plugin's tests: every pure-Python module missing from it is listed here.
DENIED: dict[str, str] = {
    **dict.fromkeys(
        ["subprocess", "multiprocessing", "concurrent", "_posixsubprocess", "pty"], NO_PROCESSES
    ),
    **dict.fromkeys(["threading", "_thread"], NO_THREADS),
    **dict.fromkeys(
        [
            "socket",
            "_socket",
            "ssl",
            "select",
            "selectors",
            "socketserver",
            "asyncio",
            "http.client",
            "http.server",
            "urllib.request",
            "ftplib",
            "smtplib",
            "poplib",
            "imaplib",
            "xmlrpc",
            "webbrowser",
            "wsgiref",
        ],
        NO_NETWORK,
    ),
    **dict.fromkeys(
        ["sqlite3", "_sqlite3", "dbm", "shelve", "tempfile", "shutil", "glob", "fileinput"],
        NO_FILES,
    ),
    **dict.fromkeys(["ctypes", "_ctypes", "mmap"], NO_NATIVE),
    **dict.fromkeys(
        [
            "fcntl",
            "grp",
            "pwd",
            "resource",
            "syslog",
            "termios",
            "tty",
            "readline",
            "curses",
            "msvcrt",
            "winreg",
            "winsound",
            "nt",
            "signal",
            "getpass",
        ],
        NO_SYSTEM,
    ),
    **dict.fromkeys(
        [
            "tkinter",
            "_tkinter",
            "turtle",
            "turtledemo",
            "idlelib",
            "ensurepip",
            "venv",
            "lzma",
            "_lzma",
            "pydoc_data",
        ],
        NOT_SHIPPED,
    ),
}
# Calls that reach what a browser does not have, by the module they live in.
DENIED_CALLS: dict[tuple[str, str], str] = {
    **{
        ("os", name): NO_PROCESSES
        for name in [
            "system",
            "popen",
            "fork",
            "kill",
            "spawnl",
            "spawnv",
            "execv",
            "execl",
            "execve",
            "posix_spawn",
        ]
    },
    **{
        ("os", name): NO_FILES
        for name in [
            "remove",
            "unlink",
            "rmdir",
            "mkdir",
            "makedirs",
            "rename",
            "replace",
            "listdir",
            "scandir",
            "walk",
            "open",
            "chdir",
        ]
    },
}


def import_problems(path: Path) -> list[tuple[int, str]]:
    """(line, message) for each import outside the standard library or out
    of a reader's browser's reach, each call that needs a file or a process,
    a syntax error, or a missing `score` function; empty when the module is
    fine."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as error:
        return [(error.lineno or 1, f"Python syntax error: {error.msg}")]
    problems: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            problems.append(
                (
                    node.lineno,
                    "relative imports are not allowed; import from the standard library only",
                )
            )
            continue
        problems.extend((node.lineno, message) for message in _node_problems(node))
    defines_score = any(
        isinstance(node, ast.FunctionDef) and node.name == "score" for node in tree.body
    )
    if not defines_score:
        problems.append((1, "defines no function score(answers, result); add one at the top level"))
    return problems


def _node_problems(node: ast.AST) -> list[str]:
    """What is wrong with one node of a scoring module, if anything."""
    if isinstance(node, ast.Import):
        return [m for alias in node.names if (m := _import_problem(alias.name))]
    if isinstance(node, ast.ImportFrom):
        module = node.module or ""
        found = [_import_problem(module)]
        # `from urllib import request` imports urllib.request
        found += [
            _import_problem(f"{module}.{alias.name}", denied_only=True) for alias in node.names
        ]
        return [m for m in found if m][:1]
    if isinstance(node, ast.Call):
        func = node.func
        dynamic = (isinstance(func, ast.Name) and func.id == "__import__") or (
            isinstance(func, ast.Attribute) and func.attr == "import_module"
        )
        if dynamic:
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                return [m for m in [_import_problem(first.value)] if m]
            return ["imports a module named at run time; import it by name at the top instead"]
        if isinstance(func, ast.Name) and func.id == "open":
            return [f"calls open(), which cannot work in a reader's browser: {NO_FILES}"]
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and (func.value.id, func.attr) in DENIED_CALLS
        ):
            reason = DENIED_CALLS[(func.value.id, func.attr)]
            return [
                f"calls {func.value.id}.{func.attr}(), which cannot work in a reader's "
                f"browser: {reason}"
            ]
    return []


def _import_problem(name: str, denied_only: bool = False) -> str | None:
    """Why a scoring module may not import `name` (dotted), or None."""
    parts = name.split(".")
    for end in range(1, len(parts) + 1):
        prefix = ".".join(parts[:end])
        if prefix in DENIED:
            return (
                f"imports '{prefix}', which cannot work in a reader's browser: "
                f"{DENIED[prefix]}; score with plain Python instead"
            )
    if not denied_only and parts[0] not in sys.stdlib_module_names:
        return (
            f"imports '{parts[0]}', which is not in the standard library; "
            "scoring modules may use the standard library only"
        )
    return None
