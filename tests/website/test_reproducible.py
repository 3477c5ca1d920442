"""Identical sources build an identical site: two production builds, each
from empty caches into a folder of its own, match file for file and byte for
byte (the sitemap, the service worker, the wheel, the lockfile and the cut
standard library included). A deploy that changed nothing then changes no
file, and no reader's cache of it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import build_site

BUILD_SECONDS = 300


def files_of(output: Path) -> dict[str, bytes]:
    return {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }


def test_two_builds_from_empty_caches_are_identical_byte_for_byte(tmp_path: Path) -> None:
    built = {}
    for name, hash_seed in (("first", "1"), ("second", "2")):
        folder = tmp_path / name
        # Caches of their own, empty: nothing the first build made is reused.
        cache = folder / "cache"
        settings = {"CACHE_PATH": json.dumps(str(cache))}
        settings["TEMPLATE_CACHE_DIR"] = json.dumps(str(cache / "templates"))
        # Other hash seeds: an order taken from a set or a dict of strings shows.
        build = build_site(
            folder / "output",
            extra=settings,
            timeout=BUILD_SECONDS,
            environment={"PYTHONHASHSEED": hash_seed},
        )
        assert build.returncode == 0, build.log
        assert any((cache / "assessments").iterdir()), "the build used another cache"
        built[name] = files_of(build.output)
    first, second = built["first"], built["second"]
    assert len(first) > 50 and "sitemap.xml" in first and "sw.js" in first
    assert any(name.endswith(".whl") for name in first)
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert differ == []
