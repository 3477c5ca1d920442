"""The process an author's scoring module runs in at build time (a script,
started by `author_run.py`; standard library only, no relative imports).

It reads a pickled request on stdin: the module's path and, to run the
examples, the compiled definition. It sets its own memory and CPU limits,
arms a watchdog that prints where the code is when time runs out, imports
the module and runs the examples, and writes a pickled reply on its own copy
of stdout. The author's prints go to stderr, so they cannot spoil the reply.

Replies: ("import", line, message), ("examples", [(path, message), ...]),
or ("ok",) when only the import was asked for."""

from __future__ import annotations

import faulthandler
import importlib.util
import os
import pickle
import sys
import traceback
from pathlib import Path
from typing import Any

ENGINE = Path(__file__).resolve().parent / "engine"


class AuthorExit(Exception):
    """SystemExit or KeyboardInterrupt from an author's score(): an ordinary
    failure of that example, not the end of this process."""


def main() -> None:
    request = pickle.load(sys.stdin.buffer)
    reply_to = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # the author's prints go to stderr
    limit(request["memory"], request["seconds"])
    reply = run(Path(request["module"]), request.get("definition"))
    pickle.dump(reply, reply_to)
    reply_to.flush()


def limit(memory: int, seconds: float) -> None:
    # The watchdog prints every thread's stack and exits: the parent reads
    # the author's line from it. The CPU limit backs it up.
    faulthandler.dump_traceback_later(seconds, exit=True)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        cpu = int(seconds) + 2
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    except (ImportError, ValueError, OSError):
        pass  # no such limits on this system: the parent's timeout still holds


def run(path: Path, definition: Any) -> tuple[Any, ...]:
    try:
        module = load(path)
    except BaseException as error:  # SystemExit and KeyboardInterrupt too
        return ("import", line_in(path, error), import_failure(error))
    if definition is None:
        return ("ok",)
    engine = load_engine()

    def guarded(answers: Any, result: Any) -> Any:
        try:
            return module.score(answers, result)
        except (SystemExit, KeyboardInterrupt) as error:
            raise AuthorExit(f"score() raised {type(error).__name__}") from error

    model = engine.model.Assessment.from_definition(definition)
    from assessment_engine.validation import check_examples

    try:
        problems = check_examples(model, guarded)
    except MemoryError:
        return ("import", 1, "the module needs too much memory while scoring the examples")
    return ("examples", [(problem.path, problem.message) for problem in problems])


def load(path: Path) -> Any:
    name = "_assessment_author_" + path.stem.replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_engine() -> Any:
    """The engine under the name it ships with in the browser."""
    spec = importlib.util.spec_from_file_location(
        "assessment_engine", ENGINE / "__init__.py", submodule_search_locations=[str(ENGINE)]
    )
    assert spec is not None and spec.loader is not None
    engine = importlib.util.module_from_spec(spec)
    sys.modules["assessment_engine"] = engine
    spec.loader.exec_module(engine)
    import assessment_engine.model  # noqa: F401  (the attribute used above)

    return engine


def import_failure(error: BaseException) -> str:
    if isinstance(error, SystemExit):
        return "the module exits on import (SystemExit); remove the sys.exit() or exit() call"
    if isinstance(error, KeyboardInterrupt):
        return "the module raises KeyboardInterrupt on import; remove it"
    if isinstance(error, MemoryError):
        return "the module needs too much memory on import"
    return f"the module fails on import: {type(error).__name__}: {error}"


def line_in(path: Path, error: BaseException) -> int:
    """The last line of `path` the error passed through, or 1."""
    source = str(path.resolve())
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if str(Path(frame.filename).resolve()) == source and frame.lineno:
            return frame.lineno
    return 1


if __name__ == "__main__":
    main()
