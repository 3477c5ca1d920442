"""Run a child process and measure it: wall time and peak memory.

Peak memory is the child's `ru_maxrss` from os.wait4: the largest resident set
of the child and of any process it waited for (the build's `pyodide
py-compile` subprocess included), not a sum.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from .paths import ROOT


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    log: str


def run_measured(command: list[str], log_path: Path, env: dict[str, str] | None = None) -> Run:
    """Run `command` in the project folder (the build finds node_modules/ and
    .cache/ there), its output to `log_path`."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w", encoding="utf-8") as log:
        start = time.perf_counter()
        child = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "COLUMNS": "200", **(env or {})},
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
    text = log_path.read_text(encoding="utf-8", errors="replace")
    return Run(seconds, usage.ru_maxrss / 1024, child.returncode, text)
