"""How big and how deep a source may be, so that no input can exhaust the machine.

A source file is at most `MAX_SOURCE_BYTES` (the largest today is about 70 KB) and is
refused before it is read. YAML is parsed by `BoundedLoader`, which refuses anchors
(`&name`) and aliases (`*name`: one alias may stand for a copy of a whole tree, and a
few nested ones for billions of values) and stops at `MAX_DEPTH` levels of nesting
and `MAX_NODES` values, each with the line where the limit was reached.

`FastBoundedLoader` keeps the same composer and limits but lets libyaml (in C) scan
and parse; `hoagiai.yamlpos` uses it for well-formed text and `BoundedLoader` for the rest.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from hoagiai.problems import Location, Problem, problem

MAX_SOURCE_BYTES = 1024 * 1024
MAX_DEPTH = 30
MAX_NODES = 200_000


def size_problem(path: Path, shown: str) -> Problem | None:
    """A problem when the file at `path` is larger than a source may be."""
    size = path.stat().st_size
    if size <= MAX_SOURCE_BYTES:
        return None
    return problem(
        Location(shown),
        f"tệp quá lớn ({size / 1024 / 1024:.1f} MB; tối đa {MAX_SOURCE_BYTES // 1024} KB)",
        "tách nội dung thành nhiều tệp nhỏ hơn, hoặc kiểm tra xem có dán nhầm gì vào tệp không",
        f"the file is too large ({size / 1024 / 1024:.1f} MB; at most "
        f"{MAX_SOURCE_BYTES // 1024} KB)",
        "split it into smaller files, or check that nothing was pasted into it by mistake",
    )


class LimitExceeded(Exception):
    """Raised while composing YAML; `problem` says where and what to do."""

    def __init__(self, mark: yaml.Mark, what_vi: str, fix_vi: str, what_en: str,
                 fix_en: str) -> None:
        super().__init__(what_en)
        self.mark = mark
        self.texts = (what_vi, fix_vi, what_en, fix_en)

    def problem(self, path: str, line_offset: int = 0) -> Problem:
        location = Location(path, self.mark.line + 1 + line_offset, self.mark.column + 1)
        return problem(location, *self.texts)


class LimitedComposer(Composer):
    """PyYAML's composer without anchors and aliases, and with a depth and a size limit."""

    _depth = 0
    _nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise LimitExceeded(
                event.start_mark,
                "YAML dùng nhãn “&” hoặc “*” (anchor/alias), tài liệu không dùng cách viết này",
                "viết đầy đủ giá trị ở mỗi chỗ cần dùng, bỏ “&tên” và “*tên”",
                "the YAML uses an “&” anchor or “*” alias, which materials do not use",
                "write the value out in full wherever it is needed; remove “&name” and “*name”",
            )
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise LimitExceeded(
                event.start_mark, f"tệp có quá nhiều giá trị (hơn {MAX_NODES:,})",
                "tách nội dung thành nhiều tệp nhỏ hơn",
                f"the file holds too many values (more than {MAX_NODES:,})",
                "split it into smaller files",
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise LimitExceeded(
                    event.start_mark, f"YAML lồng nhau quá sâu (hơn {MAX_DEPTH} mức)",
                    "kiểm tra thụt lề và dấu ngoặc “[ {”: có thể thiếu dấu đóng",
                    f"the YAML is nested too deeply (more than {MAX_DEPTH} levels)",
                    "check the indentation and the “[ {” brackets: one may not be closed",
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class BoundedLoader(LimitedComposer, yaml.SafeLoader):
    """PyYAML's pure-Python safe loader with the limits; `hoagiai.yamlpos` explains its errors."""


class LibyamlMayDiffer(yaml.YAMLError):
    """Raised where libyaml might read a text otherwise than PyYAML's Python scanner."""


# Where libyaml and PyYAML's Python scanner may read the same text differently: Tab, CR,
# BOM, NEL, LS and PS, a "?" standing alone (an explicit key), a "#" right after "|" or ">".
_LIBYAML_MAY_DIFFER = re.compile(r"[\t\r\x85\u2028\u2029\ufeff]|(?<!\S)\?(?!\S)|[|>][-+0-9]*#")


if yaml.__with_libyaml__:

    class FastBoundedLoader(LimitedComposer, yaml.cyaml.CParser, SafeConstructor, Resolver):
        """The same composer, limits and constructor on events scanned and parsed by libyaml.

        The marks are the same (0-based line and column, in characters); libyaml's error
        messages are not, so a caller parses malformed text again with `BoundedLoader`, and
        so it does with `LibyamlMayDiffer`, raised for text libyaml might read otherwise.
        """

        def __init__(self, stream: str) -> None:
            if _LIBYAML_MAY_DIFFER.search(stream):
                raise LibyamlMayDiffer("Tab, CR, BOM, NEL, LS, PS, an explicit key or “|#”")
            yaml.cyaml.CParser.__init__(self, stream)
            LimitedComposer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self._lines = stream.split("\n") if "?" in stream else []
            self._flow = 0

        def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
            event = self.peek_event()
            if getattr(event, "tag", None) is not None:
                raise LibyamlMayDiffer("a tag")
            if not getattr(event, "flow_style", False):
                if self._flow and isinstance(event, yaml.ScalarEvent) and not (
                        event.value or event.style):
                    raise LibyamlMayDiffer("an empty value in a flow collection")
                return super().compose_node(parent, index)
            self._flow += 1
            try:
                node = super().compose_node(parent, index)
            finally:
                self._flow -= 1
            # In `[ ]` and `{ }` Python ends a plain scalar at "?" and libyaml does not.
            written = self._lines[node.start_mark.line : node.end_mark.line + 1]
            if any("?" in line for line in written):
                raise LibyamlMayDiffer("a “?” in a flow collection")
            return node

else:  # PyYAML built without libyaml: only the pure-Python loader.
    FastBoundedLoader = None
