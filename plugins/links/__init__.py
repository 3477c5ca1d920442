"""Name the file behind every broken intrasite link.

Pelican warns "Unable to find 'x', skipping url replacement" without saying
which file holds the link; an author needs the file to fix it."""

from .plugin import register

__all__ = ["register"]
