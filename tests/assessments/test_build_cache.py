"""The plugin's build cache: a rebuild reuses what did not change, and an edit
to a source never serves a stale result."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from pelican.plugins.assessments import checks, package, source
from pelican.plugins.assessments.checked import checked
from pelican.plugins.assessments.compile import markdown_texts
from pelican.plugins.assessments.generator import AssessmentGenerator
from pelican.plugins.assessments.package import write_package
from pelican.plugins.assessments.runtime import Runtime
from pelican.plugins.assessments.source import SourceError, read_source

from tests.conftest import ROOT

ASSESSMENT = ROOT / "content" / "assessments" / "check-in.yaml"


def refuse(*_args: object) -> None:
    raise AssertionError("the cache should have answered")


def test_a_file_read_before_is_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / ASSESSMENT.name
    copy.write_bytes(ASSESSMENT.read_bytes())
    fresh = read_source(copy)
    assert read_source(copy, tmp_path / "cache") == fresh
    monkeypatch.setattr(source, "_parse", refuse)
    data, source_map = read_source(copy, tmp_path / "cache")
    assert data == fresh[0]
    assert source_map.lines == fresh[1].lines


def test_an_edited_file_is_parsed_again(tmp_path: Path) -> None:
    copy = tmp_path / ASSESSMENT.name
    copy.write_bytes(ASSESSMENT.read_bytes())
    before, _ = read_source(copy, tmp_path / "cache")
    copy.write_text(
        ASSESSMENT.read_text(encoding="utf-8").replace(before["title"], "A new title", 1),
        encoding="utf-8",
    )
    after, _ = read_source(copy, tmp_path / "cache")
    assert after["title"] == "A new title"
    # One entry per file: the old one went when the new one was written.
    assert len(list((tmp_path / "cache" / "parsed").iterdir())) == 1


def test_a_broken_file_is_reported_on_every_build(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(SourceError, match="YAML syntax"):
            read_source(broken, tmp_path / "cache")


@pytest.fixture(scope="module")
def runtime() -> Runtime:
    return Runtime.from_settings(
        {
            "ASSESSMENT_PYODIDE_DIR": str(ROOT / "node_modules/pyodide"),
            "ASSESSMENT_PACKAGE_JSON": str(ROOT / "package.json"),
        }
    )


def package_files(
    tmp_path: Path, name: str, runtime: Runtime, definitions: dict, cache: Path
) -> dict[str, bytes]:
    folder = tmp_path / name
    folder.mkdir()
    write_package(definitions, {}, runtime, folder, compile_bytecode=False, cache=cache)
    return {path.name: path.read_bytes() for path in folder.iterdir()}


def test_an_unchanged_package_is_copied_and_a_changed_one_rebuilt(
    tmp_path: Path, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    definitions = {"demo": {"id": "demo", "title": "Demo"}}
    first = package_files(tmp_path, "first", runtime, definitions, cache)

    with monkeypatch.context() as patched:
        patched.setattr(package, "_write_package", refuse)
        assert package_files(tmp_path, "again", runtime, definitions, cache) == first

    changed = {"demo": {"id": "demo", "title": "Demo, edited"}}
    rebuilt = package_files(tmp_path, "changed", runtime, changed, cache)
    (wheel,) = (name for name in rebuilt if name.endswith(".whl"))
    assert wheel not in first  # the wheel is named by its contents
    with zipfile.ZipFile(tmp_path / "changed" / wheel) as archive:
        assert b"Demo, edited" in archive.read("assessment_engine/_compiled.py")


def test_a_damaged_cache_entry_is_parsed_again(tmp_path: Path) -> None:
    copy = tmp_path / ASSESSMENT.name
    copy.write_bytes(ASSESSMENT.read_bytes())
    fresh, _ = read_source(copy, tmp_path / "cache")
    (entry,) = (tmp_path / "cache" / "parsed").iterdir()
    entry.write_bytes(entry.read_bytes()[:20])
    assert read_source(copy, tmp_path / "cache")[0] == fresh


def markdown_renderer(cache: Path, markdown: dict) -> tuple[SimpleNamespace, list[str]]:
    """The generator's Markdown step on its own, counting what it renders."""
    rendered: list[str] = []

    def render(text: str) -> str:
        rendered.append(text)
        return f"<p>{text}</p>"

    settings = {"CACHE_PATH": str(cache.parent), "MARKDOWN": markdown}
    return SimpleNamespace(settings=settings, _markdown=render), rendered


def test_markdown_rendered_before_is_not_rendered_again(tmp_path: Path) -> None:
    data, _ = read_source(ASSESSMENT)
    texts = set(markdown_texts(data))
    assert data["intro"] in texts and len(texts) > 3
    generator, rendered = markdown_renderer(tmp_path, {"output_format": "html5"})
    first = AssessmentGenerator._render_markdown(generator, data)  # type: ignore[arg-type]
    assert sorted(rendered) == sorted(texts)
    assert first[data["intro"]] == f"<p>{data['intro']}</p>"

    again, rendered_again = markdown_renderer(tmp_path, {"output_format": "html5"})
    assert AssessmentGenerator._render_markdown(again, data) == first  # type: ignore[arg-type]
    assert rendered_again == []


