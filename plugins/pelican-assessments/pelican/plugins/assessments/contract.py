"""What the build and the reader's browser share, defined once.

The build writes these names into every page with a form (the form's
`data-contract` attribute, see `browser_contract`), and the page script and
the scoring worker read them from there: no script repeats a name defined
here. The worker protocol is owned by the worker's own Python module,
`assessment_engine.worker`, which ships inside the package.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .sanitize import allowed_html

# The wheel that carries the engine, every definition and the authors' modules.
DISTRIBUTION = "site-assessments"
# Its import name in the browser (the engine's subpackage, renamed: the
# browser never sees Pelican or any build code).
ENGINE_PACKAGE = "assessment_engine"
WORKER_MODULE = f"{ENGINE_PACKAGE}.worker"

# What loadPyodide fetches; the npm package's other files (pyodide.js, maps,
# type declarations, consoles) are never requested by the site.
RUNTIME_MODULE = "pyodide.mjs"
RUNTIME_FILES = (RUNTIME_MODULE, "pyodide.asm.js", "pyodide.asm.wasm")
STDLIB = "python_stdlib.zip"
# The cut library (stdlib_cut): a zip of uncompressed members, gzipped whole.
# Static hosts send .zip files as they are (GitHub Pages compresses text, JSON
# and wasm, not zip), so the build compresses it, across files, and the worker
# decompresses it (DecompressionStream) before Pyodide reads it.
STDLIB_CUT = "python_stdlib.zip.gz"
LOCKFILE = "pyodide-lock.json"

# Output folders are KIND-HASH: a new deploy never mixes files, and an
# unchanged runtime keeps its URL (and every cache of it).
RUNTIME_KIND = "runtime"
PACKAGE_KIND = "package"
FOLDER_KINDS = (RUNTIME_KIND, PACKAGE_KIND)


class Layout(NamedTuple):
    """Where a page finds the runtime and the package, relative to the site root."""

    runtime: str  # e.g. "py/runtime-3f2a9c0d1e/"
    package: str  # e.g. "py/package-0b1c2d3e4f/", holding the lockfile and the wheel
    stdlib: str = STDLIB  # the standard library's file in `runtime`: STDLIB or STDLIB_CUT
    # (file name, bytes) of every file the worker downloads: runtime and package
    sizes: tuple[tuple[str, int], ...] = ()
    # the same, gzipped as a static host sends them: what a download costs
    wire_sizes: tuple[tuple[str, int], ...] = ()


def browser_contract(layout: Layout, static_dir: str) -> dict[str, Any]:
    """What the page script needs, with every URL relative to the page script's
    own folder (`static_dir`), so the same markup works on any page."""
    up = "../" * len([part for part in static_dir.strip("/").split("/") if part])
    return {
        "siteRoot": up or "./",
        "runtime": up + layout.runtime,
        "package": up + layout.package,
        "distribution": DISTRIBUTION,
        "module": WORKER_MODULE,
        "runtimeModule": RUNTIME_MODULE,
        "runtimeFiles": [*RUNTIME_FILES, layout.stdlib],
        # Handed to loadPyodide as stdLibURL: the standard library the build
        # cut (or shipped whole, ASSESSMENT_STDLIB = "full"); gunzipped by
        # the worker when its name ends in .gz.
        "stdlib": layout.stdlib,
        "lockFile": LOCKFILE,
        # Bytes per file, before the host's compression: the page tells a
        # reader who saves data the total, and counts progress against it.
        "sizes": dict(layout.sizes),
        # Bytes on the wire, gzipped as static hosts send them: the cost a
        # reader is told (the counter above reads decoded bytes).
        "wireSizes": dict(layout.wire_sizes),
        # What HTML the page may insert (sanitize.py): results carry the
        # build's HTML, and an author's module could put any text in a result.
        "html": allowed_html(),
    }
