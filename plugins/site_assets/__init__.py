"""After the build: content hashes in the theme's file names (cache busting on a
host whose headers we cannot set), then the service worker for offline use."""

from .plugin import register

__all__ = ["register"]
