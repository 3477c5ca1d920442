#!/usr/bin/env bash
# Print the path of a Python interpreter for the project's virtual environment.
#
# Pyodide 0.29 runs Python 3.13, and byte-compiled files only load in the
# runtime when the build's Python has the same minor version, so 3.13 is
# preferred. Any 3.12+ still builds a working site (shipping source instead of
# bytecode, with one warning at build time).
set -euo pipefail

wanted_minor=13

works() { "$@" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }
minor() { "$@" -c 'import sys; print(sys.version_info[1])'; }

candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
candidates+=(python3.13)
# pyenv keeps versions that its shims refuse to run unless selected.
if command -v pyenv >/dev/null 2>&1; then
  for dir in "$(pyenv root)"/versions/3.13*/bin; do
    [ -x "$dir/python3.13" ] && candidates+=("$dir/python3.13")
  done
fi
candidates+=(python3.14 python3.12 python3)

fallback=""
for candidate in "${candidates[@]}"; do
  path=$(command -v "$candidate" 2>/dev/null) || continue
  works "$path" || continue
  if [ "$(minor "$path")" = "$wanted_minor" ]; then
    echo "$path"
    exit 0
  fi
  [ -z "$fallback" ] && fallback="$path"
done

if [ -n "$fallback" ]; then
  echo "find-python: no Python 3.13 found; using $fallback (the assessment package will ship as source, not bytecode)" >&2
  echo "$fallback"
  exit 0
fi
echo "find-python: no Python 3.12 or newer found. Install Python 3.13 (python.org, your package manager, or pyenv) and run make again, or set PYTHON=/path/to/python3.13." >&2
exit 1
