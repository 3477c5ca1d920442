"""The devserver loop, measured: `python -m bench.devloop REBUILDS PELICAN-ARGS...`.

`pelican -r` (make devserver) keeps one Pelican instance and calls its run()
again after every change. This does the same without the file watcher: one
full build, then REBUILDS times: change one guide, run() again, and time it.
The last line printed is JSON: {"first": seconds, "rebuilds": [seconds, ...]}.
Run it on a copy of the content: it edits a guide.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

from pelican import LOG_HANDLERS, get_instance, init_logging, parse_arguments

from .sitegen import touch_guide


def main(argv: list[str]) -> None:
    rebuilds, pelican_args = int(argv[0]), ["-r", *argv[1:]]
    # build_report keeps the loop alive on problems only when it sees -r, as in `pelican -r`.
    sys.argv = ["pelican", *pelican_args]
    args = parse_arguments(pelican_args)
    init_logging(
        level=args.verbosity,
        fatal=args.fatal,
        name="pelican",
        handler=LOG_HANDLERS[args.log_handler],
        logs_dedup_min_level=getattr(logging, args.logs_dedup_min_level),
    )
    pelican, settings = get_instance(args)
    start = time.perf_counter()
    pelican.run()
    first = time.perf_counter() - start
    times = []
    for n in range(rebuilds):
        touch_guide(Path(settings["PATH"]), n)
        start = time.perf_counter()
        pelican.run()
        times.append(time.perf_counter() - start)
    print(json.dumps({"first": first, "rebuilds": times}))


if __name__ == "__main__":
    main(sys.argv[1:])