def test_edited_text_or_other_markdown_settings_render_again(tmp_path: Path) -> None:
    data, _ = read_source(ASSESSMENT)
    generator, _ = markdown_renderer(tmp_path, {"output_format": "html5"})
    AssessmentGenerator._render_markdown(generator, data)  # type: ignore[arg-type]

    edited = {**data, "intro": "A new *intro*."}
    generator, rendered = markdown_renderer(tmp_path, {"output_format": "html5"})
    html = AssessmentGenerator._render_markdown(generator, edited)  # type: ignore[arg-type]
    assert html["A new *intro*."] == "<p>A new *intro*.</p>"
    assert "A new *intro*." in rendered

    generator, rendered = markdown_renderer(tmp_path, {"output_format": "xhtml"})
    AssessmentGenerator._render_markdown(generator, data)  # type: ignore[arg-type]
    assert sorted(rendered) == sorted(set(markdown_texts(data)))


def copy_with_scorer(tmp_path: Path) -> Path:
    """rope-tally.yaml and its scoring module, copied where a test may edit them."""
    for name in ("rope-tally.yaml", "rope-tally.py"):
        (tmp_path / name).write_bytes((ASSESSMENT.parent / name).read_bytes())
    return tmp_path / "rope-tally.yaml"


def links_for(data: dict) -> dict[str, tuple[str, str]]:
    return {r["slug"]: (r["slug"].title(), f"/{r['slug']}/") for r in data["recommendations"]}


def check(path: Path, links: dict[str, tuple[str, str]], cache: Path) -> list:
    data, source_map = read_source(path)
    return checked(path, path.name, data, source_map, links, cache)


def counting_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    called: list[str] = []
    original = checks.check_assessment

    def counting(path: Path, *args: object) -> list:
        called.append(path.name)
        return original(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(checks, "check_assessment", counting)
    return called


def test_a_file_that_passed_is_not_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_with_scorer(tmp_path)
    links = links_for(read_source(path)[0])
    called = counting_checks(monkeypatch)
    assert check(path, links, tmp_path / "cache") == []
    assert check(path, links, tmp_path / "cache") == []
    assert called == ["rope-tally.yaml"]


@pytest.mark.parametrize("change", ["assessment", "scoring module", "links"])
def test_an_edit_to_anything_checked_checks_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    path = copy_with_scorer(tmp_path)
    links = links_for(read_source(path)[0])
    assert check(path, links, tmp_path / "cache") == []
    called = counting_checks(monkeypatch)
    if change == "assessment":
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    elif change == "scoring module":
        scorer = tmp_path / "rope-tally.py"
        scorer.write_text(scorer.read_text(encoding="utf-8") + "\nimport requests\n")
    else:
        links.popitem()
    problems = check(path, links, tmp_path / "cache")
    assert called == ["rope-tally.yaml"]
    if change == "scoring module":
        assert any("requests" in problem.message for problem in problems)
    elif change == "links":
        assert any("recommendation to" in problem.message for problem in problems)
    else:
        assert problems == []


def test_problems_are_reported_on_every_build(tmp_path: Path) -> None:
    path = copy_with_scorer(tmp_path)
    links: dict[str, tuple[str, str]] = {}  # every recommendation points nowhere
    first = check(path, links, tmp_path / "cache")
    assert first and all("recommendation to" in problem.message for problem in first)
    assert check(path, links, tmp_path / "cache") == first


def test_a_file_hashed_before_is_not_read_again_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime_file = tmp_path / "pyodide.asm.wasm"
    runtime_file.write_bytes(b"first")
    cache = tmp_path / "cache"
    assert package.file_digest(runtime_file, cache) == hashlib.sha256(b"first").digest()

    with monkeypatch.context() as patched:
        patched.setattr(Path, "read_bytes", refuse)
        assert package.file_digest(runtime_file, cache) == hashlib.sha256(b"first").digest()

    runtime_file.write_bytes(b"second, longer")
    assert package.file_digest(runtime_file, cache) == hashlib.sha256(b"second, longer").digest()


def test_a_rebuild_into_the_same_output_keeps_the_runtime_and_mends_a_damaged_one(
    tmp_path: Path,
) -> None:
    settings = {
        "ASSESSMENT_PYODIDE_DIR": str(ROOT / "node_modules/pyodide"),
        "ASSESSMENT_PACKAGE_JSON": str(ROOT / "package.json"),
        "ASSESSMENT_RUNTIME_DIR": "py",
        "ASSESSMENT_BYTE_COMPILE": False,
        "CACHE_PATH": str(tmp_path),
    }
    definitions = {"demo": {"id": "demo", "title": "Demo"}}
    output = tmp_path / "output"
    first = package.build_package(definitions, {}, settings, output)
    wasm = output / first.runtime / "pyodide.asm.wasm"
    before = wasm.stat()

    again = package.build_package(definitions, {}, settings, output)
    assert again == first
    assert wasm.stat().st_ino == before.st_ino  # the same file: not copied again

    wasm.write_bytes(b"cut short")
    mended = package.build_package(definitions, {}, settings, output)
    assert mended == first
    assert wasm.read_bytes() == (ROOT / "node_modules/pyodide/pyodide.asm.wasm").read_bytes()
    assert sorted(p.name for p in (output / "py").iterdir()) == sorted(
        [first.runtime.split("/")[1], first.package.split("/")[1]]
    )
