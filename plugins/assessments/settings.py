"""The plugin's settings and their defaults, in one place."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .embeds import render_embeds
from .links import site_links

DEFAULTS: dict[str, Any] = {
    # Folders under PATH holding one YAML file per assessment.
    "ASSESSMENT_PATHS": ["assessments"],
    "ASSESSMENT_URL": "assessments/{slug}/",
    "ASSESSMENT_SAVE_AS": "assessments/{slug}/index.html",
    "ASSESSMENT_INDEX_URL": "assessments/",
    "ASSESSMENT_INDEX_SAVE_AS": "assessments/index.html",
    # Where the runtime, the lockfile and our wheel go inside the output.
    "ASSESSMENT_RUNTIME_DIR": "py",
    # The npm package folder that holds the Pyodide runtime, and the one place
    # its version is pinned (`dependencies.pyodide`).
    "ASSESSMENT_PYODIDE_DIR": "node_modules/pyodide",
    "ASSESSMENT_PACKAGE_JSON": "package.json",
    # Byte-compile the wheel and the standard library when the build's Python
    # matches the runtime's (several times faster start-up in the browser).
    "ASSESSMENT_BYTE_COMPILE": True,
    # Folder for build artefacts reused between builds (the compiled stdlib).
    "ASSESSMENT_CACHE_DIR": ".cache/assessments",
}


def apply_defaults(settings: dict[str, Any]) -> None:
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    filters = settings.setdefault("JINJA_FILTERS", {})
    filters["site_links"] = site_links
    filters["embed_quizzes"] = embed_quizzes


@pass_context
def embed_quizzes(context: Context, html: str, item: Any) -> Markup:
    """Jinja filter: `{{ article.content | embed_quizzes(article) }}`."""
    return render_embeds(context.environment, html, item, context.get_all(), context["SITEURL"])
