"""A rebuild into the same output folder leaves nothing of an earlier build's
assessments: no old package or runtime folder, no scripts once no quiz needs
them (stale.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..stale import remove_stale_files, remove_stale_folders
from ..static import static_names
from .conftest import TEST_DATA, build

BUILD_SECONDS = 120
# Byte-compiling is not what these tests are about; without it a build is faster.
SETTINGS = {"ASSESSMENT_BYTE_COMPILE": False}


def folders(output: Path) -> list[str]:
    return sorted(path.name for path in (output / "py").iterdir())


def test_a_changed_assessment_replaces_the_package_folder(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(TEST_DATA / "content", content)
    first = build(tmp_path, SETTINGS, content=content, timeout=BUILD_SECONDS)
    assert first.returncode == 0, first.log
    old_package, runtime = folders(first.output)
    assert old_package.startswith("package-") and runtime.startswith("runtime-")
    # What a build cut short leaves: a staging folder of its own.
    (first.output / "py" / "tmpcutshort").mkdir()

    source = content / "assessments" / "mood.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("title:", "title: New", 1))
    second = build(tmp_path, SETTINGS, content=content, timeout=BUILD_SECONDS)
    assert second.returncode == 0, second.log
    new_package, kept_runtime = folders(second.output)  # and no staging folder
    assert kept_runtime == runtime  # unchanged: kept, not copied again
    assert new_package.startswith("package-") and new_package != old_package
    page = second.page("assessments/mood/index.html")
    assert new_package in page and old_package not in page


def test_with_no_assessment_left_the_runtime_and_the_scripts_go(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(TEST_DATA / "content", content)
    first = build(tmp_path, SETTINGS, content=content, timeout=BUILD_SECONDS)
    assert first.returncode == 0, first.log
    static = first.output / "theme" / "assessments"
    assert sorted(path.name for path in static.iterdir()) == static_names()

    (content / "assessments" / "mood.yaml").unlink()
    article = content / "articles" / "hello.md"
    article.write_text(article.read_text(encoding="utf-8").replace("[quiz: mood]", ""))
    second = build(tmp_path, SETTINGS, content=content, timeout=BUILD_SECONDS)
    assert second.returncode == 0, second.log
    assert not (second.output / "py").exists()
    assert not static.exists()
    assert not (second.output / "assessments" / "mood").exists()
    assert (second.output / "hello.html").is_file()


def test_only_the_folders_named_are_kept(tmp_path: Path) -> None:
    root = tmp_path / "py"
    for name in ("runtime-a", "runtime-b", "package-a", "package-b"):
        (root / name).mkdir(parents=True)
        (root / name / "file").write_text(name)
    (root / "stray.txt").write_text("left")
    removed = remove_stale_folders(root, ["runtime-b", "package-a"])
    assert sorted(path.name for path in removed) == ["package-b", "runtime-a", "stray.txt"]
    assert sorted(path.name for path in root.iterdir()) == ["package-a", "runtime-b"]
    remove_stale_folders(root, [])
    assert not root.exists()
    assert tmp_path.exists()


def test_files_not_named_are_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "theme" / "assessments"
    folder.mkdir(parents=True)
    (folder / "results.js").write_text("ours")
    (folder / "site.css").write_text("the theme's")
    assert remove_stale_files(folder, ["results.js", "policy.js"]) == [folder / "results.js"]
    assert [path.name for path in folder.iterdir()] == ["site.css"]
