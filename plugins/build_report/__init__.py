"""Fail the build when anything was logged as a warning or an error, after
every problem has been reported.

Pelican's own `--fatal warnings` stops at the first problem (with a
traceback); an author fixing a file wants the whole list at once."""

from .plugin import register

__all__ = ["register"]
