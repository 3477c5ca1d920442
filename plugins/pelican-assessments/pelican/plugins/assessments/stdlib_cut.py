"""The standard library cut to what the site can import.

Pyodide's `python_stdlib.zip` is 4.2 MB byte-compiled, and its members are
deflated one by one, so the host's gzip gains nothing on it. The browser
needs only what Pyodide's own start-up imports (`boot_modules`), what our
wheel imports (the engine, the worker's module, every author's scoring
module) and, transitively, what those import. The cut keeps those modules
and writes them STORED: the zip's bytes are then plain byte code, which the
host's gzip compresses across files, as it never could member by member.

The closure is static: each module's imports at module level (including
those under `try` and `if`), since a module-level import runs whenever the
module is imported. Imports inside functions run only when the function is
called: those of our own code are followed (it is small, and any of its
functions may run), those of the standard library are not (following them
pulls in the REPL, pdb and multiprocessing). A lazy import the engine does
reach is caught by the tests, which score every assessment under the cut in
Pyodide and in Chromium.
"""

from __future__ import annotations

import ast
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from .boot_modules import BOOT_MODULES, PACKAGE_LOADER_MODULES
from .reproducible import zip_entry

# Modules built into the WebAssembly binary import Python modules from C,
# where no parser sees it: these are the ones such a module imports (from
# CPython 3.13's Modules/ sources), so that whoever imports it gets them too.
BUILT_IN_IMPORTS: dict[str, frozenset[str]] = {
    "_decimal": frozenset({"numbers", "collections", "contextvars"}),
    "_pickle": frozenset({"copyreg", "_compat_pickle", "functools"}),
    "_elementtree": frozenset({"copy", "xml.etree.ElementPath"}),
    "_json": frozenset({"json.decoder"}),
    "_io": frozenset({"encodings"}),
    "_zoneinfo": frozenset({"zoneinfo._common"}),
    "pyexpat": frozenset({"xml.parsers.expat"}),
    "_asyncio": frozenset({"asyncio.events", "asyncio.base_futures", "asyncio.exceptions"}),
}

# The same, imported only when one of the module's functions is called
# (time.strptime): followed from our own code's imports, whose functions may
# run, not from Pyodide's start-up, which never calls them.
BUILT_IN_LAZY_IMPORTS: dict[str, frozenset[str]] = {
    "_datetime": frozenset({"time", "_strptime"}),
    "datetime": frozenset({"_strptime"}),
    "time": frozenset({"_strptime"}),
}

# Modules a standard-library module imports by a name it computes when it
# runs, where no parser sees it: the module -> the prefix of the names it may
# compute. sysconfig imports f"_sysconfigdata_{abiflags}_{platform}_{multiarch}"
# (zoneinfo reaches it through sysconfig.get_config_var("TZPATH")); the zip
# holds only its own platform's, so every member with the prefix is the one.
COMPUTED_IMPORTS: dict[str, str] = {
    "sysconfig": "_sysconfigdata_",
}

# Where the runtime runs: a branch only another platform takes brings nothing.
PLATFORM = {("sys", "platform"): "emscripten", ("os", "name"): "posix"}


