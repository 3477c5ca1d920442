"""Count warnings and errors during a build; exit non-zero at the end if any."""

from __future__ import annotations

import logging
import sys
from typing import Any

from pelican import signals

log = logging.getLogger(__name__)


class ProblemCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        # "explains" adds a reason to a counted record; "advisory" is a warning
        # about the build environment, not a mistake in the content.
        if getattr(record, "explains", False) or getattr(record, "advisory", False):
            return
        self.count += 1
        # Pelican logs "Could not process guides/x.md" and hides the reason
        # unless DEBUG is on; emit() runs inside its `except`, so the reason is
        # still at hand, and the author needs it to fix the file.
        reason = sys.exc_info()[1]
        if reason is not None and not record.exc_info and record.msg == "Could not process %s":
            log.error("%s: %s", record.args[0], reason, extra={"explains": True})


COUNTER = ProblemCounter()


def is_autoreloading(argv: list[str]) -> bool:
    """Whether Pelican runs with --autoreload (-r, possibly combined as -lr):
    then the server must keep running so the author can fix and save."""
    return any(
        arg == "--autoreload" or (arg.startswith("-") and not arg.startswith("--") and "r" in arg)
        for arg in argv[1:]
    )


def start_counting(pelican: Any) -> None:
    root = logging.getLogger()
    if COUNTER not in root.handlers:
        root.addHandler(COUNTER)
    COUNTER.count = 0


def fail_on_problems(pelican: Any) -> None:
    count, COUNTER.count = COUNTER.count, 0
    if not count:
        return
    log.error(
        "build_report: %d problem%s reported above; fix %s and build again",
        count,
        "" if count == 1 else "s",
        "it" if count == 1 else "them",
    )
    if not is_autoreloading(sys.argv):
        raise SystemExit(1)


def register() -> None:
    signals.initialized.connect(start_counting)
    signals.finalized.connect(fail_on_problems)
