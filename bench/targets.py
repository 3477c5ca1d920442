"""The issue's targets, each set beside the number that decides it.

Reported, never asserted: a missed target is a line in the table, not a
failure. A target whose numbers were not measured in this run (a --quick run
skips some) says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# "As soon as a guide page is": within this much of the guide page, in ms.
INTERACTIVE_SLACK_MS = 50


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    status: str  # met | missed | not measured

    def as_dict(self) -> dict[str, str]:
        return {"target": self.target, "measured": self.measured, "status": self.status}


def dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def verdict(target: str, checks: list[tuple[str, float | None, bool | None]]) -> Verdict:
    """`checks`: (label with the number, value, met?) per condition measured."""
    measured = [(label, ok) for label, value, ok in checks if value is not None]
    if not measured:
        return Verdict(target, "-", "not measured")
    status = "met" if all(ok for _, ok in measured) else "missed"
    return Verdict(target, "; ".join(label for label, _ in measured), status)


def evaluate(build: dict[str, Any], browser: dict[str, Any]) -> list[Verdict]:
    verdicts = []
    profiles = ("loopback", "slow")

    checks = []
    for profile in profiles:
        for page, label in (("guide_cold", "guide"), ("quiz_guide_cold", "guide with a quiz")):
            value = dig(browser, "compiled", profile, page, "runtime_bytes")
            checks.append((f"{value} B ({label}, {profile})", value, value == 0))
    verdicts.append(verdict("Guide pages load zero runtime bytes", checks))

    checks = []
    for profile in profiles:
        form = dig(browser, "compiled", profile, "assessment_cold", "interactive")
        guide = dig(browser, "compiled", profile, "guide_cold", "interactive")
        if form is not None and guide is not None:
            checks.append(
                (
                    f"form {form:.0f} ms vs guide {guide:.0f} ms ({profile})",
                    form,
                    form <= guide + INTERACTIVE_SLACK_MS,
                )
            )
    verdicts.append(
        verdict(
            "The form is interactive as soon as a guide page is "
            f"(within {INTERACTIVE_SLACK_MS} ms)",
            checks,
        )
    )

    checks = []
    for profile in profiles:
        for scenario in ("assessment_cold", "assessment_warm", "assessment_early_submit"):
            visit = dig(browser, "compiled", profile, scenario)
            if not visit:
                continue
            worst = max(
                visit.get("longest_task_loading_worst") or 0,
                visit.get("longest_task_showing_worst") or 0,
            )
            label = "none ≥ 50 ms" if worst < 50 else f"{worst:.0f} ms"
            visit_name = scenario.removeprefix("assessment_").replace("_", " ")
            checks.append(
                (
                    f"{label} ({profile}, {visit_name})",
                    worst,
                    worst <= 50,
                )
            )
    worst_check = max(checks, key=lambda c: c[1] or 0, default=None)
    verdicts.append(
        verdict(
            "No main-thread task over 50 ms caused by scoring (worst visit)",
            [worst_check] if worst_check else [],
        )
    )

    checks = []
    for profile in profiles:
        value = dig(browser, "compiled", profile, "assessment_cold", "submit_to_result")
        checks.append(
            (
                f"{value:.0f} ms ({profile})" if value is not None else "",
                value,
                value is not None and value < 50,
            )
        )
    verdicts.append(verdict("Submit to result under 50 ms when ready (cold visit, median)", checks))

    value = dig(browser, "compiled", "loopback", "assessment_cold", "ready_from_interaction")
    verdicts.append(
        verdict(
            "Scoring ready within 1.0 s of the first interaction, cold, on loopback",
            [
                (
                    f"{value / 1000:.2f} s" if value is not None else "",
                    value,
                    value is not None and value <= 1000,
                )
            ],
        )
    )

    checks = []
    for label, key in (
        ("this site", "site"),
        ("1,000 guides + 50 assessments", "gen1000"),
        ("100 guides + 50 assessments", "gen100"),
    ):
        ratio = dig(build, key, "ratio")
        if ratio is not None:
            change = (ratio - 1) * 100
            checks.append((f"{change:+.0f}% ({label})", ratio, ratio <= 1.15))
            if key == "gen1000":
                break
    verdicts.append(verdict("The plugin adds at most 15% to plain Pelican", checks))
    return verdicts
