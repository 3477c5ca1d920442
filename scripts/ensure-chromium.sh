#!/usr/bin/env bash
# Make a Chromium available for the browser tests and print its path.
#
# Playwright's own `playwright install` downloads a browser build from outside
# the package registries, which fails on closed networks; Debian's chromium
# package works everywhere apt does. Order: $CHROMIUM, a system Chromium,
# Debian's package (as root), then Playwright's download.
set -euo pipefail

for candidate in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "$candidate"
    exit 0
  fi
done

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "ensure-chromium: installing Debian's chromium package" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  echo /usr/bin/chromium
  exit 0
fi

echo "ensure-chromium: no system Chromium; trying Playwright's own download" >&2
.venv/bin/playwright install chromium >&2
# An empty answer tells the tests to use Playwright's bundled browser.
echo ""
