"""The assessment engine: the one place where scoring lives.

Standard library only, no I/O: plain data in, plain data out. The same files run
under CPython at build and test time and under Pyodide in the reader's browser.
The format of a definition is content/assessments/*.yaml; see the project docs.

Public API
----------
``Engine(definitions, scorers={})``
    ``definitions`` maps an assessment id to its definition data (already
    validated); ``scorers`` maps an id to an author's function
    ``score(answers: dict, result: dict) -> dict``.
``Engine.catalog() -> dict``
    ``{id: {"title", "kind", "questions": [{"id", "type", "optional", ...}]}}``,
    each question with ``"values"`` (likert: 1..n; scale: 0..10; single and
    multiple: the option values) or ``"min"`` and ``"max"`` (number), as its
    type describes it (``questions.TYPES[type].describe``). It never says which
    options of a knowledge check are correct.
``Engine.score(assessment_id, answers) -> dict``
    The result below, or ``AnswerError``, the one exception it raises: its
    str() is a sentence fit to show a reader.
``Engine.compare(assessment_id, answers_a, answers_b) -> dict``
    Two people's answers to one assessment (not a knowledge check), compared:
    the comparison below, or ``AnswerError`` as ``score`` raises it.
``Engine.pack(assessment_id, answers) -> str``, ``Engine.unpack(assessment_id, token) -> dict``
    Answers as the short, versioned token a partner's link carries, and back
    (checked, every question id present); a token for another version of the
    assessment, or one cut short or changed, raises ``AnswerError`` saying so.
    ``Engine.version(assessment_id)`` is the version the token carries (the
    form's ``data-version``). See ``together.py`` for the token's format.
``catalog()``, ``score()``, ``compare()``, ``pack()``, ``unpack()``
    The same on the default engine, built on first use from the generated
    module ``assessment_engine._compiled`` (``DEFINITIONS``, and ``SCORERS``
    naming modules of ``assessment_engine.authored``, imported when first
    needed). Without that module there are no assessments.

At build time, ``assessment_engine.validation`` has ``validate(data)``, every
problem of a definition as ``Problem(path, message)``, and
``check_examples(assessment, scorer)``; ``assessment_engine.model`` has
``Assessment.from_definition(data)``.

Answers
-------
A dict from question id to: likert, an int 1..n (true/false are not ints);
scale, an int 0..10;
single, an option value; multiple, a list of distinct option values, possibly
empty (an answer all the same); number, an int from min to max (3.0 is
refused). An optional question may be missing or None ("prefer not to say");
a required one may not. Answers that are not a dict, an unknown question id,
a wrong type or a value a question does not accept raise AnswerError; when
the fault is one question's, the message names it by its text:
``"How often do you ...?" needs an answer.``

Scoring rules
-------------
- Likert: the value v counts as n + 1 - v when the question is reverse keyed;
  scale: v counts as 10 - v. A dimension's raw score is the sum of
  weight * value over its answered likert and scale
  questions, plus the ``scores`` of the chosen options of single and multiple
  questions. Its min and max are the least and greatest raw score its answered
  questions could give: likert weight * 1 to weight * n; scale 0 to
  weight * 10; single the least and
  greatest score of one option (0 where an option lists none); multiple the sum
  of the negative scores to the sum of the positive ones. Skipped optional
  questions count in none of raw, min and max.
- score = the integer nearest to 100 * (raw - min) / (max - min), halves
  rounded up (not Python's round(), which rounds halves to even). When
  max == min (nothing answered feeds the dimension) the score and the band
  are None and a note says there were not enough answers.
- band: the band whose from..to holds the score.
- profile: the profiles whose dimension score is at least the top profile
  score minus ``profile_rule.blend_within`` (default 0), highest score first.
  Tie rule: equal scores keep the order of the profiles in the file. Two or
  more profiles are a blend; none when no profile dimension has a score.
- feedback: for each answered question in form order, a likert or scale question's
  feedback for the chosen value; a single question's chosen option's
  feedback; a multiple question's chosen options' feedback, one entry each,
  in the order the options are declared.
- quiz (``kind: knowledge-check`` only, else None): every question in form
  order, ``chosen`` and ``answer`` (its options marked ``correct``) both in
  declared order. A question is correct when ``chosen`` equals ``answer``: a
  single question's one correct option, a multiple question's exact set. A
  skipped optional question is not correct, with ``chosen`` []. ``correct``
  counts the correct questions, ``total`` all of them. (The format: every
  question of a knowledge check is single or multiple, its right options
  marked ``correct: true``, exactly one for single, and every option has
  ``feedback``; an example may expect ``correct: N``. Dimensions, profiles
  and bands are optional and score as above.)
- recommendations: in file order, those whose ``when`` holds, each slug once.
  ``{question, values}`` holds when the answer (any chosen option of a
  multiple question) is one of ``values``.
- With an author's module, the result above is computed first, then
  ``scorer(answers, result)`` receives copies: the checked answers (every
  question id, None when skipped) and the result. It must return a dict with
  the same keys, its scores whole numbers 0-100 or None, all plain JSON data;
  anything else, or an exception, becomes AnswerError (the cause chained).
- Deterministic: the same answers give the same result, byte for byte after
  json.dumps(result, sort_keys=True).

Result
------
::

    {"assessment": id, "title": str,
     "dimensions": [{"id", "title", "raw", "min", "max", "score": int | None,
                     "band": {"id", "label", "text"} | None,
                     "answered": int, "questions": int}],
     "profile": [{"id", "title", "summary", "helps", "pitfall", "next_move", "score"}],
     "quiz": {"correct": int, "total": int,
              "questions": [{"question": id, "correct": bool,
                             "chosen": [value], "answer": [value]}]} | None,
     "feedback": [{"question": id, "value": the answer value, "text": str}],
     "recommendations": [{"slug", "title", "url", "reason"}],
     "notes": [str],
     "extra": {}}

Comparison
----------
::

    {"assessment": id, "title": str,
     "results": [result_a, result_b],
     "dimensions": [{"id", "title", "scores": [a, b], "difference": int | None,
                     "agree": bool | None}],
     "agree": [dimension id], "differ": [dimension id],
     "choices": [{"question": id, "answers": [a, b], "same": bool}],
     "prompts": [{"about": id, "title": str, "text": str}],
     "needs": [[{"profile", "title", "text"}], [...]]}

- Two scores agree when they are at most ``together.agree_within`` points
  apart (default 10); ``difference`` and ``agree`` are None when either
  person's score is. ``agree`` lists those dimensions in file order,
  ``differ`` the others that both scored, largest difference first (ties in
  file order).
- ``choices``: every question that feeds no dimension and both answered, in
  form order, ``same`` when the answers are equal (a multiple question's as
  sets).
- ``prompts``: the author's ``together.prompts`` for the differing
  dimensions in ``differ`` order, then for the differing choices in form
  order; at most three.
- ``needs``: per person, for each style of their profile, the author's
  ``needs`` (what that style needs from the other person), where written.
- Swapping the people swaps every pair (``results``, ``scores``,
  ``answers``, ``needs``) and changes nothing else.

raw, min and max are ints when every weight and option score involved is an
int, else floats. ``questions`` counts the questions that feed a dimension,
``answered`` those of them answered. ``quiz`` is None unless the assessment is
a knowledge check. ``extra`` is for an author's module.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping
from typing import Any

from .errors import AnswerError
from .model import Assessment, Question
from .questions import TYPES
from .scoring import Result, Scorer
from .scoring import score as _score
from .together import compare as _compare
from .together import pack as _pack
from .together import unpack as _unpack
from .together import version as _version

__all__ = ["AnswerError", "Engine", "catalog", "compare", "pack", "score", "unpack"]


class Engine:
    """Scores the assessments it was given."""

    def __init__(
        self, definitions: Mapping[str, Mapping[str, Any]], scorers: Mapping[str, Scorer] = {}
    ) -> None:
        self._assessments = {
            key: Assessment.from_definition(data) for key, data in definitions.items()
        }
        self._scorers = dict(scorers)

    def catalog(self) -> dict[str, Any]:
        return {
            key: {
                "title": assessment.title,
                "kind": assessment.kind,
                "questions": [_entry(q) for q in assessment.questions.values()],
            }
            for key, assessment in self._assessments.items()
        }

    def score(self, assessment_id: str, answers: object) -> Result:
        return _score(self._get(assessment_id), answers, self._scorers.get(assessment_id))

    def compare(self, assessment_id: str, answers_a: object, answers_b: object) -> dict[str, Any]:
        assessment = self._get(assessment_id)
        return _compare(assessment, answers_a, answers_b, self._scorers.get(assessment_id))

    def pack(self, assessment_id: str, answers: object) -> str:
        return _pack(self._get(assessment_id), answers)

    def unpack(self, assessment_id: str, token: object) -> dict[str, Any]:
        return _unpack(self._get(assessment_id), token)

    def version(self, assessment_id: str) -> str:
        return _version(self._get(assessment_id))

    def _get(self, assessment_id: object) -> Assessment:
        if not isinstance(assessment_id, str) or assessment_id not in self._assessments:
            raise AnswerError("This assessment is not available.")
        return self._assessments[assessment_id]


def _entry(question: Question) -> dict[str, Any]:
    return {
        "id": question.id,
        "type": question.type,
        "optional": question.optional,
        **TYPES[question.type].describe(question),
    }


def catalog() -> dict[str, Any]:
    """The default engine's catalog."""
    return _default_engine().catalog()


