"""Serve a built site on 127.0.0.1 from a background thread, quietly."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(root: Path, prefix: str = "") -> Iterator[str]:
    """Serve `root` at http://127.0.0.1:PORT/PREFIX and yield that base URL.
    A prefix (such as "repo/") mimics a GitHub Pages project site."""
    handler = functools.partial(QuietHandler, directory=str(root))
    if prefix:
        handler = functools.partial(PrefixHandler, prefix=prefix.strip("/"), directory=str(root))
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
