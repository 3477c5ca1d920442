"""A Pelican plugin for the "plain Pelican" builds: the theme's templates use
Jinja filters that the assessments plugin registers (such as `embed_quizzes`);
without the plugin they would not compile. This registers each of them as a
filter that returns its input unchanged, and does nothing else, so plain
Pelican renders the same theme and the same Markdown."""

from __future__ import annotations

from typing import Any

from pelican import signals


def passthrough(value: Any, *args: Any, **kwargs: Any) -> Any:
    return value


def plugin_filter_names() -> list[str]:
    """The filter names the assessments plugin would add, asked of the plugin
    itself (so a filter added there needs no change here)."""
    try:
        from assessments.settings import apply_defaults
    except ImportError:
        return []
    settings: dict[str, Any] = {}
    apply_defaults(settings)
    return list(settings.get("JINJA_FILTERS", {}))


def add_filters(pelican: Any) -> None:
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    for name in plugin_filter_names():
        filters.setdefault(name, passthrough)


def register() -> None:
    signals.initialized.connect(add_filters)
