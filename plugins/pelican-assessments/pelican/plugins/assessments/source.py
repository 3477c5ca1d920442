"""Read an assessment file into plain data, remembering where each value stood.

The engine validates plain data and reports problems by path, such as
("sections", 0, "questions", 2, "scale"); `SourceMap.line_of` turns that path
back into the line an author should look at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cache import cached_value, code_of, installed_version, key_of
from .yaml_guard import hostile_shape

PathKey = tuple[str | int, ...]


class SourceError(Exception):
    """The file could not be read as YAML at all."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class SourceMap:
    """Line numbers (1-based) of every mapping key and sequence item."""

    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, path: PathKey) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


# Real assessments are tens of kilobytes; ASSESSMENT_MAX_FILE_BYTES's default.
MAX_FILE_BYTES = 256 * 1024


def read_source(
    path: Path, cache: Path | None = None, max_bytes: int = MAX_FILE_BYTES
) -> tuple[Any, SourceMap]:
    """Parse `path`; return its plain data and where each piece came from.
    With a `cache` folder, a file parsed before (same bytes, same parser) is
    not parsed again: round-trip YAML is slow, and the result depends on
    nothing else. A file over `max_bytes` is refused unread: every byte of an
    assessment ends up in a page and a package each reader downloads."""
    size = path.stat().st_size
    if size > max_bytes:
        raise SourceError(
            1,
            f"the file is {size:,} bytes, over the limit of {max_bytes:,} "
            "(ASSESSMENT_MAX_FILE_BYTES); split it into smaller assessments",
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        raise SourceError(
            raw.count(b"\n", 0, error.start) + 1,
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} at column "
            f"{error.start - line_start + 1}: {error.reason}); save it as UTF-8",
        ) from error
    if cache is None:
        return _parse(text)
    key = key_of([raw, installed_version("ruamel.yaml"), code_of("source", "yaml_guard")])
    return cached_value(cache, "parsed", path.name, key, lambda: _parse(text))


def _parse(text: str) -> tuple[Any, SourceMap]:
    # Imported here: a build whose every file is cached never needs the parser.
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    yaml = YAML(typ="rt")
    # Keys must be unique: a repeated key silently losing a value would hide a mistake.
    yaml.allow_duplicate_keys = False
    try:
        hostile = hostile_shape(yaml.parse(text))
        if hostile is not None:
            raise SourceError(*hostile)
        document = yaml.load(text)
    except MarkedYAMLError as error:
        raise _syntax_error(error) from error
    except ReaderError as error:
        # A control character (a NUL, say): the reader knows only its offset.
        before = text[: error.position]
        column = error.position - (before.rfind("\n") + 1) + 1
        character = error.character if isinstance(error.character, int) else 0
        raise SourceError(
            before.count("\n") + 1,
            f"the character U+{character:04X} at column {column} is not allowed in YAML; remove it",
        ) from error
    except YAMLError as error:
        raise SourceError(1, f"YAML syntax: {error}") from error
    source_map = SourceMap()
    return _plain(document, (), source_map), source_map


def _syntax_error(error: Any) -> SourceError:
    """The parser's complaint at the line an author should look at."""
    if (
        error.context == "while scanning a quoted scalar"
        and error.problem == "found unexpected end of stream"
        and error.context_mark is not None
    ):
        # An unclosed quote runs to the end of the file: where it opens is
        # the line to fix, not the last one.
        return SourceError(
            error.context_mark.line + 1,
            "YAML syntax: the quote that opens here is never closed; add the closing quote",
        )
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 1
    problem = error.problem or error.context or "invalid YAML"
    return SourceError(
        line, f"YAML syntax: {problem} (check the brackets, quotes and indentation here)"
    )


def _plain(node: Any, path: PathKey, source_map: SourceMap) -> Any:
    """Copy ruamel's round-trip nodes into dicts and lists, recording lines."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        result = {}
        for key, value in node.items():
            child = (*path, key)
            _record(source_map, child, (node.lc.data or {}).get(key))
            result[key] = _plain(value, child, source_map)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            child = (*path, index)
            _record(source_map, child, (node.lc.data or {}).get(index))
            items.append(_plain(value, child, source_map))
        return items
    if isinstance(node, str):
        return str(node)  # ruamel's scalar string subclasses become plain str
    if isinstance(node, bool):
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def _record(source_map: SourceMap, path: PathKey, position: Any) -> None:
    # A key merged in with `<<: *anchor` has no position of its own in this
    # mapping: its problems are then shown at the mapping's line.
    if position is not None:
        source_map.lines[path] = position[0] + 1
