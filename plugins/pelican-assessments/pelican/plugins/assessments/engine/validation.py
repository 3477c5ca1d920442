"""Checks of definition data for authors: every problem, each with the path to its node.

`validate(data)` accepts anything YAML can give and never raises; `check_examples()`
runs an assessment's `examples` through the scoring and reports every mismatch.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeGuard

from .errors import AnswerError
from .model import Assessment
from .questions import TYPES
from .scoring import Scorer, is_int, score
from .together import compare

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One problem: `path` addresses the node in the plain data, `message` says what to do."""

    path: Path
    message: str


SLUG = (re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*"), "be a lowercase slug (a-z, 0-9 and '-')")
NAME = (re.compile(r"[a-z0-9_-]+"), "use only a-z, 0-9, '_' and '-'")
SCRIPT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*\.py")
LIMIT = 1000  # the largest weight or option score: keeps every sum far from overflow
BIG = 10**9  # the largest whole number accepted anywhere, so that every message can show it

KINDS = ("assessment", "knowledge-check")
# How results show dimension scores: as levels (bands, "Growing, 63 of 100"),
# or as shares of the answers ("about 40% of your answers"), for assessments
# whose every answer adds one point to exactly one dimension, so the scores
# add up to 100.
DISPLAYS = ("levels", "shares")
TOP_REQUIRED = ("id", "title", "summary", "sections")
TOP_OPTIONAL = (
    "kind", "intro", "minutes", "display", "scales", "dimensions", "profiles",
    "profile_rule", "recommendations", "scoring", "examples", "together",
)  # fmt: skip
# Every key some question type has, beyond those every question has.
TYPE_KEYS = tuple(
    dict.fromkeys(key for kind in TYPES.values() for key in (*kind.required, *kind.optional))
)
PROFILE_KEYS = ("id", "dimension", "title", "summary", "helps", "pitfall", "next_move")
CONDITIONS = (("dimension", "bands"), ("profile",), ("question", "values"))
CONDITION_KEYS = ("dimension", "bands", "profile", "question", "values")
BAD_WHEN = (
    "'when' must be 'always' or a mapping: {dimension, bands}, {profile} or {question, values}"
)
TOGETHER_KEYS = ("agree_within", "prompts", "examples")
TOGETHER_EXPECT_KEYS = ("agree", "differ", "prompts", "error")
EXPECT_KEYS = (
    "scores", "bands", "correct", "profile", "feedback", "recommendations", "extra", "error",
)  # fmt: skip
QUIZ_TYPES = tuple(name for name, kind in TYPES.items() if kind.in_knowledge_check)
ONLY_QUIZ = "'correct' applies only to a knowledge check (kind: knowledge-check)"


def validate(data: object) -> list[Problem]:
    """Every problem in a definition; [] when it is valid."""
    checker = _Checker()
    checker.assessment(data)
    return checker.problems


def check_examples(assessment: Assessment, scorer: Scorer | None = None) -> list[Problem]:
    """Run the `examples` of a valid assessment; a problem for each outcome that differs."""
    problems: list[Problem] = []
    for index, example in enumerate(assessment.examples):
        path: Path = ("examples", index, "expect")
        expect = example.expect
        try:
            result = score(assessment, example.answers, scorer)
        except AnswerError as error:
            message = str(error)
            if error.__cause__ is not None:  # the author's module failed: say how
                message += f" ({type(error.__cause__).__name__}: {error.__cause__})"
            if "error" not in expect:
                problems.append(Problem((*path[:2], "answers"), f"answers refused: {message}"))
            elif expect["error"] not in message:
                message = (
                    f"expected an error containing {_show(expect['error'])}, got {_show(message)}"
                )
                problems.append(Problem((*path, "error"), message))
            continue
        if "error" in expect:
            problems.append(
                Problem((*path, "error"), "expected an error, but the answers were scored")
            )
        dimensions = {d["id"]: d for d in result["dimensions"]}
        for dimension, wanted in (expect.get("scores") or {}).items():
            got = dimensions.get(dimension, {}).get("score")
            if got != wanted:
                message = f"expected score {_show(wanted)} for '{dimension}', got {_show(got)}"
                problems.append(Problem((*path, "scores", dimension), message))
        for dimension, wanted in (expect.get("bands") or {}).items():
            got = (dimensions.get(dimension, {}).get("band") or {}).get("id")
            if got != wanted:
                message = f"expected band {_show(wanted)} for '{dimension}', got {_show(got)}"
                problems.append(Problem((*path, "bands", dimension), message))
        if "correct" in expect:
            quiz = result["quiz"]  # an author's module may have made it anything
            got = quiz.get("correct") if isinstance(quiz, dict) else None
            if got != expect["correct"]:
                message = f"expected {_show(expect['correct'])} correct, got {_show(got)}"
                problems.append(Problem((*path, "correct"), message))
        extra = result["extra"] if isinstance(result["extra"], dict) else {}
        for key, wanted in (expect.get("extra") or {}).items():
            if key not in extra or extra[key] != wanted:
                got = _show(extra[key]) if key in extra else "nothing"
                message = f"expected extra '{key}' {_show(wanted)}, got {got}"
                problems.append(Problem((*path, "extra", key), message))
        outcomes = {
            "profile": [p["id"] for p in result["profile"]],
            # the questions that got feedback: a multiple question once, however many options
            "feedback": list(dict.fromkeys(f["question"] for f in result["feedback"])),
            "recommendations": [r["slug"] for r in result["recommendations"]],
        }
        for key, got_ids in outcomes.items():
            if key in expect and list(expect[key]) != got_ids:
                message = f"expected {key} [{', '.join(expect[key])}], got [{', '.join(got_ids)}]"
                problems.append(Problem((*path, key), message))
    return problems + _check_together(assessment, scorer)


def _check_together(assessment: Assessment, scorer: Scorer | None) -> list[Problem]:
    """The `together` examples, compared as the page compares them; and prompts that
    could never show (a question that feeds a dimension is compared through it)."""
    problems: list[Problem] = []
    for key in assessment.together.prompts:
        question = assessment.questions.get(key)
        if key not in {d.id for d in assessment.dimensions} and question is not None:
            fed = [d.id for d in assessment.dimensions if question.feeds(d.id)]
            if fed:
                message = (
                    f"question '{key}' feeds '{fed[0]}', so it is compared there: "
                    f"give the prompt to '{fed[0]}'"
                )
                problems.append(Problem(("together", "prompts", key), message))
    for index, example in enumerate(assessment.together.examples):
        path: Path = ("together", "examples", index, "expect")
        expect = example.expect
        try:
            comparison = compare(assessment, *example.answers, scorer)
        except AnswerError as error:
            if "error" not in expect:
                message = f"answers refused: {error}"
                problems.append(Problem((*path[:3], "first"), message))
            elif expect["error"] not in str(error):
                wanted, got = _show(expect["error"]), _show(str(error))
                message = f"expected an error containing {wanted}, got {got}"
                problems.append(Problem((*path, "error"), message))
            continue
        if "error" in expect:
            problems.append(
                Problem((*path, "error"), "expected an error, but the answers were compared")
            )
        outcomes = {
            "agree": comparison["agree"],
            "differ": comparison["differ"],
            "prompts": [prompt["about"] for prompt in comparison["prompts"]],
        }
        for key, got_ids in outcomes.items():
            if key in expect and list(expect[key]) != got_ids:
                message = f"expected {key} [{', '.join(expect[key])}], got [{', '.join(got_ids)}]"
                problems.append(Problem((*path, key), message))
    return problems


def _show(value: object) -> str:
    """A value in a message: text quoted, numbers as written, anything else by its kind
    (str() of any value could be huge, or fail on an int of over 4300 digits)."""
    if value is None:
        return "none"
    if isinstance(value, bool):  # as YAML writes it
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, float) or (is_int(value) and abs(value) <= BIG):
        return str(value)
    return _describe(value)


