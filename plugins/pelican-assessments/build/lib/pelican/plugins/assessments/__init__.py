"""Pelican plugin: assessments written as YAML in content/assessments/ become
accessible form pages, and their scoring is compiled into a wheel that Pyodide
runs in the reader's browser. The scoring engine is the `engine` subpackage."""

from .plugin import register

__all__ = ["register"]
