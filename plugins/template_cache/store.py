"""Jinja's file-system bytecode cache, keyed by the environment as well, and
never the cause of a failed build."""

from __future__ import annotations

import hashlib
import logging

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from .signature import environment_signature

log = logging.getLogger(__name__)


class TemplateCache(FileSystemBytecodeCache):
    """One file per template, environment signature and loader path; Jinja
    itself checks the stored source checksum and its own format version,
    and writes each file atomically (parallel builds are safe). Entries of a
    template whose source changed are overwritten in place, so the folder
    grows only with new templates, new plugin sets or edits to a filter's
    module (a few hundred KB each; `make clean` empties it)."""

    def __init__(self, directory: str) -> None:
        super().__init__(directory, pattern="%s.jinja")

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        key = hashlib.sha256(
            "\0".join((environment_signature(environment), name, filename or "")).encode()
        ).hexdigest()[:32]
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        # Jinja drops an entry whose code is damaged but not one whose header
        # is (a truncated or overwritten file): compile again instead.
        try:
            super().load_bytecode(bucket)
        except Exception as error:
            log.debug("template cache: unreadable entry %s (%s)", bucket.key, error)
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError as error:  # a full disk or a read-only folder: just slower
            log.debug("template cache: cannot write %s (%s)", bucket.key, error)