class Index:
    """The modules of a standard library zip of sources: name -> member."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.members: dict[str, str] = {}
        self.packages: set[str] = set()
        self._imports: dict[str, set[str]] = {}  # parsing is most of the cut's time
        for member in archive.namelist():
            if not member.endswith(".py"):
                continue
            stem = member[: -len(".py")]
            if stem.endswith("/__init__"):
                name = stem[: -len("/__init__")].replace("/", ".")
                self.packages.add(name)
            else:
                name = stem.replace("/", ".")
            self.members[name] = member

    def imports(self, name: str) -> set[str]:
        if name not in self._imports:
            source = self.archive.read(self.members[name])
            self._imports[name] = imports_of(
                source, name, name in self.packages, in_functions=False
            )
        return self._imports[name]


def imports_of(source: bytes, name: str, is_package: bool, *, in_functions: bool) -> set[str]:
    """Every module `source` (module `name`) may import, parents included:
    `import a.b` and `from a import b` both name `a` and `a.b` (b may be a
    module). Relative imports are resolved against the module's package."""
    tree = ast.parse(source)
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _reachable(tree, in_functions):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".") if package else []
                parts = parts[: len(parts) - (node.level - 1)]
                module = ".".join([*parts, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return {
        ".".join(parts[:end])
        for parts in (module.split(".") for module in found if module)
        for end in range(1, len(parts) + 1)
    }


def _reachable(tree: ast.AST, in_functions: bool) -> Iterable[ast.AST]:
    """The nodes whose imports can run, skipping `if __name__ == "__main__"`
    blocks, branches for other platforms and (unless `in_functions`) the
    bodies of functions."""
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, ast.If):
            taken = _branch(node.test)
            todo.extend(ast.iter_child_nodes(node.test))
            if taken is not False:
                todo.extend(node.body)
            if taken is not True:
                todo.extend(node.orelse)
            continue
        for child in ast.iter_child_nodes(node):
            if not in_functions and isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            ):
                continue
            todo.append(child)


def _branch(test: ast.expr) -> bool | None:
    """Whether an `if` test is known to hold here (True/False), or None."""
    if not (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.Eq | ast.NotEq)
        and isinstance(test.comparators[0], ast.Constant)
    ):
        return None
    left, value = test.left, test.comparators[0].value
    if isinstance(left, ast.Name) and left.id == "__name__" and value == "__main__":
        holds = False  # a standard-library module is never run as the script
    elif (
        isinstance(left, ast.Attribute)
        and isinstance(left.value, ast.Name)
        and (left.value.id, left.attr) in PLATFORM
    ):
        holds = PLATFORM[left.value.id, left.attr] == value
    else:
        return None
    return holds if isinstance(test.ops[0], ast.Eq) else not holds


def modules_needed(index: Index, own_files: Mapping[str, bytes]) -> set[str]:
    """The standard-library modules the site can import: Pyodide's start-up,
    our wheel's imports (`own_files`: arcname -> source) and their closure."""
    roots = set(BOOT_MODULES | PACKAGE_LOADER_MODULES)
    for arcname, source in own_files.items():
        if not arcname.endswith(".py"):
            continue
        stem = arcname[: -len(".py")]
        is_package = stem.endswith("/__init__")
        name = stem.removesuffix("/__init__").replace("/", ".")
        imported = imports_of(source, name, is_package, in_functions=True)
        roots |= imported
        roots.update(m for lazy in imported for m in BUILT_IN_LAZY_IMPORTS.get(lazy, ()))
    seen: set[str] = set()  # every name met, built-in or not in the zip at all
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(BUILT_IN_IMPORTS.get(name, ()))
        todo.extend(computed_imports(index, name))
        if name in index.members:
            todo.extend(index.imports(name) - seen)
    return seen & index.members.keys()


def computed_imports(index: Index, name: str) -> list[str]:
    """The modules of the zip that `name` may import by a computed name."""
    prefix = COMPUTED_IMPORTS.get(name)
    if prefix is None:
        return []
    return sorted(member for member in index.members if member.startswith(prefix))


def write_cut(sources: Path, shipped: Path, own_files: Mapping[str, bytes], target: Path) -> None:
    """Write to `target` the members of `shipped` (the zip the site would
    ship: sources or byte code) that hold a needed module, uncompressed, in
    name order, with a fixed date: the same inputs give the same bytes."""
    with zipfile.ZipFile(sources) as archive:
        index = Index(archive)
        needed = modules_needed(index, own_files)
        members = {index.members[name] for name in needed}
    wanted = members | {member + "c" for member in members}  # .py or its .pyc
    with zipfile.ZipFile(shipped) as source, zipfile.ZipFile(target, "w") as cut:
        for member in sorted(set(source.namelist()) & wanted):
            cut.writestr(zip_entry(member, zipfile.ZIP_STORED), source.read(member))
