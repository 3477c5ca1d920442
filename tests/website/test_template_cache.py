"""Compiled templates kept between builds (plugins/template_cache): reused
when nothing that shapes the code changed, compiled again when anything did,
and never the cause of a failed build."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, FileSystemBytecodeCache, pass_context
from jinja2.bccache import bc_magic
from jinja2.runtime import Context
from template_cache.signature import environment_signature
from template_cache.store import TemplateCache

from tests.conftest import build_site

TEMPLATE = "{{ word | shout }}"


def make_shout(takes_context: bool) -> Callable[..., str]:
    # The same name either way, as when a plugin and a stand-in for it
    # register the same filter: only the `pass_context` mark differs.
    if takes_context:

        @pass_context
        def shout(context: Context, value: str) -> str:
            return f"{value.upper()} in {context['place']}"

    else:

        def shout(value: str) -> str:  # type: ignore[misc]
            return value.upper()

    return shout


plain_shout, context_shout = make_shout(False), make_shout(True)


def environment(cache: object, shout: object = plain_shout, **options: object) -> Environment:
    env = Environment(loader=DictLoader({"page.html": TEMPLATE}), **options)  # type: ignore[arg-type]
    env.filters["shout"] = shout
    env.bytecode_cache = cache  # type: ignore[assignment]
    return env


def render(env: Environment) -> str:
    return env.get_template("page.html").render(word="word", place="the kitchen")


def count_compiles(env: Environment) -> list[str]:
    compiled: list[str] = []
    original = env.compile

    def counting(source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        compiled.append(name)
        return original(source, name, filename, raw, defer_init)

    env.compile = counting  # type: ignore[method-assign]
    return compiled


def test_jinja_alone_would_share_code_between_different_filters(tmp_path: Path) -> None:
    """Why the plugin exists: the trap it keeps builds out of."""
    cache = FileSystemBytecodeCache(str(tmp_path))
    assert render(environment(cache)) == "WORD"
    with pytest.raises(TypeError):
        render(environment(cache, context_shout))


def test_a_filter_that_takes_the_context_gets_code_of_its_own(tmp_path: Path) -> None:
    cache = TemplateCache(str(tmp_path))
    assert render(environment(cache)) == "WORD"
    assert render(environment(cache, context_shout)) == "WORD in the kitchen"
    assert render(environment(cache)) == "WORD"


def test_an_unchanged_template_is_not_compiled_again(tmp_path: Path) -> None:
    cache = TemplateCache(str(tmp_path))
    render(environment(cache))
    again = environment(cache)
    compiled = count_compiles(again)
    assert render(again) == "WORD"
    assert compiled == []


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    cache = TemplateCache(str(tmp_path))
    render(environment(cache))
    edited = environment(cache)
    edited.loader = DictLoader({"page.html": "{{ 'other' | shout }}!"})
    compiled = count_compiles(edited)
    assert render(edited) == "OTHER!"
    assert compiled == ["page.html"]


@pytest.mark.parametrize(
    "damage",
    [b"not a cache entry", bc_magic + b"\x80\x04truncated", b""],
    ids=["foreign", "damaged-after-header", "empty"],
)
def test_a_damaged_entry_is_compiled_again(tmp_path: Path, damage: bytes) -> None:
    cache = TemplateCache(str(tmp_path))
    render(environment(cache))
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(damage)
    again = environment(cache)
    compiled = count_compiles(again)
    assert render(again) == "WORD"
    assert compiled == ["page.html"]
    assert entry.read_bytes().startswith(bc_magic)  # written afresh


FILTER_MODULE = """
def shout(value):
    return value.upper() + "{mark}"
"""


def test_a_filter_run_at_compile_time_is_run_again_when_its_module_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jinja calls a filter with constant arguments while compiling and keeps
    the result in the code: an edited filter must not leave it stale."""
    module = tmp_path / "modules" / "shouting.py"
    module.parent.mkdir()
    module.write_text(FILTER_MODULE.format(mark="!"), encoding="utf-8")
    monkeypatch.syspath_prepend(str(module.parent))
    import shouting  # type: ignore[import-not-found]

    (tmp_path / "cache").mkdir()
    cache = TemplateCache(str(tmp_path / "cache"))
    folded = {"page.html": "{{ 'word' | shout }}"}
    first = environment(cache, shouting.shout)
    first.loader = DictLoader(folded)
    assert render(first) == "WORD!"
    module.write_text(FILTER_MODULE.format(mark="?!"), encoding="utf-8")
    importlib.reload(shouting)
    second = environment(cache, shouting.shout)
    second.loader = DictLoader(folded)
    assert render(second) == "WORD?!"
    monkeypatch.delitem(sys.modules, "shouting")


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    cache = TemplateCache(str(tmp_path / "missing" / "folder"))
    assert render(environment(cache)) == "WORD"


def test_the_signature_follows_what_the_compiler_reads() -> None:
    base = environment(None)
    assert environment_signature(base) == environment_signature(environment(None))
    assert environment_signature(base) != environment_signature(environment(None, context_shout))
    assert environment_signature(base) != environment_signature(environment(None, trim_blocks=True))
    assert environment_signature(base) != environment_signature(environment(None, autoescape=True))
    base.filters["another"] = plain_shout  # changed after first use: noticed
    before = environment_signature(environment(None))
    assert environment_signature(base) != before


def test_builds_with_different_plugins_share_one_cache(tmp_path: Path) -> None:
    """The benchmark's "plain Pelican" (no assessments plugin) and the full
    site compile the same templates to different code; sharing a cache
    folder in either order must leave both builds intact."""
    cache = tmp_path / "templates"
    plain_plugins = '["sitemap_xml", "reading", "links", "site_assets", '
    plain_plugins += '"template_cache"]'
    settings = {"TEMPLATE_CACHE_DIR": f'"{cache}"'}
    plain = build_site(tmp_path / "plain", extra={**settings, "PLUGINS": plain_plugins})
    assert plain.returncode == 0, plain.log
    full = build_site(tmp_path / "full", extra=settings)
    assert full.returncode == 0, full.log
    assert any(cache.iterdir())
    quiz_page = tmp_path / "full" / "guides" / "what-connection-is" / "index.html"
    assert 'class="embedded-quiz' in quiz_page.read_text(encoding="utf-8")
