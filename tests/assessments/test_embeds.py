"""Quizzes embedded in guides with one line of Markdown."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import ROOT, Build, build_site


def soup_of(site: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.output / path / "index.html").read_text(), "html.parser")


def test_the_embed_line_renders_the_quiz_form_in_the_guide(site: Build) -> None:
    soup = soup_of(site, "guides/what-connection-is")
    form = soup.select_one(".prose .embedded-quiz form.assessment-form")
    assert form is not None and form["data-assessment"] == "check-in"
    assert "[quiz:" not in soup.get_text()
    assert soup.select_one(".embedded-quiz--inline") is not None
    # It links to the full assessment, and the page may now run the scoring script.
    assert soup.select_one(".embedded-quiz a[href$='assessments/check-in/']") is not None
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "'wasm-unsafe-eval'" in policy and "connect-src 'self'" in policy
    assert (
        soup.find("script", src=re.compile(r"theme/assessments/assessment\.[0-9a-f]+\.js$"))
        is not None
    )


def test_knowledge_checks_are_embedded_in_two_practice_guides(site: Build) -> None:
    for path, slug in [
        ("practices/fifteen-micro-connections", "micro-connections-quiz"),
        ("practices/repair-after-conflict", "repair-quiz"),
    ]:
        form = soup_of(site, path).select_one(".embedded-quiz form")
        assert form["data-assessment"] == slug and form["data-kind"] == "knowledge-check"


def test_guides_without_a_quiz_run_only_the_quick_exit_script(site: Build) -> None:
    soup = soup_of(site, "guides/the-emotional-rope")
    scripts = [script["src"] for script in soup.find_all("script")]
    assert len(scripts) == 1 and re.search(r"theme/js/quick-exit\.[0-9a-f]+\.js$", scripts[0])
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self';" in policy and "connect-src 'none'" in policy
    assert "wasm-unsafe-eval" not in policy


def test_an_unknown_quiz_fails_the_build_with_file_and_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    guide = content / "guides" / "common-mistakes.md"
    lines = guide.read_text().splitlines()
    lines.insert(12, "\n[quiz: no-such-quiz]\n")
    guide.write_text("\n".join(lines) + "\n")
    number = guide.read_text().splitlines().index("[quiz: no-such-quiz]") + 1
    build = build_site(tmp_path / "out", content=content)
    assert build.returncode != 0
    assert f"guides/common-mistakes.md:{number}: quiz 'no-such-quiz' does not exist" in build.log


# (the line an author wrote, the message the build gives for it)
NEAR_MISSES = [
    (
        "[Quiz: check-in]",
        "'[Quiz: check-in]' looks like a quiz embed but is not one; "
        "did you mean `[quiz: check-in]` on a line of its own?",
    ),
    (
        "[quiz_check-in]",
        "'[quiz_check-in]' looks like a quiz embed but is not one; "
        "did you mean `[quiz: check-in]` on a line of its own?",
    ),
    (
        "[quiz check-in inline]",
        "'[quiz check-in inline]' looks like a quiz embed but is not one; "
        "did you mean `[quiz: check-in inline]` on a line of its own?",
    ),
    (
        "[quiz: check-in] to see where you stand.",
        "'[quiz: check-in]' embeds a quiz only as a line of its own, not in a list or beside "
        "other words; did you mean `[quiz: check-in]` on a line of its own?",
    ),
    (
        "- [quiz: repair-quiz]",
        "'[quiz: repair-quiz]' embeds a quiz only as a line of its own, not in a list or beside "
        "other words; did you mean `[quiz: repair-quiz]` on a line of its own?",
    ),
]


def test_a_line_that_looks_like_an_embed_but_is_not_is_an_error_with_a_suggestion(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    guide = content / "guides" / "common-mistakes.md"
    lines = guide.read_text().splitlines()
    # Code that shows the syntax is left alone.
    added = ["", "Write `[quiz: slug]` on a line of its own.", ""]
    for written, _message in NEAR_MISSES:
        added += [written, ""]
    lines[12:12] = added
    guide.write_text("\n".join(lines) + "\n")
    numbers = {line: number for number, line in enumerate(guide.read_text().splitlines(), 1)}
    build = build_site(tmp_path / "out", content=content, timeout=90)
    assert build.returncode != 0
    for written, message in NEAR_MISSES:
        assert f"guides/common-mistakes.md:{numbers[written]}: {message}" in build.log
    assert build.log.count("looks like a quiz embed") + build.log.count("embeds a quiz only") == 5


def test_a_link_to_a_knowledge_checks_file_names_the_guide_and_the_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    guide = content / "guides" / "common-mistakes.md"
    guide.write_text(
        guide.read_text() + "\nTry [the quiz]({filename}/assessments/repair-quiz.yaml).\n"
    )
    line = len(guide.read_text().splitlines())
    build = build_site(tmp_path / "out", content=content, timeout=90)
    assert build.returncode != 0
    assert (
        f"guides/common-mistakes.md:{line}: link to '/assessments/repair-quiz.yaml', "
        "a knowledge check, which has no page of its own; "
        "embed it with a line `[quiz: repair-quiz]` instead"
    ) in build.log
