#!/usr/bin/env bash
# Make Firefox ESR and WebKitGTK (its WebKitWebDriver, and xvfb for its
# MiniBrowser, which has no headless mode) available for the browser tests.
#
# As root on Debian or Ubuntu, installs what is missing from the distribution's
# packages (no browser download from outside the package registries). Elsewhere
# it says once what will be skipped: the tests then skip those engines, unless
# REQUIRE_ALL_BROWSERS=1 asks them to fail instead. Chromium is
# scripts/ensure-chromium.sh's.
set -euo pipefail

missing=()
[ -x "${FIREFOX:-/usr/bin/firefox-esr}" ] || command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
{ [ -n "${WEBKIT_WEBDRIVER:-}" ] && [ -x "$WEBKIT_WEBDRIVER" ]; } || command -v WebKitWebDriver >/dev/null 2>&1 \
  || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
[ ${#missing[@]} = 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && grep -qiE '^ID(_LIKE)?=.*(debian|ubuntu)' /etc/os-release; then
  echo "ensure-browsers: installing ${missing[*]} from the distribution's packages" >&2
  # Another apt (a second worktree's `make test`) may hold the lock: wait for it.
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || true
  available=()
  for package in "${missing[@]}"; do
    # Ubuntu, for one, ships Firefox as a snap and no firefox-esr package.
    if apt-cache show "$package" >/dev/null 2>&1; then
      available+=("$package")
    else
      echo "ensure-browsers: no $package package here: its engine's tests will be skipped" >&2
    fi
  done
  if [ ${#available[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
      --no-install-recommends "${available[@]}" >&2 \
      || echo "ensure-browsers: installing ${available[*]} failed: those engines' tests will be skipped" >&2
  fi
  exit 0
fi

echo "ensure-browsers: not root on Debian/Ubuntu, so ${missing[*]} not installed: the Firefox/WebKit" \
  "tests will be skipped (REQUIRE_ALL_BROWSERS=1 makes them fail instead)" >&2
