"""A loopback static server that answers like GitHub Pages, and counts.

GitHub Pages (Fastly) sends `Cache-Control: max-age=600`, an ETag, and
compresses text, JavaScript, JSON and WebAssembly with gzip on the fly (zip
files go as they are). The stock `http.server` does none of it, which would
make the warm-cache and slow-network numbers unlike a real visit. Every
response is logged (path, status, bytes on the wire) so a benchmark can count
what actually crossed the network, worker requests included.
"""

from __future__ import annotations

import contextlib
import email.utils
import gzip
import hashlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

MAX_AGE = 600
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".webmanifest": "application/manifest+json",
}
COMPRESSIBLE = (
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".xml",
    ".txt",
    ".svg",
    ".wasm",
    ".webmanifest",
)


@dataclass(frozen=True)
class Hit:
    """One response: when it started and ended (time.monotonic), what, how big."""

    start: float
    end: float
    method: str
    path: str
    status: int
    wire_bytes: int  # status line, headers and body as sent
    body_bytes: int  # the body as sent (compressed when gzipped)
    raw_bytes: int  # the file's own size (what the body would be without gzip)


class Site:
    """The files of one built site, with gzipped copies made once and kept."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._gzipped: dict[Path, bytes] = {}
        self._lock = threading.Lock()

    def resolve(self, url_path: str) -> Path | None:
        relative = unquote(urlsplit(url_path).path).lstrip("/")
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root):
            return None
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() else None

    def gzipped(self, path: Path) -> bytes:
        with self._lock:
            if path not in self._gzipped:
                self._gzipped[path] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            return self._gzipped[path]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a browser gets from a CDN
    server: PagesServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        self.respond(body=False)

    def do_GET(self) -> None:
        self.respond(body=True)

    def respond(self, body: bool) -> None:
        start = time.monotonic()
        site = self.server.site
        path = site.resolve(self.path)
        status = 200
        if path is None:
            status, path = 404, site.root / "404.html"
        data = path.read_bytes() if path.is_file() else b"Not found"
        raw = len(data)
        stat = path.stat() if path.is_file() else None
        etag = f'"{hashlib.sha1(data).hexdigest()[:16]}"'
        headers = {
            "Content-Type": TYPES.get(path.suffix, "application/octet-stream"),
            "Cache-Control": f"max-age={MAX_AGE}",
            "ETag": etag,
            "Vary": "Accept-Encoding",
        }
        if stat is not None:
            headers["Last-Modified"] = email.utils.formatdate(stat.st_mtime, usegmt=True)
        if status == 200 and self.headers.get("If-None-Match") == etag:
            status, data = 304, b""
        elif path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = site.gzipped(path) if path.is_file() else gzip.compress(data)
            headers["Content-Encoding"] = "gzip"
        headers["Content-Length"] = str(len(data))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        head_bytes = sum(len(line) for line in getattr(self, "_headers_buffer", []))
        self.end_headers()
        sent = 0
        if body and data:
            try:
                self.wfile.write(data)
                sent = len(data)
            except (BrokenPipeError, ConnectionResetError):
                pass
        self.server.record(
            Hit(
                start,
                time.monotonic(),
                self.command,
                urlsplit(self.path).path,
                status,
                head_bytes + 2 + sent,
                sent,
                raw,
            )
        )


class PagesServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site: Site) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.site = site
        self.hits: list[Hit] = []
        self._lock = threading.Lock()

    def record(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)

    def take(self) -> list[Hit]:
        """Every response since the last call, oldest first."""
        with self._lock:
            hits, self.hits = self.hits, []
        return hits

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


@contextlib.contextmanager
def serve(root: Path) -> Iterator[PagesServer]:
    server = PagesServer(Site(root))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
