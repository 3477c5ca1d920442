"""Screenshots of built pages at phone and desktop widths, for a human to look at.

    .venv/bin/python scripts/screenshots.py [OUTPUT_DIR] [PAGE ...]

Writes PNGs into .cache/screenshots/ (light and dark at 375 and 1280 px).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser import chromium
from tests.browser.serve import serve


def main() -> None:
    output = Path(sys.argv[1] if len(sys.argv) > 1 else "output")
    pages = sys.argv[2:] or ["", "guides/what-connection-is/", "practices/ten-practices/"]
    target = Path(".cache/screenshots")
    target.mkdir(parents=True, exist_ok=True)
    with serve(output) as base, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium.EXECUTABLE or "/usr/bin/chromium", args=chromium.ARGS
        )
        for scheme in ("light", "dark"):
            for width in (375, 1280):
                page = browser.new_page(
                    viewport={"width": width, "height": 900}, color_scheme=scheme
                )
                for path in pages:
                    page.goto(base + path)
                    name = (path.strip("/").replace("/", "_") or "home") + f"-{width}-{scheme}.png"
                    page.screenshot(path=target / name, full_page=True)
                    print(target / name)
                page.close()
        browser.close()


if __name__ == "__main__":
    main()
