"""Taking an assessment together: two people's answers compared, and the
answers packed into a link one partner sends the other.

``compare(assessment, answers_a, answers_b, scorer)`` scores both sets of
answers and says, per dimension, where the two agree and where they differ
most; for the largest differences it gives the author's conversation
prompts (the assessment's ``together.prompts``). Questions that feed no
dimension (the check-in's choices, the rope tally's counts) are compared
answer by answer. Swapping the two people swaps every pair and nothing else.

``pack(assessment, answers)`` and ``unpack(assessment, token)`` turn checked
answers into a short, versioned text and back: ``1.VERSION.DATA.CHECK``,
where VERSION is `version(assessment)`, DATA the answers in form order as
base64url JSON (an option by its index, a choice of several by their
indexes, a number as itself, a skipped question as null) and CHECK a CRC-32
of what precedes it, so a truncated or mistyped link is refused rather than
read as other answers. The page puts the token after ``#`` (never sent to a
server) and may lock it with a passphrase (AES-GCM, in the browser); the
VERSION stays readable in front, so a link for another version is refused
before anyone types a word. A changed question changes the version.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import zlib
from typing import Any

from .errors import AnswerError
from .model import Assessment, Question
from .questions import TYPES, Answer
from .scoring import KNOWLEDGE_CHECK, Result, Scorer, check_answers, is_int, score

FORMAT = "1"  # the token's own format, first in it; a new format gets a new number
MOST_PROMPTS = 3  # a conversation needs a few good questions, not a list

OLD_LINK = (
    "This link was made for an earlier version of this assessment, so it cannot be "
    "compared. Ask your partner to take it again and send you a new link."
)
BROKEN_LINK = (
    "This link is incomplete or has been changed, so your partner's answers cannot be "
    "read. Ask them to copy the whole link and send it again."
)
NOT_COMPARED = "Knowledge checks are not compared."


def version(assessment: Assessment) -> str:
    """Eight hex digits that change whenever a question's meaning or answers do."""
    shape = [
        [q.id, q.type, q.text, q.reverse, [o.label for o in q.options], _values(q)]
        for q in assessment.questions.values()
    ]
    text = json.dumps(shape, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def pack(assessment: Assessment, answers: object) -> str:
    """The link's token for `answers`; AnswerError when they cannot be scored."""
    _refuse_knowledge_check(assessment)
    given = check_answers(assessment, answers)
    packed = [_pack_one(q, given[q.id]) for q in assessment.questions.values()]
    data = _base64(json.dumps(packed, separators=(",", ":")).encode())
    head = f"{FORMAT}.{version(assessment)}.{data}"
    return f"{head}.{_check(head)}"


def unpack(assessment: Assessment, token: object) -> dict[str, Answer]:
    """The answers a token holds, checked; AnswerError with OLD_LINK or BROKEN_LINK."""
    _refuse_knowledge_check(assessment)
    parts = token.split(".") if isinstance(token, str) else []
    # the version first, whatever follows it: a locked link for another version
    # is refused as old before anyone types the word that unlocks it
    if len(parts) >= 2 and parts[0] == FORMAT and parts[1] != version(assessment):
        raise AnswerError(OLD_LINK)
    if len(parts) != 4 or parts[0] != FORMAT or parts[3] != _check(".".join(parts[:3])):
        raise AnswerError(BROKEN_LINK)
    try:
        packed = json.loads(base64.urlsafe_b64decode(parts[2] + "=" * (-len(parts[2]) % 4)))
    except (ValueError, binascii.Error) as error:
        raise AnswerError(BROKEN_LINK) from error
    questions = list(assessment.questions.values())
    if not isinstance(packed, list) or len(packed) != len(questions):
        raise AnswerError(BROKEN_LINK)
    answers = {q.id: _unpack_one(q, value) for q, value in zip(questions, packed, strict=True)}
    try:
        return check_answers(assessment, answers)
    except AnswerError as error:
        raise AnswerError(BROKEN_LINK) from error


def compare(
    assessment: Assessment,
    answers_a: object,
    answers_b: object,
    scorer: Scorer | None = None,
) -> dict[str, Any]:
    """Both results and what they share and do not; AnswerError, and nothing else."""
    _refuse_knowledge_check(assessment)
    results = (score(assessment, answers_a, scorer), score(assessment, answers_b, scorer))
    given = (check_answers(assessment, answers_a), check_answers(assessment, answers_b))
    agree_within = assessment.together.agree_within
    dimensions = []
    for first, second in zip(results[0]["dimensions"], results[1]["dimensions"], strict=True):
        scores = [first["score"], second["score"]]
        both = scores[0] is not None and scores[1] is not None
        difference = abs(scores[0] - scores[1]) if both else None
        dimensions.append(
            {
                "id": first["id"],
                "title": first["title"],
                "scores": scores,
                "difference": difference,
                "agree": None if difference is None else difference <= agree_within,
            }
        )
    apart = [d for d in dimensions if d["agree"] is False]
    # sorted() is stable: equal differences keep the order of the file
    differ = [d["id"] for d in sorted(apart, key=lambda d: -d["difference"])]
    choices = [
        {"question": q.id, "answers": [given[0][q.id], given[1][q.id]]}
        for q in assessment.questions.values()
        if not any(q.feeds(d.id) for d in assessment.dimensions)
        and given[0][q.id] is not None
        and given[1][q.id] is not None
    ]
    differing_choices = [c["question"] for c in choices if not _same(*c["answers"])]
    return {
        "assessment": assessment.id,
        "title": assessment.title,
        "results": list(results),
        "dimensions": dimensions,
        "agree": [d["id"] for d in dimensions if d["agree"]],
        "differ": differ,
        "choices": [{**c, "same": _same(*c["answers"])} for c in choices],
        "prompts": _prompts(assessment, [*differ, *differing_choices]),
        "needs": [_needs(assessment, result) for result in results],
    }


def _prompts(assessment: Assessment, differences: list[str]) -> list[dict[str, str]]:
    titles = {d.id: d.title for d in assessment.dimensions}
    titles.update({q.id: q.text for q in assessment.questions.values() if q.id not in titles})
    prompts = assessment.together.prompts
    chosen = [key for key in differences if key in prompts][:MOST_PROMPTS]
    return [{"about": key, "title": titles[key], "text": prompts[key]} for key in chosen]


def _needs(assessment: Assessment, result: Result) -> list[dict[str, str]]:
    """What each of a person's styles needs from the other person, where the author says."""
    needs = {p.id: p.needs for p in assessment.profiles if p.needs}
    return [
        {"profile": p["id"], "title": p["title"], "text": needs[p["id"]]}
        for p in result["profile"]
        if p["id"] in needs
    ]


def _same(first: Answer, second: Answer) -> bool:
    if isinstance(first, list) and isinstance(second, list):
        return sorted(first) == sorted(second)
    return first == second


def _refuse_knowledge_check(assessment: Assessment) -> None:
    if assessment.kind == KNOWLEDGE_CHECK:
        raise AnswerError(NOT_COMPARED)


def _values(question: Question) -> list[Any] | None:
    """The answers a question takes, when it takes one of a list (None: a number)."""
    return TYPES[question.type].describe(question).get("values")


def _pack_one(question: Question, value: Answer) -> Any:
    values = _values(question)
    if value is None or values is None:
        return value
    if isinstance(value, list):
        return [values.index(item) for item in value]
    return values.index(value)


def _unpack_one(question: Question, packed: object) -> object:
    values = _values(question)
    if packed is None or values is None:
        return packed

    def value_at(index: object) -> object:
        if not is_int(index) or not 0 <= index < len(values):
            raise AnswerError(BROKEN_LINK)
        return values[index]

    if isinstance(packed, list):
        return [value_at(index) for index in packed]
    return value_at(packed)


def _base64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _check(text: str) -> str:
    return f"{zlib.crc32(text.encode()):08x}"
