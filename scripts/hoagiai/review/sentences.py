"""Prose cut into sentences, each with the line it starts on and the citations it carries.

Markdown is read block by block: a paragraph, a list item, a table row, the
body of an admonition or a quotation. Headings, admonition titles, raw HTML
lines and fenced code are not prose and are skipped. A block is cut into
sentences after `.`, `!` or `?` followed by a space and a capital letter (or an
opening quote, bracket or emphasis mark). A list item that has no citation of
its own takes those of the sentence that introduces the list with a colon
("Điều kiện để được công nhận [[blttds:417]]:"), since that citation covers it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from hoagiai.citations import MARKDOWN_CITATION

_FENCE = re.compile(r"^\s*(```|~~~)")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)\s")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")
_SENTENCE_END = re.compile(r"(?<=[.!?])[*_”\"')]*\s+(?=[*_“\"'(\[]*[A-ZÀ-ỸĐ0-9])")
_LINK = re.compile(r"(?<!\[)\[([^\[\]]+)\]\([^)]*\)")
_ATTR = re.compile(r"\s*\{[:#.][^}]*\}")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?!\s)|(?<=\S)\*(?![\w*])")


@dataclass(frozen=True)
class Sentence:
    """One sentence of prose: its Markdown, where it starts, and what it cites."""

    markdown: str  # as written, citations included
    line: int  # from 1, in the text that was read
    refs: tuple[str, ...]  # its own citations, in order
    # Citations that cover it without being in it: those of the sentence introducing its list,
    # or an FAQ answer's `cite:` list.
    covering: tuple[str, ...] = ()

    @property
    def cited(self) -> tuple[str, ...]:
        """What the sentence rests on: its own citations, or those that cover it."""
        return self.refs or self.covering

    @property
    def text(self) -> str:
        """Plain words, for reading and for the rule detector: no markup, no citations."""
        return plain(MARKDOWN_CITATION.sub("", self.markdown))


def plain(markdown: str) -> str:
    """Markdown of one sentence as plain text: links, emphasis and `{#anchors}` removed."""
    text = _ATTR.sub("", _LINK.sub(r"\1", markdown))
    text = _EMPHASIS.sub("", text).replace("\\", "")
    return re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"\s+", " ", text)).strip()


@dataclass
class _Block:
    line: int
    is_item: bool
    pieces: list[tuple[int, str]]  # (line, text) as written


def blocks(markdown: str) -> Iterator[_Block]:
    """The prose blocks of a Markdown text, in order."""
    current: _Block | None = None
    in_fence = False
    for number, raw in enumerate(markdown.splitlines(), start=1):
        if _FENCE.match(raw):
            in_fence = not in_fence
            continue
        line = raw.strip().removeprefix(">").strip()
        starts_block = not line or in_fence or line.startswith(("#", "<", "|")) \
            or _ADMONITION.match(line) or _LIST_ITEM.match(line)
        if starts_block and current is not None:
            yield current
            current = None
        if not line or in_fence or line.startswith(("#", "<")) or _ADMONITION.match(line):
            continue
        if line.startswith("|"):
            if not _TABLE_RULE.match(line):
                cells = [cell.strip() for cell in line.strip("|").split("|")]
                yield _Block(number, False, [(number, " · ".join(c for c in cells if c))])
            continue
        item = _LIST_ITEM.match(line)
        if item:
            current = _Block(number, True, [(number, line[item.end():])])
        elif current is None:
            current = _Block(number, False, [(number, line)])
        else:
            current.pieces.append((number, line))
    if current is not None:
        yield current


def _split(block: _Block) -> Iterator[tuple[int, str]]:
    """The sentences of a block, each with the line it starts on."""
    text, starts = "", []
    for line, piece in block.pieces:
        starts.append((len(text), line))
        text += piece + " "
    begin = 0
    for end in [match.start() for match in _SENTENCE_END.finditer(text)] + [len(text)]:
        chunk = text[begin:end].strip()
        if chunk:
            line = max(line for offset, line in starts if offset <= begin)
            yield line, chunk
        begin = end


def sentences(markdown: str, first_line: int = 1) -> list[Sentence]:
    """Every sentence of `markdown`; lines count from `first_line` (the body's line in its file)."""
    found: list[Sentence] = []
    lead: tuple[str, ...] = ()
    for block in blocks(markdown):
        if not block.is_item:
            lead = ()
        for line, chunk in _split(block):
            refs = tuple(match["ref"] for match in MARKDOWN_CITATION.finditer(chunk))
            found.append(Sentence(chunk, first_line + line - 1, refs,
                                  lead if block.is_item else ()))
        last = found[-1] if found and found[-1].line >= first_line + block.line - 1 else None
        if last is not None and not block.is_item and last.markdown.rstrip().endswith(":"):
            lead = last.refs
    return found
