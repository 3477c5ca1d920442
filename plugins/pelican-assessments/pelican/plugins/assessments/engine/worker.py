"""The Python side of the scoring worker, shipped in the package.

The worker (static/scoring-worker.js) imports this module once Pyodide has
started and hands every message to `handle` as a JSON string:

    {"id": 1, "type": "score", "payload": {"assessment": ID, "answers": {...}}}

Other types, for taking an assessment together: "compare" (payload
``{"assessment", "answers": [first, second]}``), "pack" (``{"assessment",
"answers"}``, the result a link token) and "unpack" (``{"assessment",
"token"}``, the result the answers it holds). It
posts back what it returns: ``{"id", "result"}`` or ``{"id", "error"}``,
the error a sentence fit to show a reader. JSON strings cross the boundary
between JavaScript and Python: no proxies to leak or release.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from . import AnswerError, catalog, compare, pack, score, unpack

UNREADABLE = "The answers could not be read. Please answer the questions again."

# Far deeper than any message the page sends. A message nested deeper is
# refused before json parses it: json recurses once per level, and under
# Pyodide a few thousand levels exhaust the WebAssembly stack (a fatal error,
# not a RecursionError) well before Python's recursion limit.
MAX_DEPTH = 64
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def nested_too_deep(message_json: str) -> bool:
    """Whether arrays and objects nest beyond MAX_DEPTH, counted without
    recursing (brackets inside strings are text)."""
    depth = 0
    for bracket in _NOT_BRACKET.sub("", _STRING.sub("", message_json)):
        depth += 1 if bracket in "[{" else -1
        if depth > MAX_DEPTH:
            return True
    return False


def handle(message_json: str) -> str:
    """One request in, one reply out; never raises."""
    if nested_too_deep(message_json):
        return json.dumps({"id": None, "error": UNREADABLE})
    try:
        message = json.loads(message_json)
    except (ValueError, RecursionError):
        return json.dumps({"id": None, "error": UNREADABLE})
    if not isinstance(message, dict):
        return json.dumps({"id": None, "error": UNREADABLE})
    reply: dict[str, Any] = {"id": message.get("id")}
    payload = message.get("payload")
    kind = message.get("type")
    task = HANDLERS.get(kind) if isinstance(kind, str) else None
    if task is None:
        reply["error"] = f"Unrecognised message type: {message.get('type')}"
    elif not isinstance(payload, dict):
        reply["error"] = UNREADABLE
    else:
        assessment = payload.get("assessment")
        try:
            reply["result"] = task(assessment if isinstance(assessment, str) else "", payload)
        except AnswerError as error:
            reply["error"] = str(error)
    return json.dumps(reply)


def _compare(assessment: str, payload: dict[str, Any]) -> Any:
    answers = payload.get("answers")
    if not isinstance(answers, list) or len(answers) != 2:
        raise AnswerError(UNREADABLE)
    return compare(assessment, *answers)


HANDLERS: dict[str, Callable[[str, dict[str, Any]], Any]] = {
    "score": lambda assessment, payload: score(assessment, payload.get("answers")),
    "compare": _compare,
    "pack": lambda assessment, payload: pack(assessment, payload.get("answers")),
    "unpack": lambda assessment, payload: unpack(assessment, payload.get("token")),
}


def warm() -> None:
    """Build the engine now, before the worker says it is ready, so the
    reader's first result is as quick as any later one."""
    catalog()