def score(assessment_id: str, answers: object) -> Result:
    """Score with the default engine."""
    return _default_engine().score(assessment_id, answers)


def compare(assessment_id: str, answers_a: object, answers_b: object) -> dict[str, Any]:
    """Compare two people's answers with the default engine."""
    return _default_engine().compare(assessment_id, answers_a, answers_b)


def pack(assessment_id: str, answers: object) -> str:
    """A partner's link token for `answers`, from the default engine."""
    return _default_engine().pack(assessment_id, answers)


def unpack(assessment_id: str, token: object) -> dict[str, Any]:
    """The answers in a partner's link token, from the default engine."""
    return _default_engine().unpack(assessment_id, token)


@functools.cache
def _default_engine() -> Engine:
    try:
        compiled = importlib.import_module(f"{__name__}._compiled")
    except ModuleNotFoundError:  # the source tree: the plugin writes it into the wheel only
        return Engine({})
    scorers = {key: _authored(name) for key, name in compiled.SCORERS.items()}
    return Engine(compiled.DEFINITIONS, scorers)


def _authored(module: str) -> Scorer:
    """An author's score(), its module imported on first use."""

    def run(answers: dict[str, Any], result: Result) -> object:
        return importlib.import_module(f"{__name__}.authored.{module}").score(answers, result)

    return run
