"""Reading aids for guides and practices: reading time, a table of contents on
long pieces, and "Related" links resolved from a `Related:` metadata field."""

from .plugin import register

__all__ = ["register"]
