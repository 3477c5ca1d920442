"""Run an author's scoring module at build time, in a process of its own.

The module is the author's code: a `while True` must not hang the build, a
`sys.exit()` must not end it silently, and a module that allocates without
end must not take the machine with it. So it runs in a child process
(`author_child.py`) with a time limit and a memory limit, and whatever goes
wrong comes back as one (line, message) of the module's file."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

CHILD = Path(__file__).resolve().with_name("author_child.py")
# Scoring takes milliseconds; the limits only stop code that never ends.
SECONDS = 5.0
MEMORY_BYTES = 512 * 1024 * 1024
# faulthandler's dump: `  File "/path/module.py", line 3 in <module>`
FRAME = re.compile(r'^\s*File "(?P<file>.+)", line (?P<line>\d+)', re.MULTILINE)


class AuthorRun(NamedTuple):
    """What running the module found: a failure of the module itself at one
    of its lines, else the examples' problems (paths into the YAML file)."""

    failure: tuple[int, str] | None
    example_problems: list[tuple[tuple[str | int, ...], str]]


def run_author_module(
    module: Path,
    definition: Any = None,
    seconds: float = SECONDS,
    memory: int = MEMORY_BYTES,
) -> AuthorRun:
    """Import `module` and, given a compiled `definition`, run its examples
    with the module's score()."""
    doing = "on import" if definition is None else "while scoring the examples"
    request = {
        "module": str(module.resolve()),
        "definition": definition,
        "seconds": seconds,
        "memory": memory,
    }
    try:
        # -I: the site's environment variables and folders do not change
        # what the author's code imports.
        done = subprocess.run(
            [sys.executable, "-I", str(CHILD)],
            input=pickle.dumps(request),
            capture_output=True,
            timeout=seconds + 10,  # the child's own watchdog fires first
            check=False,
        )
    except subprocess.TimeoutExpired:
        return AuthorRun((1, _too_slow(seconds, doing)), [])
    try:
        reply = pickle.loads(done.stdout)  # our own child's reply
    except Exception:
        return AuthorRun(_crash(module, done, seconds, doing), [])
    if reply[0] == "import":
        return AuthorRun((reply[1], reply[2]), [])
    if reply[0] == "examples":
        return AuthorRun(None, reply[1])
    return AuthorRun(None, [])


def _crash(
    module: Path, done: subprocess.CompletedProcess[bytes], seconds: float, doing: str
) -> tuple[int, str]:
    log = done.stderr.decode("utf-8", errors="replace")
    source = str(module.resolve())
    lines = [int(m["line"]) for m in FRAME.finditer(log) if m["file"] == source]
    line = lines[0] if lines else 1  # faulthandler prints the innermost frame first
    if "Timeout (" in log or done.returncode in (-9, -24):  # watchdog, SIGKILL or SIGXCPU
        return line, _too_slow(seconds, doing)
    return line, f"the module stops Python itself {doing} (exit status {done.returncode})"


def _too_slow(seconds: float, doing: str) -> str:
    return (
        f"the module runs for more than {seconds:g} seconds {doing}; "
        "scoring must finish at once (look for a loop that never ends)"
    )
