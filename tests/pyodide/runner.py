"""Scores a batch of answer sets through the worker module the site ships
(the very module the reader's scoring worker calls). The same source runs
under CPython (as a script) and inside Pyodide (through the Node harness), so
any difference in the output is a difference between the two interpreters,
not between two harnesses."""

import importlib
import json


def run(cases_json: str, worker_module: str) -> str:
    # imported late: the CLI below first puts the wheel on sys.path
    worker = importlib.import_module(worker_module)
    outcomes = []
    for number, case in enumerate(json.loads(cases_json)):
        # a score by default; a case may name any message type and its payload
        payload = case.get("payload") or {"assessment": case["id"], "answers": case["answers"]}
        request = {"id": number, "type": case.get("type", "score"), "payload": payload}
        try:
            reply = json.loads(worker.handle(json.dumps(request)))
        except Exception as error:  # the worker module promises never to raise
            outcomes.append({"escaped": f"{type(error).__name__}: {error}"})
            continue
        if reply.pop("id") != number:
            outcomes.append({"escaped": "the reply names another request"})
        else:
            outcomes.append(reply)
    return json.dumps(outcomes, sort_keys=True)


def replies(messages_json: str, worker_module: str) -> str:
    """Raw request strings, as a hostile page could send them, and each reply."""
    worker = importlib.import_module(worker_module)
    return json.dumps([json.loads(worker.handle(message)) for message in json.loads(messages_json)])


def modules(cases_json: str, worker_module: str) -> str:
    """Every module imported once the cases are scored: what the standard
    library cut must hold."""
    import sys

    run(cases_json, worker_module)
    return json.dumps(sorted(sys.modules))


def examples(worker_module: str) -> str:
    """Every author's examples (as the package ships them, in the compiled
    definitions) scored through the package's own engine and authors'
    modules, with the standard library this interpreter has (under Pyodide:
    the one the site ships). One outcome per example, in order: the result
    or the reader's error and, where the author's module failed, its file
    and line. (The build checked these results against the examples'
    expectations under CPython: the same outcomes here are the same verdict.)"""
    package = worker_module.rpartition(".")[0]
    engine = importlib.import_module(package)
    compiled = importlib.import_module(f"{package}._compiled")
    failures: list[dict] = []
    scorers = {}
    for slug, name in compiled.SCORERS.items():
        try:
            module = importlib.import_module(f"{package}.authored.{name}")
        except BaseException as error:  # SystemExit too: one author's fault, reported
            failures.append({"assessment": slug, **_where(error, "on import")})

            # As in the browser (which imports it when first needed): refused.
            def broken(answers, result, error=error):
                raise RuntimeError("the scoring module could not be imported") from error

            scorers[slug] = broken
            continue

        def scorer(answers, result, score=module.score, slug=slug):
            try:
                return score(answers, result)
            except Exception as error:  # recorded, then refused as the browser would
                failures.append({"assessment": slug, **_where(error, "while scoring")})
                raise

        scorers[slug] = scorer
    scoring = engine.Engine(compiled.DEFINITIONS, scorers)
    outcomes = []
    for slug, definition in sorted(compiled.DEFINITIONS.items()):
        for example in definition.get("examples") or ():
            outcome = {"assessment": slug, "example": example["name"]}
            try:
                outcome["result"] = scoring.score(slug, example["answers"])
            except engine.AnswerError as error:
                outcome["error"] = str(error)
            outcomes.append(outcome)
    return json.dumps({"outcomes": outcomes, "failures": failures}, sort_keys=True)


def _where(error, doing):
    """The author's file and line where `error` was raised (the innermost
    frame in the package's authored modules), and what it was."""
    import traceback

    frames = [f for f in traceback.extract_tb(error.__traceback__) if "/authored/" in f.filename]
    return {
        "file": frames[-1].filename if frames else None,
        "line": frames[-1].lineno if frames else None,
        "error": f"{doing}: {type(error).__name__}: {error}",
    }


def catalog(worker_module: str) -> str:
    engine = importlib.import_module(worker_module.rpartition(".")[0])
    return json.dumps(engine.catalog(), sort_keys=True)


if __name__ == "__main__":
    import sys

    # Usage: python -S runner.py WHEEL MODULE
    #   (run CASES.json | modules CASES.json | replies CASES.json | examples | catalog)
    # -S keeps the project's own (editable) plugin off sys.path: only the wheel counts.
    sys.path.insert(0, sys.argv[1])
    if sys.argv[3] in ("run", "modules", "replies"):
        with open(sys.argv[4], encoding="utf-8") as cases:
            mode = {"run": run, "modules": modules, "replies": replies}[sys.argv[3]]
            sys.stdout.write(mode(cases.read(), sys.argv[2]))
    else:
        sys.stdout.write({"examples": examples, "catalog": catalog}[sys.argv[3]](sys.argv[2]))
