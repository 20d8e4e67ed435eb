"""Load YAML while keeping the line and column of every value.

PyYAML's composer keeps a mark on every node; we build plain Python data from
those nodes ourselves and remember, for each path into the data, where its key
and its value start. A JSON Schema error's path can then be turned back into
`file:line:column`. Loading also normalises what YAML makes ambiguous: keys
become strings and dates become ISO strings (`2025-07-01`), so schemas can
check them as text.

Parsing is the slowest part of loading the site, and `mkdocs serve` loads it
again after every edit, although one file changed at most: results are kept by
text, and each caller gets its own copy to change as it likes.
"""

from __future__ import annotations

import datetime as dt
import functools
import pickle
from dataclasses import dataclass, field
from typing import Any

import yaml

from hoagiai.problems import Location, Problem, problem
from hoagiai.safety.limits import BoundedLoader, FastBoundedLoader, LimitExceeded

JsonPath = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """Data loaded from one YAML text, with the position of every value and key."""

    path: str
    data: Any
    values: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    line_offset: int = 0

    def location(self, json_path: JsonPath = (), *, key: bool = False) -> Location:
        """Where `json_path` is written; falls back to its nearest ancestor that has a place."""
        table = self.keys if key else self.values
        current = tuple(json_path)
        while current:
            if current in table:
                return self._at(table[current])
            if current in self.values:
                return self._at(self.values[current])
            current = current[:-1]
        return self._at(self.values.get((), (1, 1)))

    def _at(self, position: tuple[int, int]) -> Location:
        line, column = position
        return Location(self.path, line + self.line_offset, column)


# PyYAML's own messages are English; these say the same in plain words, with a way out.
_SYNTAX_HINTS: list[tuple[str, str, str]] = [
    (
        "mapping values are not allowed",
        "có dấu hai chấm “:” không đúng chỗ",
        "a colon “:” is in the wrong place",
    ),
    (
        "cannot start any token",
        "có ký tự không được phép ở đầu (thường là phím Tab)",
        "a character that cannot start a value (often a Tab)",
    ),
    ("could not find expected ':'", "thiếu dấu hai chấm “:” sau tên trường", "a “:” is missing"),
    ("found duplicate anchor", "một nhãn “&” được đặt hai lần", "an “&” anchor is defined twice"),
    ("found undefined alias", "dùng nhãn “*” chưa được định nghĩa", "an “*” alias is undefined"),
    ("expected <block end>", "thụt lề không khớp với dòng trên", "the indentation does not match"),
    ("end of stream", "thiếu dấu ngoặc kép đóng", "a closing quote is missing"),
    ("expected a single document", "tệp chứa nhiều tài liệu “---”", "the file holds several “---”"),
]

_SYNTAX_FIX_VI = (
    "kiểm tra thụt lề (chỉ dùng dấu cách, không dùng Tab) và đặt câu có dấu “:” hoặc “#” "
    "trong ngoặc kép"
)
_SYNTAX_FIX_EN = (
    "check the indentation (spaces only, no Tabs) and put text containing “:” or “#” in quotes"
)


def syntax_problem(error: yaml.YAMLError, path: str, line_offset: int = 0) -> Problem:
    """Turn a PyYAML error into a bilingual problem at the place PyYAML points to."""
    original = str(getattr(error, "problem", None) or error).strip()
    mark = getattr(error, "problem_mark", None)
    if mark is None or "end of stream" in original:
        # An unclosed quote is only noticed at the end of the file: point at where it opened.
        mark = getattr(error, "context_mark", None) or mark
    location = (
        Location(path, mark.line + 1 + line_offset, mark.column + 1) if mark else Location(path)
    )
    for needle, vi, en in _SYNTAX_HINTS:
        if needle in original:
            return problem(
                location, f"YAML sai cú pháp: {vi}", _SYNTAX_FIX_VI, f"YAML syntax error: {en}",
                _SYNTAX_FIX_EN,
            )
    return problem(
        location, f"YAML sai cú pháp ({original})", _SYNTAX_FIX_VI,
        f"YAML syntax error ({original})", _SYNTAX_FIX_EN,
    )


class _Builder:
    """Walks composed nodes into plain data, recording positions and duplicate keys."""

    def __init__(self, loader: BoundedLoader | FastBoundedLoader, document: YamlDocument) -> None:
        self.loader = loader
        self.document = document
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, json_path: JsonPath) -> Any:
        mark = node.start_mark
        self.document.values[json_path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, json_path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*json_path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            return _normalise_scalar(self.loader.construct_object(node, deep=True))
        except ValueError:
            # An impossible date such as 2026-13-01: keep the text, the schema will explain.
            return node.value

    def _mapping(self, node: yaml.MappingNode, json_path: JsonPath) -> dict[str, Any]:
        self.loader.flatten_mapping(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(self._scalar(key_node))
            child = (*json_path, key)
            key_mark = key_node.start_mark
            if key in result:
                where = self.document._at((key_mark.line + 1, key_mark.column + 1))
                self.problems.append(
                    problem(
                        where,
                        f"trường “{key}” được viết hai lần",
                        "xóa một lần hoặc đổi tên trường",
                        f"the field “{key}” is written twice",
                        "remove one of them or rename it",
                    )
                )
            self.document.keys[child] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = self.build(value_node, child)
        return result


def _normalise_scalar(value: Any) -> Any:
    """Dates and times become ISO text; everything else is kept as YAML made it."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def load_yaml(text: str, path: str, line_offset: int = 0) -> tuple[YamlDocument, list[Problem]]:
    """`parse_yaml`, kept: a copy of the result when the same text was parsed before."""
    return pickle.loads(_parsed(text, path, line_offset))


@functools.lru_cache(maxsize=512)
def _parsed(text: str, path: str, line_offset: int) -> bytes:
    """The result of `parse_yaml`, pickled: copying it back is fifty times quicker than parsing."""
    return pickle.dumps(parse_yaml(text, path, line_offset), protocol=pickle.HIGHEST_PROTOCOL)


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[YamlDocument, list[Problem]]:
    """Parse `text`; on a syntax error the document's data is None and the problem says where.

    libyaml scans and parses well-formed text, four times faster than Python; what it refuses
    or might read otherwise goes to `parse_yaml_in_python`, so results and messages are its.
    """
    if FastBoundedLoader is not None:
        try:
            return compose_document(FastBoundedLoader(text), path, line_offset)
        except (yaml.YAMLError, LimitExceeded, UnicodeError):
            pass  # Malformed, or not certainly read alike: Python says what and where.
    return parse_yaml_in_python(text, path, line_offset)


def parse_yaml_in_python(
    text: str, path: str, line_offset: int = 0
) -> tuple[YamlDocument, list[Problem]]:
    """`parse_yaml` with PyYAML's pure-Python parser, whose messages the problems explain."""
    try:
        return compose_document(BoundedLoader(text), path, line_offset)
    except yaml.YAMLError as error:
        problems = [syntax_problem(error, path, line_offset)]
    except LimitExceeded as error:
        problems = [error.problem(path, line_offset)]
    return YamlDocument(path, None, line_offset=line_offset), problems


def compose_document(
    loader: BoundedLoader | FastBoundedLoader, path: str, line_offset: int
) -> tuple[YamlDocument, list[Problem]]:
    """The single document `loader` reads, built; YAML errors and limits are raised."""
    document = YamlDocument(path=path, data=None, line_offset=line_offset)
    try:
        node = loader.get_single_node()
        if node is None:
            return document, []
        builder = _Builder(loader, document)
        document.data = builder.build(node, ())
        return document, builder.problems
    finally:
        loader.dispose()
