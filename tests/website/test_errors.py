"""A broken content file: a clear message naming the file, and a failing build."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def test_a_bad_date_names_the_file_and_the_reason(content_copy: Path, tmp_path: Path) -> None:
    guide = content_copy / "guides" / "common-mistakes.md"
    edit(guide, lambda text: re.sub(r"(?m)^Date: .*$", "Date: next Tuesday", text))
    build = build_site(tmp_path / "out", content=content_copy)
    assert build.returncode != 0
    assert "guides/common-mistakes.md: 'next Tuesday' is not a valid date" in build.log


def test_a_link_to_a_missing_file_names_the_file_holding_it(
    content_copy: Path, tmp_path: Path
) -> None:
    guide = content_copy / "guides" / "what-connection-is.md"
    edit(guide, lambda text: text + "\nSee [this]({filename}/practices/no-such-practice.md).\n")
    line = len(guide.read_text(encoding="utf-8").splitlines())
    build = build_site(tmp_path / "out", content=content_copy)
    assert build.returncode != 0
    assert (
        f"guides/what-connection-is.md:{line}: link to '/practices/no-such-practice.md'"
        in build.log
    )


def test_an_unknown_related_slug_names_the_file(content_copy: Path, tmp_path: Path) -> None:
    practice = content_copy / "practices" / "ten-practices.md"
    edit(practice, lambda text: re.sub(r"(?m)^Related: ", "Related: no-such-guide, ", text))
    lines = practice.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("Related: no-such"))
    build = build_site(tmp_path / "out", content=content_copy)
    assert build.returncode != 0
    assert f"practices/ten-practices.md:{line}: Related: unknown slug 'no-such-guide'" in build.log


def test_every_problem_is_listed_before_the_build_fails(content_copy: Path, tmp_path: Path) -> None:
    edit(
        content_copy / "guides" / "common-mistakes.md",
        lambda text: re.sub(r"(?m)^Date: .*$", "Date: soon", text),
    )
    edit(
        content_copy / "practices" / "ten-practices.md",
        lambda text: text + "\n[x]({filename}/nowhere.md)\n",
    )
    build = build_site(tmp_path / "out", content=content_copy)
    assert build.returncode != 0
    assert "guides/common-mistakes.md: 'soon' is not a valid date" in build.log
    assert re.search(r"practices/ten-practices\.md:\d+: link to '/nowhere\.md'", build.log)
    assert "problems reported above; fix them and build again" in build.log


def test_a_clean_build_reports_no_problem(site) -> None:  # type: ignore[no-untyped-def]
    assert "WARNING" not in site.log and "ERROR" not in site.log
