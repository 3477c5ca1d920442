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
    ("profiles", "*", "needs"),
    ("together", "prompts", "*"),
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


def markdown_texts(data: Mapping[str, Any]) -> list[str]:
    """Every Markdown field's text in `data`, in order (repeats kept)."""
    texts: list[str] = []
    for pattern in MARKDOWN_FIELDS:
        _visit(data, pattern, lambda _node, _key, text: texts.append(text))
    return texts


def _render_at(node: Any, pattern: tuple[str, ...], render: Callable[[str], str]) -> None:
    def replace(parent: Any, key: Any, text: str) -> None:
        parent[key] = render(text)

    _visit(node, pattern, replace)


def _visit(node: Any, pattern: tuple[str, ...], action: Callable[[Any, Any, str], None]) -> None:
    """Call `action(parent, key, text)` for each string `pattern` reaches."""
    head, *rest = pattern
    if head == "*":
        children = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
    elif isinstance(node, dict) and head in node:
        children = [(head, node[head])]
    else:
        return
    for key, child in children:
        if rest:
            _visit(child, tuple(rest), action)
        elif isinstance(child, str):
            action(node, key, child)
