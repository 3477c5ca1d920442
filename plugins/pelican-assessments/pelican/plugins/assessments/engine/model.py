"""The assessment model: immutable records built from validated definition data.

Named tuples rather than dataclasses: a dataclass writes and compiles its
methods when its module is imported, which in the browser (CPython compiled
to WebAssembly) made importing this module take 35 to 85 ms of the time a
reader waits for scoring to be ready; named tuples take a few."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from .questions import TYPES

Number = int | float

# The default of mapping fields: shared, so it must not be changeable.
NOTHING: Mapping[Any, Any] = MappingProxyType({})

# Taking it together: two scores at most this many points apart agree, unless
# the assessment's `together.agree_within` says otherwise.
AGREE_WITHIN = 10


class Scale(NamedTuple):
    name: str
    labels: tuple[str, ...]


class Option(NamedTuple):
    value: str
    label: str
    feedback: str = ""
    scores: Mapping[str, Number] = NOTHING
    correct: bool = False  # a knowledge check's right answer


class Question(NamedTuple):
    id: str
    type: str  # a name in questions.TYPES
    text: str
    help: str = ""
    optional: bool = False
    # likert and scale
    scale: Scale | None = None
    dimension: str = ""
    weight: Number = 1
    reverse: bool = False
    feedback: Mapping[int, str] = NOTHING
    # single and multiple
    options: tuple[Option, ...] = ()
    # number
    min: int = 0
    max: int = 0
    unit: str = ""
    # scale: the labels of its two ends
    low: str = ""
    high: str = ""

    def feeds(self, dimension: str) -> bool:
        """Whether answering this question can add to `dimension`."""
        return TYPES[self.type].feeds(self, dimension)


class Section(NamedTuple):
    title: str
    intro: str
    questions: tuple[Question, ...]


class Band(NamedTuple):
    id: str
    start: int  # `from` in the data
    end: int  # `to` in the data
    label: str
    text: str


class Dimension(NamedTuple):
    id: str
    title: str
    description: str
    bands: tuple[Band, ...]


class Profile(NamedTuple):
    id: str
    dimension: str
    title: str
    summary: str
    helps: str
    pitfall: str
    next_move: str
    needs: str = ""  # what this style needs from a partner (taking it together)


class Condition(NamedTuple):
    """A recommendation's `when`; all fields empty means `always`."""

    dimension: str = ""
    bands: tuple[str, ...] = ()
    profile: str = ""
    question: str = ""
    values: tuple[str | int, ...] = ()


class Recommendation(NamedTuple):
    slug: str
    when: Condition
    title: str = ""
    url: str = ""
    reason: str = ""


class Example(NamedTuple):
    name: str
    answers: object
    expect: Mapping[str, Any]


class TogetherExample(NamedTuple):
    name: str
    answers: tuple[object, object]  # the first person's, the second's
    expect: Mapping[str, Any]


class Together(NamedTuple):
    """How two people's answers are compared (`together` in the data)."""

    agree_within: Number = AGREE_WITHIN
    prompts: Mapping[str, str] = NOTHING  # a dimension or question id -> its prompt
    examples: tuple[TogetherExample, ...] = ()


class Assessment(NamedTuple):
    id: str
    kind: str
    title: str
    summary: str
    intro: str
    minutes: int | None
    dimensions: tuple[Dimension, ...]
    sections: tuple[Section, ...]
    questions: Mapping[str, Question]  # every question by id, in form order
    profiles: tuple[Profile, ...]
    blend_within: Number
    recommendations: tuple[Recommendation, ...]
    scoring: str
    examples: tuple[Example, ...]
    together: Together = Together()

    @classmethod
    def from_definition(cls, data: Mapping[str, Any]) -> Assessment:
        """Build the model from definition data that `validate()` accepted."""
        scales = {
            name: Scale(name, tuple(scale["labels"]))
            for name, scale in (data.get("scales") or {}).items()
        }
        sections = tuple(
            Section(
                section["title"],
                section.get("intro") or "",
                tuple(_question(q, scales) for q in section["questions"]),
            )
            for section in data["sections"]
        )
        return cls(
            id=data["id"],
            kind=data.get("kind") or "assessment",
            title=data["title"],
            summary=data["summary"],
            intro=data.get("intro") or "",
            minutes=data.get("minutes"),
            dimensions=tuple(
                Dimension(
                    d["id"],
                    d["title"],
                    d.get("description") or "",
                    tuple(
                        Band(b["id"], b["from"], b["to"], b["label"], b["text"]) for b in d["bands"]
                    ),
                )
                for d in data.get("dimensions") or ()
            ),
            sections=sections,
            questions={q.id: q for s in sections for q in s.questions},
            profiles=tuple(
                Profile(
                    p["id"],
                    p["dimension"],
                    p["title"],
                    p["summary"],
                    p["helps"],
                    p["pitfall"],
                    p["next_move"],
                    p.get("needs") or "",
                )
                for p in data.get("profiles") or ()
            ),
            blend_within=(data.get("profile_rule") or {}).get("blend_within") or 0,
            recommendations=tuple(
                Recommendation(
                    r["slug"],
                    _condition(r["when"]),
                    r.get("title") or "",
                    r.get("url") or "",
                    r.get("reason") or "",
                )
                for r in data.get("recommendations") or ()
            ),
            scoring=data.get("scoring") or "",
            examples=tuple(
                Example(e["name"], e["answers"], e["expect"]) for e in data.get("examples") or ()
            ),
            together=_together(data.get("together") or {}),
        )


def _question(data: Mapping[str, Any], scales: dict[str, Scale]) -> Question:
    return Question(
        id=data["id"],
        type=data["type"],
        text=data["text"],
        help=data.get("help") or "",
        optional=data.get("optional") or False,
        scale=scales.get(data.get("scale") or ""),
        dimension=data.get("dimension") or "",
        weight=data.get("weight") or 1,
        reverse=data.get("reverse") or False,
        feedback=dict(data.get("feedback") or {}),
        options=tuple(
            Option(
                o["value"],
                o["label"],
                o.get("feedback") or "",
                # a null score counts as absent, as everywhere in the format
                {d: s for d, s in (o.get("scores") or {}).items() if s is not None},
                o.get("correct") or False,
            )
            for o in data.get("options") or ()
        ),
        min=data.get("min") or 0,
        max=data.get("max") or 0,
        unit=data.get("unit") or "",
        low=data.get("low") or "",
        high=data.get("high") or "",
    )


def _together(data: Mapping[str, Any]) -> Together:
    agree_within = data.get("agree_within")
    return Together(
        agree_within=AGREE_WITHIN if agree_within is None else agree_within,
        prompts=dict(data.get("prompts") or {}),
        examples=tuple(
            TogetherExample(e["name"], (e["first"], e["second"]), e["expect"])
            for e in data.get("examples") or ()
        ),
    )


def _condition(when: Any) -> Condition:
    if when == "always":
        return Condition()
    return Condition(
        when.get("dimension") or "",
        tuple(when.get("bands") or ()),
        when.get("profile") or "",
        when.get("question") or "",
        tuple(when.get("values") or ()),
    )