def _describe(value: object) -> str:
    """What a value is, in an author's words."""
    if isinstance(value, bool):
        return "true/false"
    kinds = ((int | float, "a number"), (str, "text"), (list, "a list"), (dict, "a mapping"))
    return next((name for kind, name in kinds if isinstance(value, kind)), "another kind of value")


def _step(key: object) -> str | int:
    """A mapping key as a step of a path."""
    return key if isinstance(key, str) or is_int(key) else _show(key)


def _got(value: object) -> str:
    """A wrong value as an author wrote it."""
    if is_int(value) and abs(value) > BIG:
        # "not a number" would be untrue; its size is what is wrong. str() of an
        # int fails beyond 4300 digits, hence the bound.
        big = abs(value)
        size = f"{len(str(big))} digits" if big.bit_length() < 14_000 else "thousands of digits"
        return f"a number of {size}"
    return "empty text" if isinstance(value, str) and not value.strip() else _show(value)


def _is_number(value: object) -> TypeGuard[int | float]:
    return is_int(value) or (isinstance(value, float) and math.isfinite(value))


def _unknown(
    what: str, name: object, known: Sequence[str], suggest: bool = False, owner: str = ""
) -> str:
    unknown = f"unknown {what} {_show(name)}" + (f" of '{owner}'" if owner else "")
    close = difflib.get_close_matches(name, known, n=1) if suggest and isinstance(name, str) else []
    if close:
        return f"{unknown} (did you mean '{close[0]}'?)"
    return f"{unknown}; " + (f"known: {', '.join(known)}" if known else "none are defined")


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.dimensions: dict[str, tuple[int, list[str]]] = {}  # id -> index, band ids
        self.fed: set[str] = set()  # the dimensions some question feeds
        # question id -> the values it accepts, and how to say a value is not one of them
        self.accepted: dict[str, tuple[Collection[object], str]] = {}
        self.quiz: bool | None = False  # a knowledge check? None: an unknown kind
        self.asked = 0  # how many questions the sections hold
        self.scales: dict[str, int] = {}  # scale name -> its number of points (0: wrong)
        self.scored_by_module = False  # whether `scoring` names an author's module

    def report(self, path: Path, message: str) -> None:
        self.problems.append(Problem(path, message))

    # Message helpers, for the question types' own checks (engine/questions).
    unknown = staticmethod(_unknown)
    show = staticmethod(_show)
    got = staticmethod(_got)
    step = staticmethod(_step)
    describe = staticmethod(_describe)

    # Generic checks. Each reads node[key] and reports at path + (key,); a null value
    # counts as absent, so an optional key left empty in YAML is fine.

    def mapping(
        self,
        node: object,
        path: Path,
        what: str,
        required: Sequence[str] = (),
        optional: Sequence[str] = (),
        elsewhere: Sequence[str] = (),
    ) -> dict[Any, Any] | None:
        if not isinstance(node, dict):
            self.report(path, f"{what} must be a mapping, not {_describe(node)}")
            return None
        known = (*required, *optional)
        for key in node:
            if key in known:
                continue
            if key in elsewhere:
                self.report((*path, key), f"'{key}' does not apply to {what}")
            else:
                self.report((*path, _step(key)), _unknown("key", key, known, suggest=True))
        for key in required:
            if node.get(key) is None:
                self.report(path, f"{what} needs '{key}'")
        return {key: value for key, value in node.items() if value is not None}

    def items(
        self, node: Mapping[str, object], key: str, path: Path, least: int = 0
    ) -> list[tuple[int, object]]:
        value = node.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.report((*path, key), f"'{key}' must be a list, not {_describe(value)}")
            return []
        if len(value) < least:  # every key checked this way is a plural: sections, options, ...
            wanted = f"one {key[:-1]}" if least == 1 else f"{least} {key}"
            self.report((*path, key), f"'{key}' needs at least {wanted}")
        return list(enumerate(value))

    def text(self, node: Mapping[str, object], key: str, path: Path) -> str | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, str) and value.strip():
            return value
        wrong = (
            "must not be empty" if isinstance(value, str) else f"must be text, not {_got(value)}"
        )
        self.report((*path, key), f"'{key}' {wrong}")
        return None

    def name(
        self,
        node: Mapping[str, object],
        key: str,
        path: Path,
        rule: tuple[re.Pattern[str], str] = NAME,
    ) -> str | None:
        value = self.text(node, key, path)
        if value is not None and not rule[0].fullmatch(value):
            self.report((*path, key), f"{key} '{value}' must {rule[1]}")
        return value

    def integer(
        self,
        node: Mapping[str, object],
        key: str,
        path: Path,
        low: int = -BIG,
        high: int = BIG,
    ) -> int | None:
        value = node.get(key)
        if value is None:
            return None
        if is_int(value) and low <= value <= high:
            return value
        self.report(
            (*path, key), f"'{key}' must be a whole number from {low} to {high}, not {_got(value)}"
        )
        return None

    def number(
        self,
        node: Mapping[Any, object],
        key: object,
        path: Path,
        low: float = -LIMIT,
        above: bool = False,
        label: str = "",
    ) -> None:
        value = node.get(key)
        if value is None:
            return
        if _is_number(value) and (value > low if above else value >= low) and value <= LIMIT:
            return
        bounds = f"greater than {low} and at most {LIMIT}" if above else f"from {low} to {LIMIT}"
        label = label or f"'{key}'"
        self.report((*path, _step(key)), f"{label} must be a number {bounds}, not {_got(value)}")

    def flag(self, node: Mapping[str, object], key: str, path: Path) -> None:
        value = node.get(key)
        if value is not None and not isinstance(value, bool):
            self.report((*path, key), f"'{key}' must be true or false, not {_describe(value)}")

    def references(
        self,
        node: Mapping[str, object],
        key: str,
        path: Path,
        what: str,
        known: Sequence[str],
        least: int = 0,
        owner: str = "",
    ) -> None:
        for index, item in self.items(node, key, path, least):
            if item not in known:
                self.report((*path, key, index), _unknown(what, item, known, owner=owner))

    # The parts of an assessment, in file order.

    def assessment(self, data: object) -> None:
        top = self.mapping(data, (), "an assessment", TOP_REQUIRED, TOP_OPTIONAL)
        if top is None:
            return
        self.name(top, "id", (), SLUG)
        kind = top.get("kind", "assessment")
        if kind not in KINDS:
            self.report(("kind",), _unknown("kind", kind, KINDS, suggest=True))
        # an unknown kind leaves open which rules apply: check neither kind's own rules
        self.quiz = kind == "knowledge-check" if kind in KINDS else None
        for key in ("title", "summary", "intro"):
            self.text(top, key, ())
        self.integer(top, "minutes", (), low=1, high=600)
        display = top.get("display")
        if display is not None and display not in DISPLAYS:
            self.report(("display",), _unknown("display", display, DISPLAYS, suggest=True))
        self.scales = self.scale_points(top.get("scales"))
        for index, dimension in self.items(top, "dimensions", ()):
            self.dimension(dimension, index)
        seen: dict[str, int] = {}  # question id -> its section's number
        for index, section in self.items(top, "sections", (), least=1):
            path = ("sections", index)
            fields = self.mapping(section, path, "a section", ("title", "questions"), ("intro",))
            if fields is not None:
                self.text(fields, "title", path)
                self.text(fields, "intro", path)
                for number, question in self.items(fields, "questions", path, least=1):
                    self.asked += 1
                    self.question(question, (*path, "questions", number), index + 1, seen)
        profiles = self.profiles(top)
        rule = self.mapping(
            top.get("profile_rule", {}), ("profile_rule",), "'profile_rule'", (), ("blend_within",)
        )
        if rule is not None:
            self.number(rule, "blend_within", ("profile_rule",), low=0)
        slugs = []
        for index, recommendation in self.items(top, "recommendations", ()):
            slugs.append(self.recommendation(recommendation, ("recommendations", index), profiles))
        if top.get("scoring") is not None:
            self.scored_by_module = True
            file = self.text(top, "scoring", ())
            if file is not None and not SCRIPT.fullmatch(file):
                self.report(
                    ("scoring",), "'scoring' must be a file name ending in .py, such as 'tally.py'"
                )
        for index, example in self.items(top, "examples", ()):
            self.example(
                example, ("examples", index), profiles, list(seen), [s for s in slugs if s]
            )
        if top.get("together") is not None:
            self.together(top["together"], list(seen))

    def scale_points(self, node: object) -> dict[str, int]:
        """Scale name -> its number of points (0 when its labels are wrong)."""
        points: dict[str, int] = {}
        if node is None:
            return points
        if not isinstance(node, dict):
            self.report(
                ("scales",),
                f"'scales' must be a mapping of scale names to scales, not {_describe(node)}",
            )
            return points
        for name, scale in node.items():
            path: Path = ("scales", _step(name))
            if not isinstance(name, str) or not NAME[0].fullmatch(name):
                self.report(path, f"scale name {_show(name)} must {NAME[1]}")
            fields = self.mapping(scale, path, "a scale", ("labels",))
            labels = fields.get("labels") if fields else None
            fine = isinstance(labels, list) and 2 <= len(labels) <= 11
            if isinstance(labels, list) and fine:
                for index, label in enumerate(labels):
                    if not isinstance(label, str) or not label.strip():
                        message = f"label {index + 1} must be text, not {_got(label)}"
                        self.report((*path, "labels", index), message)
            elif labels is not None:
                got = len(labels) if isinstance(labels, list) else _describe(labels)
                self.report(
                    (*path, "labels"), f"'labels' must be a list of 2 to 11 labels, not {got}"
                )
            if isinstance(name, str):
                points[name] = len(labels) if isinstance(labels, list) and fine else 0
        return points

    def dimension(self, node: object, index: int) -> None:
        path: Path = ("dimensions", index)
        fields = self.mapping(node, path, "a dimension", ("id", "title", "bands"), ("description",))
        if fields is None:
            return
        ident = self.name(fields, "id", path)
        self.text(fields, "title", path)
        self.text(fields, "description", path)
        if ident in self.dimensions:
            self.report((*path, "id"), f"duplicate dimension id '{ident}'")
        bands = self.bands(fields, path, f"'{ident}'" if ident else f"dimension {index + 1}")
        if ident and ident not in self.dimensions:
            self.dimensions[ident] = (index, bands)

    def bands(self, node: Mapping[str, object], path: Path, owner: str) -> list[str]:
        """Check the bands of one dimension; their ids."""
        ids: list[str] = []
        spans: list[tuple[int, int, Path]] = []  # from, to, path of a band
        whole = True  # every band has a usable range: only then is coverage worth checking
        for index, band in self.items(node, "bands", path, least=1):
            where = (*path, "bands", index)
            fields = self.mapping(band, where, "a band", ("id", "from", "to", "label", "text"))
            if fields is None:
                whole = False
                continue
            ident = self.name(fields, "id", where)
            if ident in ids:
                self.report((*where, "id"), f"duplicate band id '{ident}'")
            if ident:
                ids.append(ident)
            self.text(fields, "label", where)
            self.text(fields, "text", where)
            start = self.integer(fields, "from", where, 0, 100)
            end = self.integer(fields, "to", where, 0, 100)
            if start is None or end is None:
                whole = False
            elif end < start:
                self.report((*where, "to"), f"'to' ({end}) must not be less than 'from' ({start})")
                whole = False
            else:
                if spans and start < spans[-1][0]:
                    order = f"{_span(start, end)} comes after {_span(*spans[-1][:2])}"
                    self.report(where, f"bands of {owner} must be in order: {order}")
                spans.append((start, end, where))
        if whole and spans:
            covered = -1  # the highest score covered so far
            for start, end, where in sorted(spans, key=lambda span: span[:2]):
                if start > covered + 1:
                    self.report(
                        (*where, "from"),
                        f"bands of {owner} leave {_span(covered + 1, start - 1)} uncovered",
                    )
                elif start <= covered:
                    self.report(
                        (*where, "from"),
                        f"bands of {owner} overlap at {_span(start, min(end, covered))}",
                    )
                covered = max(covered, end)
            if covered < 100:
                self.report(
                    spans[-1][2] + ("to",),
                    f"bands of {owner} leave {_span(covered + 1, 100)} uncovered",
                )
        return ids

    def question(self, node: object, path: Path, section: int, seen: dict[str, int]) -> None:
        name = node.get("type") if isinstance(node, dict) else None
        kind = TYPES.get(name) if isinstance(name, str) else None
        if kind is not None:
            required, optional = kind.required, kind.optional
            elsewhere = tuple(key for key in TYPE_KEYS if key not in required + optional)
            what = f"a {kind.name} question"
        else:
            required, optional, elsewhere, what = (), TYPE_KEYS, (), "a question"
        fields = self.mapping(
            node,
            path,
            what,
            ("id", "type", "text", *required),
            ("help", "optional", *optional),
            elsewhere,
        )
        if fields is None:
            return
        if isinstance(name, str) and kind is None:
            message = _unknown("question type", name, list(TYPES), suggest=True)
            self.report((*path, "type"), message)
        elif name is not None and not isinstance(name, str):
            self.text(fields, "type", path)
        ident = self.name(fields, "id", path)
        if ident in seen:
            self.report(
                (*path, "id"),
                f"duplicate question id '{ident}' (first used in section {seen[ident]})",
            )
        elif ident is not None:
            seen[ident] = section
        self.text(fields, "text", path)
        self.text(fields, "help", path)
        self.flag(fields, "optional", path)
        if kind is None:
            return
        if self.quiz and not kind.in_knowledge_check:
            self.report(
                (*path, "type"),
                f"'type' must be {' or '.join(QUIZ_TYPES)} in a knowledge check, not '{name}'",
            )
        kind.check(self, fields, path, ident)

    def profiles(self, top: Mapping[str, object]) -> list[str]:
        """Check the profiles and which dimensions nothing feeds; the profile ids."""
        ids: list[str] = []
        measured: dict[str, str] = {}  # dimension -> the profile it measures
        for index, profile in self.items(top, "profiles", ()):
            path = ("profiles", index)
            fields = self.mapping(profile, path, "a profile", PROFILE_KEYS, ("needs",))
            if fields is None:
                continue
            self.text(fields, "needs", path)
            ident = self.name(fields, "id", path)
            if ident in ids:
                self.report((*path, "id"), f"duplicate profile id '{ident}'")
            if ident:
                ids.append(ident)
            for key in PROFILE_KEYS[2:]:
                self.text(fields, key, path)
            dimension = self.text(fields, "dimension", path)
            if dimension is None:
                continue
            if dimension not in self.dimensions:
                self.report(
                    (*path, "dimension"), _unknown("dimension", dimension, list(self.dimensions))
                )
            elif dimension in measured:
                self.report(
                    (*path, "dimension"),
                    f"dimension '{dimension}' already measures profile '{measured[dimension]}'",
                )
            else:
                measured[dimension] = ident or ""
                if dimension not in self.fed:
                    message = f"no question feeds dimension '{dimension}'"
                    self.report(
                        (*path, "dimension"), f"profile '{ident}' can never be reached: {message}"
                    )
        for dimension, (index, _) in self.dimensions.items():
            if dimension not in self.fed and dimension not in measured:
                self.report(("dimensions", index), f"no question feeds dimension '{dimension}'")
        return ids

    def recommendation(self, node: object, path: Path, profiles: list[str]) -> str | None:
        fields = self.mapping(
            node, path, "a recommendation", ("slug", "when"), ("reason", "title", "url")
        )
        if fields is None:
            return None
        slug = self.name(fields, "slug", path, SLUG)
        for key in ("reason", "title", "url"):
            self.text(fields, key, path)
        when = fields.get("when", "always")
        path += ("when",)
        form = next(
            (form for form in CONDITIONS if isinstance(when, dict) and form[0] in when), None
        )
        if form is None:
            if when != "always":
                self.report(path, BAD_WHEN)
            return slug
        condition = (
            self.mapping(when, path, f"a {form[0]} condition", form, (), CONDITION_KEYS) or {}
        )
        subject = self.text(condition, form[0], path)
        if form[0] == "dimension" and subject is not None:
            if subject in self.dimensions:
                known = self.dimensions[subject][1]
                self.references(condition, "bands", path, "band", known, least=1, owner=subject)
            else:
                self.report(
                    (*path, "dimension"), _unknown("dimension", subject, list(self.dimensions))
                )
        elif form[0] == "profile" and subject is not None and subject not in profiles:
            self.report((*path, "profile"), _unknown("profile", subject, profiles))
        elif form[0] == "question" and subject is not None:
            if subject not in self.accepted:
                self.report((*path, "question"), _unknown("question", subject, list(self.accepted)))
            else:
                values, outside = self.accepted[subject]
                for index, value in self.items(condition, "values", path, least=1):
                    if isinstance(value, bool) or value not in values:
                        self.report((*path, "values", index), f"value {_show(value)} {outside}")
        return slug

    def example(
        self, node: object, path: Path, profiles: list[str], questions: list[str], slugs: list[str]
    ) -> None:
        fields = self.mapping(node, path, "an example", ("name", "answers", "expect"))
        if fields is None:
            return
        self.text(fields, "name", path)
        if "expect" not in fields:
            return
        path += ("expect",)
        expect = self.mapping(fields["expect"], path, "'expect'", (), EXPECT_KEYS)
        if expect is None:
            return
        if not expect:
            self.report(path, f"'expect' needs at least one of: {', '.join(EXPECT_KEYS)}")
        if "error" in expect and len(expect) > 1:
            self.report((*path, "error"), "'error' cannot be combined with other expectations")
        self.text(expect, "error", path)
        if "correct" in expect and self.quiz is False:
            self.report((*path, "correct"), ONLY_QUIZ)
        else:
            self.integer(expect, "correct", path, 0, self.asked)
        for key in ("scores", "bands"):
            expected = expect.get(key, {})
            if not isinstance(expected, dict):
                self.report(
                    (*path, key),
                    f"'{key}' must map dimension ids to expected {key}, not {_describe(expected)}",
                )
                continue
            for dimension, value in expected.items():
                where = (*path, key, _step(dimension))
                if dimension not in self.dimensions:
                    self.report(where, _unknown("dimension", dimension, list(self.dimensions)))
                elif key == "scores" and not (
                    value is None or (is_int(value) and 0 <= value <= 100)
                ):
                    self.report(
                        where,
                        f"expected score {_show(value)} must be a whole number 0-100 or null",
                    )
                elif (
                    key == "bands"
                    and value is not None
                    and value not in self.dimensions[dimension][1]
                ):
                    self.report(
                        where,
                        _unknown("band", value, self.dimensions[dimension][1], owner=dimension),
                    )
        extra = expect.get("extra", {})
        if not isinstance(extra, dict):
            self.report(
                (*path, "extra"),
                f"'extra' must map the scoring module's keys to values, not {_describe(extra)}",
            )
        elif extra and not self.scored_by_module:
            self.report((*path, "extra"), "'extra' applies only with a scoring module ('scoring')")
        self.references(expect, "profile", path, "profile", profiles)
        self.references(expect, "feedback", path, "question", questions)
        self.references(expect, "recommendations", path, "recommendation", slugs)

    def together(self, node: object, questions: list[str]) -> None:
        """`together`: how two people's answers are compared, and the examples of it."""
        path: Path = ("together",)
        if self.quiz:
            self.report(path, "'together' does not apply to a knowledge check")
            return
        fields = self.mapping(node, path, "'together'", (), TOGETHER_KEYS)
        if fields is None:
            return
        self.number(fields, "agree_within", path, low=0)
        if _is_number(fields.get("agree_within")) and fields["agree_within"] > 100:
            self.report((*path, "agree_within"), "'agree_within' must be at most 100 points")
        dimensions = list(self.dimensions)
        topics = [*dimensions, *(q for q in questions if q not in self.dimensions)]
        prompts = fields.get("prompts", {})
        if not isinstance(prompts, dict):
            self.report(
                (*path, "prompts"),
                f"'prompts' must map dimension or question ids to text, not {_describe(prompts)}",
            )
            prompts = {}
        for key in prompts:
            if key not in topics:
                self.report(
                    (*path, "prompts", _step(key)),
                    _unknown("dimension or question", key, topics, suggest=True),
                )
            else:
                self.text(prompts, key, (*path, "prompts"))
        for index, example in self.items(fields, "examples", path):
            where = (*path, "examples", index)
            example_fields = self.mapping(
                example, where, "an example", ("name", "first", "second", "expect")
            )
            if example_fields is None or "expect" not in example_fields:
                continue
            self.text(example_fields, "name", where)
            where += ("expect",)
            expect = self.mapping(
                example_fields["expect"], where, "'expect'", (), TOGETHER_EXPECT_KEYS
            )
            if expect is None:
                continue
            if not expect:
                message = f"'expect' needs at least one of: {', '.join(TOGETHER_EXPECT_KEYS)}"
                self.report(where, message)
            if "error" in expect and len(expect) > 1:
                self.report((*where, "error"), "'error' cannot be combined with other expectations")
            self.text(expect, "error", where)
            self.references(expect, "agree", where, "dimension", dimensions)
            self.references(expect, "differ", where, "dimension", dimensions)
            self.references(expect, "prompts", where, "prompt", [str(key) for key in prompts])


def _span(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}-{end}"
