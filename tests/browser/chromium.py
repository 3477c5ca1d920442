"""How the browser tests and the benchmarks start Chromium."""

from __future__ import annotations

import os

# Debian's chromium, installed by scripts/ensure-chromium.sh (None: Playwright's own).
EXECUTABLE = os.environ.get("CHROMIUM") or None

# Without the networking flags Chromium tries to reach outside hosts at start-up,
# which both fails on a closed network and would muddy the request audits.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
