"""Problems only the whole set of files shows: files the build would not
read, one id in two files, an id that is already a page's slug."""

from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import TEST_DATA, build

# However the files clash, the build ends well within this (seconds).
BUILD_SECONDS = 120


def content_with(tmp_path: Path, files: dict[str, str]) -> Path:
    content = tmp_path / "content"
    shutil.copytree(TEST_DATA / "content", content)
    for name, text in files.items():
        (content / "assessments" / name).write_text(text, encoding="utf-8")
    return content


def test_files_the_build_would_not_read_are_each_an_error(tmp_path: Path) -> None:
    mood = (TEST_DATA / "content" / "assessments" / "mood.yaml").read_text(encoding="utf-8")
    content = content_with(
        tmp_path, {"week.YAML": mood.replace("id: mood", "id: week"), "notes.txt": "to do\n"}
    )
    built = build(tmp_path, content=content, timeout=BUILD_SECONDS)
    assert "ERROR" in built.log  # logged as an error: `--fatal errors` fails the build
    assert (
        "assessments/week.YAML:1: this file is not read: the assessments' folders hold "
        "assessments (.yaml or .yml) and their scoring modules (.py); rename it to 'week.yaml'"
    ) in built.log
    assert (
        "assessments/notes.txt:1: this file is not read: the assessments' folders hold "
        "assessments (.yaml or .yml) and their scoring modules (.py); move it out of this folder"
    ) in built.log
    assert "Traceback" not in built.log


def test_one_id_in_two_files_refuses_both_naming_each_other(tmp_path: Path) -> None:
    mood = (TEST_DATA / "content" / "assessments" / "mood.yaml").read_text(encoding="utf-8")
    content = content_with(tmp_path, {"mood.yml": mood})
    line = mood.splitlines().index("id: mood") + 1
    built = build(tmp_path, content=content, timeout=BUILD_SECONDS)
    assert "ERROR" in built.log  # logged as an error: `--fatal errors` fails the build
    assert "Traceback" not in built.log
    for name, other in [("mood.yaml", "mood.yml"), ("mood.yml", "mood.yaml")]:
        assert (
            f"assessments/{name}:{line}: the id 'mood' is also claimed by "
            f"content/assessments/{other}; delete or rename one of them"
        ) in built.log
    # Neither is published, so no page points at a package that lacks it.
    assert not (built.output / "assessments" / "mood").exists()


def test_an_id_that_is_an_articles_slug_is_an_error(tmp_path: Path) -> None:
    mood = (TEST_DATA / "content" / "assessments" / "mood.yaml").read_text(encoding="utf-8")
    content = content_with(tmp_path, {"hello.yaml": mood.replace("id: mood", "id: hello")})
    line = mood.splitlines().index("id: mood") + 1
    built = build(tmp_path, content=content, timeout=BUILD_SECONDS)
    assert "ERROR" in built.log  # logged as an error: `--fatal errors` fails the build
    assert (
        f"assessments/hello.yaml:{line}: the id 'hello' is already the slug of "
        "content/articles/hello.md; rename the assessment (and its file) "
        "so links by slug name one thing"
    ) in built.log
    assert not (built.output / "assessments" / "hello").exists()


def test_a_rebuild_removes_the_page_of_a_deleted_assessment(tmp_path: Path) -> None:
    mood = (TEST_DATA / "content" / "assessments" / "mood.yaml").read_text(encoding="utf-8")
    content = content_with(tmp_path, {"week.yaml": mood.replace("id: mood", "id: week")})
    first = build(tmp_path, content=content, timeout=BUILD_SECONDS)
    assert (first.output / "assessments" / "week" / "index.html").is_file(), first.log
    (first.output / "assessments" / "notes").mkdir()
    (first.output / "assessments" / "notes" / "index.html").write_text("not ours")
    (content / "assessments" / "week.yaml").unlink()
    second = build(tmp_path, content=content, timeout=BUILD_SECONDS)
    assert not (second.output / "assessments" / "week").exists()
    assert (second.output / "assessments" / "mood" / "index.html").is_file()
    # A file the plugin did not write is left alone.
    assert (second.output / "assessments" / "notes" / "index.html").read_text() == "not ours"
