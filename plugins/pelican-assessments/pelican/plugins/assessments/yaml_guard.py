"""Refuse YAML whose shape is hostile before anything is built from it.

A few hundred bytes of YAML can stand for a billion values (aliases of
aliases), nest deeper than any recursive copy survives, or ask for Python
objects by tag. The parser's event stream is flat and lazy, so it is read
here once, stopping at the first such shape, before the document is loaded:
nothing here recurses, and nothing is built that is not bounded."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# An assessment nests sections > questions > options > scores: well under ten
# levels. Fifty leaves room for any honest layout and stays far from the
# recursion limit of the copy into plain data.
MAX_DEPTH = 50
# Values aliases may add in all, counted as expanded: enough to reuse a scale
# or a set of bands many times over, far too few for a "billion laughs".
MAX_ALIAS_VALUES = 1000

STANDARD_TAG_PREFIX = "tag:yaml.org,2002:"


def hostile_shape(events: Iterable[Any]) -> tuple[int, str] | None:
    """(line, message) for the first tag, alias or nesting the reader
    refuses, or None. Undefined aliases and syntax are left to the loader,
    which already reports them well."""
    depth = 0
    added_by_aliases = 0
    values = 0  # every node so far, aliases counted as expanded
    sizes: dict[str, int] = {}  # anchor -> the number of values it stands for
    defined: set[str] = set()
    open_anchors: list[tuple[str | None, int]] = []  # per open collection: (anchor, values before)
    for event in events:
        kind = type(event).__name__
        line = event.start_mark.line + 1
        if kind in ("ScalarEvent", "MappingStartEvent", "SequenceStartEvent"):
            tag = getattr(event, "tag", None)
            if tag is not None:
                shown = (
                    "!!" + tag[len(STANDARD_TAG_PREFIX) :]
                    if tag.startswith(STANDARD_TAG_PREFIX)
                    else tag
                )
                return line, f"the tag '{shown}' is not allowed; remove it and write a plain value"
            values += 1
            anchor = getattr(event, "anchor", None)
            if anchor is not None and anchor in defined:
                # Later aliases would silently mean the second value.
                return line, f"the anchor '&{anchor}' is defined again here; name each anchor once"
            if anchor is not None:
                defined.add(anchor)
        if kind == "ScalarEvent" and event.anchor is not None:
            sizes[event.anchor] = 1
        elif kind in ("MappingStartEvent", "SequenceStartEvent"):
            depth += 1
            if depth > MAX_DEPTH:
                return (
                    line,
                    f"the values nest deeper than {MAX_DEPTH} levels; "
                    "flatten them (an assessment needs fewer than ten)",
                )
            open_anchors.append((event.anchor, values - 1))
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            depth -= 1
            anchor, before = open_anchors.pop()
            if anchor is not None:
                sizes[anchor] = values - before
        elif kind == "AliasEvent":
            name = event.anchor
            if any(anchor == name for anchor, _ in open_anchors):
                return (
                    line,
                    f"the alias '*{name}' is inside the value its anchor '&{name}' names, "
                    "so it would contain itself; write the value out here",
                )
            size = sizes.get(name, 1)
            values += size
            added_by_aliases += size
            if added_by_aliases > MAX_ALIAS_VALUES:
                return (
                    line,
                    f"aliases expand to more than {MAX_ALIAS_VALUES} values by here; "
                    "write the values out or use fewer aliases of aliases",
                )
    return None
