"""Runs inside Pyodide (started by `pyodide_harness.mjs`), never at build time:
every author's examples scored through the shipped package, recording what
each author's module did.

Standard library only, and only what the package itself imports: it runs on
the standard library the site ships, which is cut to what the package needs.
The build (`pyodide_check.py`) judges the record under CPython with the
engine's own `check_examples`, so the verdict on an example is the one the
build gave under CPython, now on the browser's interpreter.

The record, as JSON:
{"imports": [{"assessment", "line", "error", "missing"}],
 "calls": [{"assessment", "key", "returned"} or {"assessment", "key", "line", "error"}]}
where `key` is repr((answers, result)) as the author's score() received
them and `returned` the repr of what it returned: repr, not JSON, keeps int
keys and tuples as they were, and the build reads it back with
ast.literal_eval."""

import contextlib
import importlib
import json
import traceback

PACKAGE = "assessment_engine"


def examples() -> str:
    engine = importlib.import_module(PACKAGE)
    compiled = importlib.import_module(f"{PACKAGE}._compiled")
    imports: list[dict] = []
    calls: list[dict] = []
    scorers = {}
    for slug, name in sorted(compiled.SCORERS.items()):
        try:
            module = importlib.import_module(f"{PACKAGE}.authored.{name}")
        except BaseException as error:  # SystemExit too: one author's fault, reported
            imports.append({"assessment": slug, **_where(error), "missing": _missing(error)})
            continue
        scorers[slug] = _recording(slug, module.score, calls)
    scoring = engine.Engine(compiled.DEFINITIONS, scorers)
    for slug in sorted(scorers):
        definition = compiled.DEFINITIONS[slug]
        for example in definition.get("examples") or ():
            _quietly(scoring.score, slug, example["answers"])
        for example in (definition.get("together") or {}).get("examples") or ():
            _quietly(scoring.compare, slug, example["first"], example["second"])
    return json.dumps({"imports": imports, "calls": calls}, sort_keys=True)


def _recording(slug, score, calls):
    def scorer(answers, result):
        key = repr((answers, result))
        try:
            returned = score(answers, result)
        except BaseException as error:  # SystemExit too: refused, as the browser refuses it
            calls.append({"assessment": slug, "key": key, **_where(error)})
            raise RuntimeError("the scoring module failed") from error
        calls.append({"assessment": slug, "key": key, "returned": repr(returned)})
        return returned

    return scorer


def _quietly(call, *args):
    """Score, and let the engine's refusal be: the build judges the record."""
    with contextlib.suppress(Exception):
        call(*args)


def _missing(error):
    """The module an import could not find, if that is what went wrong."""
    return error.name if isinstance(error, ImportError) else None


def _where(error):
    """The line of the author's module where `error` was raised (its innermost
    frame in the package's authored modules), and what it was."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "/authored/" in f.filename]
    return {
        "line": frames[-1].lineno if frames else None,
        "error": f"{type(error).__name__}: {_first_line(error)}",
    }


def _first_line(error):
    """The error's own sentence: a KeyError's str() is its repr, and Pyodide's
    own advice (on later lines) is for the page's code, not for an author."""
    text = error.args[0] if len(error.args) == 1 and isinstance(error.args[0], str) else str(error)
    return (text.strip().splitlines() or [""])[0].strip()
