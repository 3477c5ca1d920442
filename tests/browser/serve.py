"""Serve a built site on 127.0.0.1 from a background thread, quietly; on
request, keep a record of every request it receives (the audits of engines
whose drivers report no requests rely on it) or alter what it serves."""

from __future__ import annotations

import contextlib
import functools
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass(frozen=True)
class Received:
    """One request as the server saw it."""

    method: str
    target: str  # path and query, as sent
    headers: dict[str, str]
    body: bytes


@dataclass
class Options:
    # Every request received, in order (None: keep no record).
    log: list[Received] | None = None
    # Rewrites each HTML page served (the tests' control pages).
    html: Callable[[str], str] | None = None
    # Lets any origin read the answers (a server a probe tries to reach).
    cors: bool = False
    # Forbids the HTTP cache to keep anything: what works offline afterwards
    # came from the service worker's caches.
    no_store: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


class QuietHandler(SimpleHTTPRequestHandler):
    options = Options()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _record(self) -> None:
        if self.options.log is None:
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with self.options.lock:
            self.options.log.append(Received(self.command, self.path, dict(self.headers), body))

    def do_GET(self) -> None:
        self._record()
        rewrite = self.options.html
        if rewrite is not None:
            path = Path(self.translate_path(self.path))
            page = path / "index.html" if path.is_dir() else path
            if page.suffix == ".html" and page.is_file() and self.path.endswith(("/", ".html")):
                body = rewrite(page.read_text(encoding="utf-8")).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().do_GET()

    def do_HEAD(self) -> None:
        self._record()
        super().do_HEAD()

    def do_POST(self) -> None:
        self._record()
        self.send_error(405)

    def end_headers(self) -> None:
        if self.options.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        if self.options.no_store:
            self.send_header("Cache-Control", "no-store")
        super().end_headers()


@contextlib.contextmanager
def serve(root: Path, prefix: str = "", options: Options | None = None) -> Iterator[str]:
    """Serve `root` at http://127.0.0.1:PORT/PREFIX and yield that base URL.
    A prefix (such as "repo/") mimics a GitHub Pages project site."""
    kwargs: dict[str, object] = {"directory": str(root)}
    handler_class: type[QuietHandler] = QuietHandler
    if prefix:
        handler_class = PrefixHandler
        kwargs["prefix"] = prefix.strip("/")
    if options is not None:
        handler_class = type("Handler", (handler_class,), {"options": options})
    handler = functools.partial(handler_class, **kwargs)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{prefix}"
    finally:
        server.shutdown()
        server.server_close()


class PrefixHandler(QuietHandler):
    def __init__(self, *args: object, prefix: str, **kwargs: object) -> None:
        self.prefix = "/" + prefix
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def translate_path(self, path: str) -> str:
        if path == self.prefix or path.startswith(self.prefix + "/"):
            return super().translate_path(path[len(self.prefix) :] or "/")
        return str(Path(self.directory) / "__outside_prefix__")


POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*')


def without_policy(html: str) -> str:
    """The page with its Content-Security-Policy removed: the control that
    shows a probe the policy blocks does get through without it."""
    stripped, count = POLICY_META.subn("", html)
    assert count == 1, "expected one policy <meta> per page"
    return stripped
