"""The worker module's `handle`: one JSON request in, one reply out, whatever
arrives (the page's scoring worker posts the reply back as it is)."""

from __future__ import annotations

import json

import pytest
from pelican.plugins.assessments.engine.worker import MAX_DEPTH, UNREADABLE, handle


def nested(depth: int, inner: str = "1") -> str:
    """An answer `depth` arrays deep, inside a request of the page's shape."""
    answer = "[" * depth + inner + "]" * depth
    payload = f'{{"assessment": "x", "answers": {{"q": {answer}}}}}'
    return f'{{"id": 7, "type": "score", "payload": {payload}}}'


@pytest.mark.parametrize("depth", [MAX_DEPTH, MAX_DEPTH * 10, 100_000, 1_000_000])
def test_answers_nested_beyond_the_bound_get_an_error_sentence(depth: int) -> None:
    reply = json.loads(handle(nested(depth)))
    assert reply == {"id": None, "error": UNREADABLE}


def test_a_request_within_the_bound_is_read_and_answered() -> None:
    # Three levels are the request itself: payload, answers, the answer.
    reply = json.loads(handle(nested(MAX_DEPTH - 3)))
    assert reply["id"] == 7 and reply["error"] != UNREADABLE


def test_brackets_inside_strings_are_not_nesting() -> None:
    reply = json.loads(handle(nested(1, json.dumps("[" * 10_000))))
    assert reply["id"] == 7 and reply["error"] != UNREADABLE


def test_unpaired_brackets_are_unreadable_not_an_exception() -> None:
    assert json.loads(handle('{"id": 1, "type": "score", "payload": [[}'))["error"] == UNREADABLE
