"""sitemap.xml from the pages this build wrote, with a lastmod only where the
content says when it changed (see plugin.py), so identical sources give an
identical sitemap."""

from .plugin import register

__all__ = ["register"]
