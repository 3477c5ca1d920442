"""Run the built wheel in CPython and in Pyodide (under Node), and make answers
a reader could give; shared by the parity and the browser tests."""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from pelican.plugins.assessments.contract import STDLIB, STDLIB_CUT, WORKER_MODULE

from tests.conftest import ROOT

HERE = Path(__file__).parent
CASES_PER_ASSESSMENT = 150


def in_cpython(wheel: Path, mode: str, cases: Path | None = None) -> Any:
    command = [sys.executable, "-S", str(HERE / "runner.py"), str(wheel), WORKER_MODULE, mode]
    return run_json(command + ([str(cases)] if cases else []))


PYODIDE = ROOT / "node_modules" / "pyodide"


def in_pyodide(
    wheel: Path, mode: str, cases: Path | None = None, stdlib: Path | None = None
) -> Any:
    """Run in Pyodide with `stdlib`: by default the one the site ships beside
    the wheel (the cut library, as a reader's browser gets it)."""
    with tempfile.TemporaryDirectory(prefix="stdlib-") as folder:
        zipped = as_zip(stdlib or shipped_stdlib(wheel), Path(folder))
        command = [
            "node",
            str(HERE / "harness.mjs"),
            str(PYODIDE),
            str(zipped),
            str(wheel),
            str(HERE / "runner.py"),
            WORKER_MODULE,
        ]
        return run_json(command + [mode] + ([str(cases)] if cases else []))


def as_zip(stdlib: Path, folder: Path) -> Path:
    """The library as a zip: the cut one ships gzipped (the scoring worker
    gunzips it in the browser; this does it for Node)."""
    if stdlib.suffix != ".gz":
        return stdlib
    zipped = folder / stdlib.stem
    zipped.write_bytes(gzip.decompress(stdlib.read_bytes()))
    return zipped


def run_json(command: list[str]) -> Any:
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def valid_answer(question: dict[str, Any], rng: random.Random) -> Any:
    if question["optional"] and rng.random() < 0.15:
        return None
    if "min" in question:  # a whole number from min to max
        return rng.randint(question["min"], question["max"])
    if question["type"] == "multiple":  # any number of its values
        return rng.sample(question["values"], rng.randint(0, len(question["values"])))
    return rng.choice(question["values"])


JUNK = [None, True, 0, -1, 3.5, "", "nope", [], ["x", "x"], {"a": 1}, 10**9]


def answer_sets(catalog: dict[str, Any], seed: int = 20261122) -> list[dict[str, Any]]:
    """Many valid answer sets per assessment, and broken ones of every kind."""
    rng = random.Random(seed)
    cases = []
    for assessment_id, entry in sorted(catalog.items()):
        questions = entry["questions"]
        for _ in range(CASES_PER_ASSESSMENT):
            answers = {q["id"]: valid_answer(q, rng) for q in questions}
            cases.append({"id": assessment_id, "answers": answers})
        for _ in range(30):
            answers = {q["id"]: valid_answer(q, rng) for q in questions}
            victim = rng.choice(questions)["id"]
            choice = rng.random()
            if choice < 0.5:
                answers[victim] = rng.choice(JUNK)
            elif choice < 0.7:
                del answers[victim]
            else:
                answers["not-a-question"] = 1
            cases.append({"id": assessment_id, "answers": answers})
    cases += [{"id": "no-such-assessment", "answers": {}}, {"id": "check-in", "answers": "junk"}]
    return cases


def together_cases(catalog: dict[str, Any], seed: int = 20261202) -> list[dict[str, Any]]:
    """Pairs of answer sets to compare and answer sets to pack into a link, per
    assessment (knowledge checks too: each is refused), some of them broken."""
    rng = random.Random(seed)
    cases: list[dict[str, Any]] = []
    for assessment_id, entry in sorted(catalog.items()):
        questions = entry["questions"]
        for number in range(40):
            pair = [{q["id"]: valid_answer(q, rng) for q in questions} for _ in range(2)]
            if number % 10 == 9:  # one person's answers spoilt
                pair[rng.randint(0, 1)][rng.choice(questions)["id"]] = rng.choice(JUNK)
            payload = {"assessment": assessment_id, "answers": pair}
            cases.append({"type": "compare", "payload": payload})
            payload = {"assessment": assessment_id, "answers": pair[0]}
            cases.append({"type": "pack", "payload": payload})
    return cases


def unpack_cases(packs: list[dict[str, Any]], seed: int = 20261203) -> list[dict[str, Any]]:
    """Every token packed, to unpack as a partner's page does, and each also cut
    short and with one character changed."""
    rng = random.Random(seed)
    cases = []
    for case in packs:
        token = case["result"]
        at = rng.randrange(len(token))
        changed = token[:at] + ("x" if token[at] != "x" else "y") + token[at + 1 :]
        for spoilt in (token, token[: rng.randrange(len(token))], changed):
            payload = {"assessment": case["assessment"], "token": spoilt}
            cases.append({"type": "unpack", "payload": payload})
    return cases


def runtime_dir(output: Path) -> Path:
    (folder,) = (output / "py").glob("runtime-*")
    return folder


def package_dir(output: Path) -> Path:
    (folder,) = (output / "py").glob("package-*")
    return folder


def shipped_stdlib(wheel: Path) -> Path:
    """The standard library of the build that made `wheel` (the gzipped cut
    zip, or the whole zip when the build was told to ship it)."""
    (folder,) = wheel.parent.parent.glob("runtime-*")
    cut = folder / STDLIB_CUT
    return cut if cut.is_file() else folder / STDLIB


def built_wheel(output: Path) -> Path:
    (wheel,) = package_dir(output).glob("*.whl")
    return wheel
