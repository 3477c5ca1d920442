"""Zip archives that come out byte-identical from the same inputs."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

# 1980-01-01, the earliest time a zip entry can carry: any fixed value would do.
FIXED_EPOCH = 315532800
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def zip_entry(arcname: str, compress_type: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(arcname, date_time=FIXED_DATE)
    info.compress_type = compress_type
    info.external_attr = 0o644 << 16
    return info


@contextlib.contextmanager
def fixed_source_date() -> Iterator[None]:
    """SOURCE_DATE_EPOCH for the duration: wheel's RECORD entry and
    py_compile's hash-based .pyc files both read it."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(FIXED_EPOCH)
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def normalise_zip(path: Path) -> None:
    """Rewrite a zip with sorted entries and a fixed timestamp."""
    with zipfile.ZipFile(path) as source:
        entries = sorted((info.filename, source.read(info)) for info in source.infolist())
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
        temporary = Path(handle.name)
    with zipfile.ZipFile(temporary, "w") as target:
        for arcname, data in entries:
            target.writestr(zip_entry(arcname), data)
    temporary.chmod(0o644)  # NamedTemporaryFile creates 0600; the web server must read it
    shutil.move(temporary, path)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
