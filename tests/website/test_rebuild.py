"""A rebuild into an existing output folder (`make html`, the devserver)
leaves nothing of the earlier build that this one did not write: no page of a
deleted assessment or guide, no old package folder, and the service worker
precaches none of them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import ROOT, Build, build_site

BUILD_SECONDS = 300


def preview(output: Path, content: Path) -> Build:
    build = build_site(
        output, settings="pelicanconf.py", content=content, siteurl="", timeout=BUILD_SECONDS
    )
    assert build.returncode == 0, build.log
    return build


def package_folder(output: Path) -> str:
    (folder,) = (output / "py").glob("package-*")
    return folder.relative_to(output).as_posix()


def test_a_rebuild_removes_what_the_earlier_build_wrote_and_this_one_did_not(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    check_in = (content / "assessments" / "check-in.yaml").read_text(encoding="utf-8")
    extra = content / "assessments" / "passing-check.yaml"
    extra.write_text(check_in.replace("id: check-in", "id: passing-check", 1), encoding="utf-8")
    output = tmp_path / "output"
    preview(output, content)
    old_package = package_folder(output)
    assert (output / "assessments" / "passing-check" / "index.html").is_file()
    assert '"assessments/passing-check/"' in (output / "sw.js").read_text()
    # A page a guide since deleted left, and a file nobody wrote.
    (output / "guides" / "gone").mkdir()
    (output / "guides" / "gone" / "index.html").write_text("an old guide")
    (output / "notes.txt").write_text("not the build's")

    extra.unlink()  # a deleted assessment, and so another package
    second = preview(output, content)
    new_package = package_folder(second.output)
    assert new_package != old_package
    assert not (output / old_package).exists()
    assert not (output / "assessments" / "passing-check").exists()
    assert not (output / "guides" / "gone").exists()
    assert not (output / "notes.txt").exists()
    worker = (output / "sw.js").read_text()
    assert new_package in worker and old_package not in worker
    assert "passing-check" not in worker
    # Every file the worker precaches is one this build left in place.
    listed = re.findall(r'"((?:py|theme|assessments)/[^"]*)"', worker)
    assert listed and all((output / name).exists() for name in listed)
