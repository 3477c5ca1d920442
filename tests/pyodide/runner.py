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
        payload = {"assessment": case["id"], "answers": case["answers"]}
        request = {"id": number, "type": "score", "payload": payload}
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


def catalog(worker_module: str) -> str:
    engine = importlib.import_module(worker_module.rpartition(".")[0])
    return json.dumps(engine.catalog(), sort_keys=True)


if __name__ == "__main__":
    import sys

    # Usage: python -S runner.py WHEEL MODULE (run|modules|replies CASES.json | catalog)
    # -S keeps the project's own (editable) plugin off sys.path: only the wheel counts.
    sys.path.insert(0, sys.argv[1])
    if sys.argv[3] in ("run", "modules", "replies"):
        with open(sys.argv[4], encoding="utf-8") as cases:
            mode = {"run": run, "modules": modules, "replies": replies}[sys.argv[3]]
            sys.stdout.write(mode(cases.read(), sys.argv[2]))
    else:
        sys.stdout.write(catalog(sys.argv[2]))
