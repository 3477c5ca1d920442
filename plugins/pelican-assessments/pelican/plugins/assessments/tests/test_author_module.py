"""What a scoring module may import is what the pinned runtime can run."""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path

from pelican.plugins.assessments.author_module import DENIED, NOT_SHIPPED, import_problems
from pelican.plugins.assessments.author_run import run_author_module

from .conftest import pyodide_dir


def runtime_modules() -> set[str]:
    """Top-level modules of the pinned runtime's standard library zip."""
    with zipfile.ZipFile(pyodide_dir() / "python_stdlib.zip") as stdlib:
        return {name.split("/")[0].removesuffix(".py") for name in stdlib.namelist()}


def is_pure_python(name: str) -> bool:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    return spec is not None and bool(spec.origin) and spec.origin.endswith(".py")


def test_every_pure_python_module_the_runtime_lacks_is_refused() -> None:
    shipped = runtime_modules()
    lacking = {
        name
        for name in sys.stdlib_module_names
        if name not in shipped and not name.startswith("_") and is_pure_python(name)
    }
    assert lacking, "the runtime's zip lacks nothing: is it the right file?"
    assert lacking <= set(DENIED), sorted(lacking - set(DENIED))


def test_what_is_refused_as_not_shipped_is_indeed_not_in_the_runtime() -> None:
    shipped = runtime_modules()
    not_shipped = {name for name, reason in DENIED.items() if reason == NOT_SHIPPED}
    assert not_shipped and not (not_shipped & shipped)


def test_the_standard_library_a_scorer_needs_is_allowed(tmp_path: Path) -> None:
    module = tmp_path / "fine.py"
    module.write_text(
        "import math, statistics, json, re\nfrom decimal import Decimal\n"
        "from urllib.parse import quote\n\ndef score(answers, result):\n    return result\n",
        encoding="utf-8",
    )
    assert import_problems(module) == []


def test_a_run_of_author_code_is_stopped_at_its_time_limit(tmp_path: Path) -> None:
    module = tmp_path / "slow.py"
    module.write_text("import time\n\nwhile True:\n    time.sleep(0.01)\n", encoding="utf-8")
    run = run_author_module(module, seconds=0.5)
    assert run.failure is not None
    line, message = run.failure
    assert line in (3, 4)
    assert message.startswith("the module runs for more than 0.5 seconds on import")


def test_a_run_of_author_code_keeps_its_prints_out_of_the_reply(tmp_path: Path) -> None:
    module = tmp_path / "chatty.py"
    module.write_text("print('hello')\n\ndef score(answers, result):\n    return result\n")
    assert run_author_module(module).failure is None
