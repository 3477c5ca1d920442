"""Scoring for the rope tally: threads added against threads taken away.

The engine scores the form first (feedback and recommendations). This module
then adds, in ``result["extra"]``:

- ``ratio``: positive moments per negative one, rounded half up to one decimal,
  or ``None`` when no negative moments were counted;
- ``reading``: a plain-language reading of the ratio against five to one;
- ``positives``, ``negatives``, ``period`` and ``target`` (5), as counted;
- ``more_to_target``: how many more positive moments would have reached 5:1;
- ``level``: where the count stands, one of ``nothing`` (nothing counted),
  ``only-warm`` (no hard moments), ``outnumbered`` (more hard than warm),
  ``even``, ``short`` (more warm than hard, under 5:1) and ``meets`` (5:1 or more).

It appends two or three ideas for adding threads to ``result["notes"]``.
Standard library only.
"""

from decimal import ROUND_HALF_UP, Decimal

TARGET = 5

WHEN = {"day": "That day", "week": "That week"}

IDEA_HELLO = (
    "When you see each other after time apart, put your phones down and give "
    "a real hello for the first few minutes."
)
IDEA_MESSAGE = (
    "Send one message that isn't about plans or chores, just to say you're thinking of them."
)
IDEA_THANKS = (
    "At bedtime, name one specific thing they did that you liked, such as "
    '"Thanks for making the coffee this morning."'
)
IDEA_BREATH = (
    "When you feel a sharp word coming, take one slow breath first. Then say "
    "how the moment landed for you."
)
IDEA_REACH = (
    'After a hard moment, reach out: a hand on the arm, or a simple "What do you need right now?"'
)
IDEA_SHARE = (
    "Keep doing what works. Tell your partner about one moment from your "
    "tally that meant a lot to you."
)
IDEA_TALLY = (
    "Next time, keep a quick tally as you go, on your phone or a scrap of "
    "paper: one mark for each warm moment and one for each hard one."
)


def _moments(count: int) -> str:
    return f"{count} moment" if count == 1 else f"{count} moments"


def _ratio(positives: int, negatives: int) -> float | None:
    if negatives == 0:
        return None
    exact = Decimal(positives) / Decimal(negatives)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _reading(positives: int, negatives: int, ratio: float | None, when: str) -> str:
    if positives == 0 and negatives == 0:
        return (
            "You didn't count any moments this time, and that's fine. Some days "
            "pass in a blur. Try the tally again and note moments as they happen."
        )
    if negatives == 0:
        return (
            f"{when}, you counted {_moments(positives)} that added threads and "
            "none that took any away. With nothing on the other side there is "
            "no ratio to work out: your rope only grew. Enjoy that."
        )
    if positives == 0:
        return (
            f"{when}, you counted {_moments(negatives)} that took threads away "
            "and none that added any. That can happen in a hard stretch, and it "
            "says nothing final about the two of you. Noticing it is a real "
            "first step, and one small warm moment is a good place to start."
        )
    if positives < negatives:
        return (
            f"{when}, you counted {_moments(positives)} that added threads and "
            f"{_moments(negatives)} that took threads away: more hard moments "
            "than warm ones. A rope can start to feel thin in a stretch like "
            "that. It isn't a judgement of either of you. Small threads add up "
            "quickly, so start with one today."
        )
    if positives == negatives:
        return (
            f"{when}, you counted {_moments(positives)} that added threads and "
            "as many that took threads away. When hard moments keep pace with "
            "warm ones, a rope can start to feel thin. Small threads add up "
            "quickly, so start with one today."
        )
    if positives >= TARGET * negatives:
        return (
            f"That's about {ratio:g} warm moments for every hard one. That meets "
            "the rough five-to-one balance John Gottman saw in stable couples. "
            "Your rope is getting stronger."
        )
    more = TARGET * negatives - positives
    return (
        f"That's about {ratio:g} warm moments for every hard one. More threads "
        "went in than came out, and that counts. It is still short of the "
        "rough five-to-one balance John Gottman saw in stable couples: "
        f"{more} more warm {'moment' if more == 1 else 'moments'} would have "
        "reached it."
    )


def _level(positives: int, negatives: int) -> str:
    if positives == 0 and negatives == 0:
        return "nothing"
    if negatives == 0:
        return "only-warm"
    if positives < negatives:
        return "outnumbered"
    if positives == negatives:
        return "even"
    return "meets" if positives >= TARGET * negatives else "short"


def _ideas(positives: int, negatives: int, repairs: int | None) -> list[str]:
    if positives == 0 and negatives == 0:
        return [IDEA_TALLY, IDEA_MESSAGE, IDEA_THANKS]
    if negatives == 0:
        return [IDEA_SHARE, IDEA_MESSAGE, IDEA_THANKS]
    if positives >= TARGET * negatives:
        return [IDEA_SHARE, IDEA_THANKS, IDEA_BREATH]
    third = IDEA_REACH if not repairs else IDEA_BREATH
    return [IDEA_HELLO, IDEA_MESSAGE, third]


def score(answers: dict[str, object], result: dict[str, object]) -> dict[str, object]:
    """Add the ratio, its reading and ideas to the engine's result."""
    positives = answers.get("positives")
    negatives = answers.get("negatives")
    period = answers.get("period")
    repairs = answers.get("repairs")
    if not isinstance(positives, int) or not isinstance(negatives, int):
        msg = "positives and negatives must be whole numbers"
        raise TypeError(msg)
    if period not in WHEN:
        msg = "period must be a day or a week"
        raise ValueError(msg)
    if not isinstance(repairs, int):
        repairs = None

    ratio = _ratio(positives, negatives)
    reading = _reading(positives, negatives, ratio, WHEN[str(period)])
    if repairs and negatives:
        times = "once" if repairs == 1 else f"{repairs} times"
        reading += f" One of you also reached out to make up {times}. That matters."

    extra = result.get("extra")
    extra = dict(extra) if isinstance(extra, dict) else {}
    extra.update(
        {
            "ratio": ratio,
            "reading": reading,
            "positives": positives,
            "negatives": negatives,
            "period": period,
            "target": TARGET,
            "more_to_target": max(0, TARGET * negatives - positives),
            "level": _level(positives, negatives),
        }
    )
    notes = result.get("notes")
    result["extra"] = extra
    result["notes"] = [
        *(notes if isinstance(notes, list) else []),
        *_ideas(positives, negatives, repairs),
    ]
    return result
