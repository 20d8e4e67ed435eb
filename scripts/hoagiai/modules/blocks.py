"""Read the structure of a module page: its admonition blocks and its anchored headings.

A module marks its parts with Python-Markdown admonitions (`!!! kind "Title"`, or
`??? kind "Title"` for a collapsed one, pymdownx.details) whose body is indented
by four spaces, and its citable sections with headings carrying an id
(`## Lắng nghe {#lang-nghe}`). This module finds both, with their lines, without
rendering anything; blocks nest (an `answer` inside a `scenario`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

INDENT = 4
_BLOCK = re.compile(
    r"^(?P<indent> *)(?P<marker>!!!|\?\?\?\+?)\s+(?P<kind>[A-Za-z0-9_-]+)"
    r'(?:\s+"(?P<title>[^"]*)")?\s*$'
)
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*(?:\{#(?P<id>[A-Za-z0-9_-]+)\})?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+\S")


@dataclass
class Block:
    """One admonition: its kind, title, where it starts, and its body (dedented)."""

    kind: str
    title: str
    line: int  # line of the `!!!` marker, from 1 within the text parsed
    indent: int
    collapsible: bool
    body: list[str] = field(default_factory=list)
    children: list[Block] = field(default_factory=list)
    end: int = 0  # last line of the block (inclusive)

    @property
    def body_line(self) -> int:
        """Line of the first body line in the text parsed."""
        return self.line + 1

    def text(self) -> str:
        return "\n".join(self.body).strip("\n")

    def list_items(self) -> list[str]:
        """Top-level list items of the body (nested lists and blocks are indented, so skipped)."""
        return [line for line in self.body if _LIST_ITEM.match(line)]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str | None
    line: int


@dataclass
class Structure:
    blocks: list[Block]  # top-level blocks, in order
    headings: list[Heading]

    def all_blocks(self) -> list[Block]:
        found: list[Block] = []
        pending = list(self.blocks)
        while pending:
            block = pending.pop(0)
            found.append(block)
            pending[:0] = block.children
        return found


def parse(markdown: str) -> Structure:
    """Blocks and headings of a Markdown text, outside fenced code."""
    lines = markdown.splitlines()
    fenced = _fenced_lines(lines)
    headings = []
    for number, line in enumerate(lines, start=1):
        match = _HEADING.match(line)
        if match and number not in fenced:
            headings.append(Heading(len(match["hashes"]), match["text"], match["id"], number))
    return Structure(_blocks(lines, fenced, 0, len(lines), 0), headings)


def _fenced_lines(lines: list[str]) -> set[int]:
    inside, fenced = False, set()
    for number, line in enumerate(lines, start=1):
        if _FENCE.match(line):
            inside = not inside
            fenced.add(number)
        elif inside:
            fenced.add(number)
    return fenced


def _blocks(lines: list[str], fenced: set[int], start: int, stop: int, indent: int) -> list[Block]:
    """Blocks whose marker sits exactly at `indent` between lines[start:stop]."""
    found: list[Block] = []
    index = start
    while index < stop:
        match = _BLOCK.match(lines[index])
        if not match or index + 1 in fenced or len(match["indent"]) != indent:
            index += 1
            continue
        end = index + 1
        while end < stop and (not lines[end].strip() or _indent_of(lines[end]) >= indent + INDENT):
            end += 1
        while end > index + 1 and not lines[end - 1].strip():
            end -= 1  # trailing blank lines belong to what follows
        block = Block(
            kind=match["kind"], title=match["title"] or "", line=index + 1, indent=indent,
            collapsible=match["marker"].startswith("?"),
            body=[line[indent + INDENT:] for line in lines[index + 1:end]], end=end,
        )
        block.children = _blocks(lines, fenced, index + 1, end, indent + INDENT)
        found.append(block)
        index = end
    return found


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
