"""Which origin a request goes to, as the browser sees it."""

from __future__ import annotations

from urllib.parse import urlsplit


def origin_of(url: str) -> str:
    """The host and port a URL belongs to; a ``blob:`` URL belongs to the
    origin of the URL it wraps (the URL Standard), so a worker the page made
    from its own script counts as the page's origin, and a blob made by
    another origin does not."""
    parts = urlsplit(url)
    if parts.scheme == "blob":
        return urlsplit(parts.path).netloc
    return parts.netloc
