"""What, besides a template's source, decides the code Jinja compiles it to."""

from __future__ import annotations

import functools
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import jinja2

# Environment options the compiler reads (the rest, such as `undefined` and the
# globals, are looked up when a template renders).
COMPILE_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)


# Environment attributes the compiler reads besides the options above. A
# callable autoescape is asked per template name at compile time.
COMPILE_HOOKS = ("autoescape", "finalize", "code_generator_class", "context_class")


def environment_signature(env: jinja2.Environment) -> str:
    """A short hash of everything in `env` that changes compiled code,
    remembered on `env` until one of those things changes."""
    state = _state(env)
    remembered = getattr(env, "_template_cache_signature", None)
    if remembered is not None and remembered[0] == state:
        return remembered[1]
    signature = _signature(state)
    env._template_cache_signature = (state, signature)  # type: ignore[attr-defined]
    return signature


class _State(NamedTuple):
    # Cheap to take and compare (identities, not descriptions): the filters and
    # tests stay alive in `env`, so an equal state means the same objects.
    filters: tuple[tuple[str, Callable[..., Any]], ...]
    tests: tuple[tuple[str, Callable[..., Any]], ...]
    extensions: tuple[str, ...]
    settings: tuple[tuple[str, Any], ...]  # COMPILE_OPTIONS and COMPILE_HOOKS


def _state(env: jinja2.Environment) -> _State:
    return _State(
        tuple(sorted(env.filters.items())),
        tuple(sorted(env.tests.items())),
        tuple(sorted(env.extensions)),
        tuple((name, getattr(env, name)) for name in COMPILE_OPTIONS + COMPILE_HOOKS),
    )


def _signature(state: _State) -> str:
    parts = [f"jinja2 {jinja2.__version__}", f"python {sys.version}"]
    parts += [f"{name}={_describe(value)}" for name, value in state.settings]
    parts += [f"extension {name}" for name in state.extensions]
    parts += [f"filter {name} {_describe(func)}" for name, func in state.filters]
    parts += [f"test {name} {_describe(func)}" for name, func in state.tests]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _describe(value: Any) -> str:
    """What the compiler can bake into code from a filter, test or option."""
    if isinstance(value, functools.partial):
        # Pelican's `plugin_enabled` test is a partial over the PLUGINS list.
        return (
            f"partial({_describe(value.func)}, args={value.args!r}, "
            f"keywords={sorted(value.keywords.items())!r})"
        )
    if not callable(value):
        return repr(value)
    kind = value if hasattr(value, "__qualname__") else type(value)
    # The compiler passes the context, the eval context or the environment to
    # a callable marked for it (`@pass_context` and the like set
    # `jinja_pass_arg`), so the call it writes depends on the mark.
    passes = getattr(value, "jinja_pass_arg", None)
    async_variant = getattr(value, "jinja_async_variant", False)
    # A filter or test not marked to take the context runs at compile time
    # when all its arguments are constants, and its result becomes part of the
    # code: so its own module's source is part of the signature too. (Helpers
    # it calls in other modules are not followed.)
    source = _module_digest(getattr(kind, "__module__", None))
    return f"{kind.__module__}.{kind.__qualname__} pass={passes} async={async_variant} {source}"


def _module_digest(module_name: str | None) -> str:
    module = sys.modules.get(module_name or "")
    filename = getattr(module, "__file__", None)
    if not filename:
        return "no-source"
    path = Path(filename)
    try:
        stat = path.stat()
    except OSError:
        return "no-source"
    return _file_digest(str(path), stat.st_mtime_ns, stat.st_size)


@functools.cache
def _file_digest(path: str, _mtime_ns: int, _size: int) -> str:
    # Keyed by modification time and size too: an edit between two builds of
    # one devserver process is seen.
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
