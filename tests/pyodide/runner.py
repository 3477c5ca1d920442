"""Scores a batch of answer sets. The very same source runs under CPython (as a
script) and inside Pyodide (through the Node harness), so any difference in the
output is a difference between the two interpreters, not between two harnesses."""

import json


def run(cases_json: str) -> str:
    import assessment_engine  # imported late: the CLI below first puts the wheel on sys.path

    outcomes = []
    for case in json.loads(cases_json):
        try:
            outcomes.append({"result": assessment_engine.score(case["id"], case["answers"])})
        except assessment_engine.AnswerError as error:
            outcomes.append({"error": str(error)})
        except Exception as error:
            outcomes.append({"escaped": f"{type(error).__name__}: {error}"})
    return json.dumps(outcomes, sort_keys=True)


def catalog() -> str:
    import assessment_engine

    return json.dumps(assessment_engine.catalog(), sort_keys=True)


if __name__ == "__main__":
    import sys

    # Usage: python -S runner.py WHEEL (run CASES.json | catalog)
    # -S keeps the project's own (editable) engine off sys.path: only the wheel counts.
    sys.path.insert(0, sys.argv[1])
    if sys.argv[2] == "run":
        with open(sys.argv[3], encoding="utf-8") as cases:
            sys.stdout.write(run(cases.read()))
    else:
        sys.stdout.write(catalog())
