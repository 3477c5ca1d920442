"""Reading the built site: every HTML page, parsed, with its URL path."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

BASE = "https://site.invalid/"
# The production address (tests.conftest.SITEURL) is this same site.
SITEURL = "https://example.org/closer"


def localise(reference: str) -> str:
    """Absolute links to the site's own address become root links on BASE."""
    reference = reference.strip()
    if reference == SITEURL or reference.startswith(SITEURL + "/"):
        return BASE + reference[len(SITEURL) + 1 :]
    return reference


@dataclass(frozen=True)
class Page:
    path: str  # relative to the output root, e.g. guides/x/index.html
    soup: BeautifulSoup

    @property
    def url(self) -> str:
        return urljoin(BASE, self.path)


def html_pages(output: Path) -> Iterator[Page]:
    for file in sorted(output.rglob("*.html")):
        path = file.relative_to(output).as_posix()
        yield Page(path, BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser"))


def resolve(page: Page, reference: str) -> tuple[str, str] | None:
    """(file path in the output, fragment) that `reference` on `page` points at,
    or None when it points to another origin or is not a file link."""
    absolute = urljoin(page.url, localise(reference))
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or parts.netloc != urlsplit(BASE).netloc:
        return None
    path = parts.path.lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path, parts.fragment


def is_other_origin(page: Page, reference: str) -> bool:
    absolute = urljoin(page.url, localise(reference))
    parts = urlsplit(absolute)
    if parts.scheme in ("data", "blob"):
        return False
    return parts.netloc != urlsplit(BASE).netloc or parts.scheme not in ("https",)
