"""Scoring whose result depends on where it runs: it passes its example under
CPython and raises nothing in a reader's browser, but the result there is
not the one the example expects."""

import sys


def score(answers, result):
    result["extra"]["runs_on"] = "a browser" if sys.platform == "emscripten" else "a computer"
    return result
