"""Turn a validated definition into what the page and the engine receive:
Markdown fields rendered to HTML, recommendation slugs resolved to links."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

# (path pattern, key): "*" stands for every item of a list or value of a mapping.
MARKDOWN_FIELDS: tuple[tuple[str, ...], ...] = (
    ("intro",),
    ("sections", "*", "intro"),
    ("sections", "*", "questions", "*", "feedback", "*"),
    ("sections", "*", "questions", "*", "options", "*", "feedback"),
    ("dimensions", "*", "bands", "*", "text"),
    ("profiles", "*", "summary"),
    ("profiles", "*", "helps"),
    ("profiles", "*", "pitfall"),
    ("profiles", "*", "next_move"),
)


def compile_definition(
    data: Mapping[str, Any],
    render_markdown: Callable[[str], str],
    link_of: Callable[[str], tuple[str, str]],
) -> dict[str, Any]:
    """A deep copy of `data` with Markdown fields as HTML and each recommendation
    given `title` and `url` (from `link_of(slug)`)."""
    compiled = copy.deepcopy(dict(data))
    for pattern in MARKDOWN_FIELDS:
        _render_at(compiled, pattern, render_markdown)
    for recommendation in compiled.get("recommendations", []):
        recommendation["title"], recommendation["url"] = link_of(recommendation["slug"])
    return compiled


def _render_at(node: Any, pattern: tuple[str, ...], render: Callable[[str], str]) -> None:
    head, *rest = pattern
    if head == "*":
        children = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
    elif isinstance(node, dict) and head in node:
        children = [(head, node[head])]
    else:
        return
    for key, child in children:
        if rest:
            _render_at(child, tuple(rest), render)
        elif isinstance(child, str):
            node[key] = render(child)
