"""Where things are: the project, its content, its tools, the results."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SETTINGS = ROOT / "pelicanconf.py"
RESULTS = Path(__file__).resolve().parent / "results"
README = ROOT / "README.md"
# The interpreter running the bench is the project's (.venv/bin/python -m bench),
# so its pelican is the project's too.
PYTHON = sys.executable
