"""Broken definitions: each mistake reported at its file and line, all at once.

Each fixture marks the lines that must be reported with a trailing comment
`# error: <the exact message>`, in the YAML file or in its scoring module."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pelican.plugins.assessments.checks import check_assessment
from pelican.plugins.assessments.problems import AuthorProblem
from pelican.plugins.assessments.source import SourceError, read_source

from tests.conftest import ROOT, build_site

FIXTURES = Path(__file__).parent / "fixtures"
MARKER = re.compile(r"# error: (.*)$")
KNOWN_SLUGS = {"what-connection-is": ("What connection is", "guides/what-connection-is/")}


def problems_of(path: Path) -> list[AuthorProblem]:
    """What the build reports for one file, as the generator runs it."""
    try:
        data, source_map = read_source(path)
    except SourceError as error:
        return [AuthorProblem(str(path), error.line, error.message)]
    return check_assessment(path, str(path), data, source_map, KNOWN_SLUGS)


def expected_problems(path: Path) -> list[AuthorProblem]:
    expected = []
    for file in [path, *path.parent.glob(path.stem + ".py")]:
        # Decoded leniently: one fixture is not UTF-8 on purpose.
        text = file.read_bytes().decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if match := MARKER.search(line):
                expected.append(AuthorProblem(str(file), number, match.group(1)))
    return sorted(expected)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_mistake_is_reported_at_its_file_and_line(path: Path) -> None:
    expected = expected_problems(path)
    assert expected, f"{path.name} marks no expected error"
    assert sorted(problems_of(path)) == expected


def test_all_problems_of_one_file_are_reported_together() -> None:
    problems = problems_of(FIXTURES / "many-problems.yaml")
    assert len(problems) == 4
    assert len({problem.line for problem in problems}) == 4


def test_the_real_assessments_have_no_problem() -> None:
    for path in sorted((ROOT / "content" / "assessments").glob("*.yaml")):
        data, source_map = read_source(path)
        links = {slug: ("", "") for slug in known_site_slugs()}
        assert check_assessment(path, path.name, data, source_map, links) == []


def known_site_slugs() -> set[str]:
    content = ROOT / "content"
    return {
        p.stem for kind in ("guides", "practices", "pages") for p in (content / kind).glob("*.md")
    } | {p.stem for p in (content / "assessments").glob("*.yaml")}


def test_a_broken_assessment_fails_the_build_and_is_not_published(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copy(FIXTURES / "unknown-dimension.yaml", content / "assessments")
    shutil.copy(FIXTURES / "not-stdlib.yaml", content / "assessments")
    shutil.copy(FIXTURES / "not-stdlib.py", content / "assessments")
    build = build_site(tmp_path / "out", content=content)
    assert build.returncode != 0
    assert (
        "assessments/unknown-dimension.yaml:16: unknown dimension 'wramth'; known: warmth"
        in build.log
    )
    assert "assessments/not-stdlib.py:4: imports 'numpy'" in build.log
    assert not (build.output / "assessments" / "unknown-dimension").exists()
    assert not (build.output / "assessments" / "not-stdlib").exists()
    # The sound assessments still build, so an author sees the rest of the site.
    assert (build.output / "assessments" / "check-in" / "index.html").is_file()


# A build must end within this many seconds, however hostile its input: each
# of these files once hung a build for minutes or ended it in a traceback.
BUILD_SECONDS = 90


def test_hostile_yaml_fails_the_build_at_once_with_each_message(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    hostile = sorted(FIXTURES.glob("yaml-*.yaml"))
    for path in hostile:
        shutil.copy(path, content / "assessments")
    oversized = content / "assessments" / "oversized.yaml"
    oversized.write_text("id: oversized\n" + "# padding\n" * 30_000, encoding="utf-8")
    build = build_site(tmp_path / "out", content=content, timeout=BUILD_SECONDS)
    assert build.returncode != 0
    assert "Traceback" not in build.log
    for path in hostile:
        (problem,) = expected_problems(path)
        assert f"assessments/{path.name}:{problem.line}: {problem.message}" in build.log
    assert (
        "assessments/oversized.yaml:1: the file is 300,014 bytes, over the limit of 262,144 "
        "(ASSESSMENT_MAX_FILE_BYTES); split it into smaller assessments" in build.log
    )
    assert (build.output / "assessments" / "check-in" / "index.html").is_file()


def test_the_size_limit_is_the_callers_to_set(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text("id: small\ntitle: Small\n", encoding="utf-8")
    assert read_source(path, max_bytes=100)[0] == {"id": "small", "title": "Small"}
    with pytest.raises(SourceError, match="over the limit of 10 "):
        read_source(path, max_bytes=10)


AUTHOR_CODE = ["loops-on-import", "exits-on-import", "loops-in-example", "not-in-browser"]


def test_author_code_that_hangs_exits_or_needs_a_system_fails_the_build_at_once(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for name in AUTHOR_CODE:
        for path in FIXTURES.glob(f"{name}.*"):
            shutil.copy(path, content / "assessments")
    build = build_site(tmp_path / "out", content=content, timeout=BUILD_SECONDS)
    assert build.returncode != 0
    assert "Traceback" not in build.log
    for name in AUTHOR_CODE:
        for problem in expected_problems(FIXTURES / f"{name}.yaml"):
            assert f"assessments/{Path(problem.file).name}:{problem.line}: {problem.message}" in (
                build.log
            )
        assert not (build.output / "assessments" / name).exists()
    assert (build.output / "assessments" / "rope-tally" / "index.html").is_file()
