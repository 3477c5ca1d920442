"""The plugin's settings: each with its default and what it is for, in one
place. A site's value is checked against its kind when Pelican starts; an
unknown `ASSESSMENT_` name or a value of the wrong kind is refused with a
sentence naming it."""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any, NamedTuple

from .links import site_links
from .source import MAX_FILE_BYTES

PREFIX = "ASSESSMENT_"


class Setting(NamedTuple):
    default: Any
    kind: type | tuple[type, ...]
    description: str
    choices: tuple[Any, ...] | None = None  # the only values allowed, if any


# The scripted pages' Content-Security-Policy, strict as Pyodide allows:
# WebAssembly needs 'wasm-unsafe-eval' (never 'unsafe-eval'); the scoring
# worker is a blob: module worker, which inherits this policy, so it may fetch
# from this site only; Trusted Types guard the places the page script creates
# a worker URL or inserts result HTML. {policy} is ASSESSMENT_TRUSTED_TYPES_POLICY.
DEFAULT_CSP = (
    "default-src 'none'; img-src 'self' data:; style-src 'self'; font-src 'self'; "
    "base-uri 'none'; form-action 'none'; object-src 'none'; "
    "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; "
    "require-trusted-types-for 'script'; trusted-types {policy}"
)

SETTINGS: dict[str, Setting] = {
    "ASSESSMENT_PATHS": Setting(
        ["assessments"], list, "Folders under PATH holding one YAML file per assessment."
    ),
    "ASSESSMENT_MAX_FILE_BYTES": Setting(
        MAX_FILE_BYTES,
        int,
        "Largest assessment file, in bytes, the build reads; a larger one is an error "
        "(every byte of it reaches a page and a package each reader downloads).",
    ),
    "ASSESSMENT_URL": Setting("assessments/{slug}/", str, "URL of an assessment's page."),
    "ASSESSMENT_SAVE_AS": Setting(
        "assessments/{slug}/index.html", str, "Where an assessment's page is written."
    ),
    "ASSESSMENT_INDEX_URL": Setting("assessments/", str, "URL of the list of assessments."),
    "ASSESSMENT_INDEX_SAVE_AS": Setting(
        "assessments/index.html", str, "Where the list is written; '' writes none."
    ),
    "ASSESSMENT_EMBED_LABEL": Setting(
        "A private check-in",
        str,
        "The small heading above an assessment embedded in a page, in the site's own word "
        "for assessments (a knowledge check's says 'Check your understanding').",
    ),
    "ASSESSMENT_RUNTIME_DIR": Setting(
        "py", str, "Output folder for the Pyodide runtime, the lockfile and the package."
    ),
    "ASSESSMENT_STATIC_DIR": Setting(
        "theme/assessments",
        str,
        "Output folder for the page script, the scoring worker and the stylesheet.",
    ),
    "ASSESSMENT_PYODIDE_DIR": Setting(
        "node_modules/pyodide",
        str,
        "The installed Pyodide npm package (`npm install pyodide`) the runtime is copied from.",
    ),
    "ASSESSMENT_PACKAGE_JSON": Setting(
        "package.json",
        str,
        "The package.json that pins Pyodide; the build refuses a runtime of another version.",
    ),
    "ASSESSMENT_BYTE_COMPILE": Setting(
        True,
        bool,
        "Byte-compile the package and the standard library when the build's Python "
        "matches the runtime's (several times faster start-up in the browser).",
    ),
    "ASSESSMENT_STDLIB": Setting(
        "cut",
        str,
        "'cut' ships only the standard-library modules Pyodide's start-up, the engine and "
        "the authors' modules can import (about a third of the bytes); 'full' ships all of it.",
        ("cut", "full"),
    ),
    "ASSESSMENT_CHECK_IN_PYODIDE": Setting(
        True,
        bool,
        "Score the examples of every assessment with a scoring module through the built "
        "package under Pyodide in Node, as a reader's browser runs it, and refuse those that "
        "fail there (needs Node.js; cached by the package's hash).",
    ),
    "ASSESSMENT_CACHE": Setting(
        True,
        bool,
        "Keep build results (parsed files, checks, the byte-compiled standard library) "
        "in CACHE_PATH/assessments between builds.",
    ),
    "ASSESSMENT_TRUSTED_TYPES_POLICY": Setting(
        "assessments", str, "Name of the page script's Trusted Types policy."
    ),
    "ASSESSMENT_CSP": Setting(
        DEFAULT_CSP,
        str,
        "Content-Security-Policy of pages with a form; {policy} stands for the Trusted "
        "Types policy name. Added as a <meta> to pages whose theme sets none.",
    ),
}

# Settings of earlier versions, and what took their place.
REPLACED = {"ASSESSMENT_CACHE_DIR": "CACHE_PATH (the cache is CACHE_PATH/assessments)"}


class SettingsError(Exception):
    """A setting the plugin cannot use."""


def apply_defaults(settings: MutableMapping[str, Any]) -> None:
    """Check the site's ASSESSMENT_ settings, then fill in every default."""
    problems = list(setting_problems(settings))
    if problems:
        raise SettingsError("; ".join(problems))
    for name, setting in SETTINGS.items():
        settings.setdefault(name, setting.default)
    settings["ASSESSMENT_CSP"] = settings["ASSESSMENT_CSP"].replace(
        "{policy}", settings["ASSESSMENT_TRUSTED_TYPES_POLICY"]
    )
    settings.setdefault("JINJA_FILTERS", {})["site_links"] = site_links


def setting_problems(settings: Mapping[str, Any]) -> list[str]:
    problems = []
    for name, value in settings.items():
        if not name.startswith(PREFIX):
            continue
        if name in REPLACED:
            problems.append(f"assessments: setting {name} is gone; use {REPLACED[name]}")
        elif name not in SETTINGS:
            known = ", ".join(sorted(SETTINGS))
            problems.append(f"assessments: unknown setting {name}; known settings: {known}")
        elif SETTINGS[name].choices is not None and value not in SETTINGS[name].choices:
            allowed = " or ".join(repr(choice) for choice in SETTINGS[name].choices)
            problems.append(f"assessments: setting {name} must be {allowed}, not {value!r}")
        elif not _is_kind(value, SETTINGS[name]):
            problems.append(
                f"assessments: setting {name} must be {_kind_name(SETTINGS[name].kind)}, "
                f"not {value!r}"
            )
    return problems


def _is_kind(value: Any, setting: Setting) -> bool:
    if setting.kind is bool or not isinstance(value, bool):
        if setting.kind is list:
            return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
        return isinstance(value, setting.kind)
    return False  # True is an int, but never a folder name or a list


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names: dict[object, str] = {
        str: "text",
        bool: "True or False",
        int: "a whole number",
        list: "a list of folder names",
    }
    return names.get(kind, str(kind))
