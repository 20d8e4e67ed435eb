"""Citations: one short syntax that points from any content to the text it rests on.

In Markdown a citation is written `[[luat35:12.1.a]]` (Law 35, article 12,
clause 1, point a) or `[[luat35:12.1|khoản 1 Điều 12]]` with a label of one's
own; in YAML a `cite:` field holds the bare reference, `luat35:12.1.a`. A skill
(rather than a rule) is cited by a section of a training module:
`hoc-tap/ky-nang-hoa-giai#lang-nghe`.

Features record every citation they publish as a `CitationUse`, with the place
it is written; resolvers (the legal library) turn references into
`CitationTarget`s. Checking, rendering and "cited by" lists are built on these.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from hoagiai.problems import Location, Text

# `doc:locator` (locator: dot-separated parts such as 12.1.a, IV.4.b) or `page/path#anchor`.
REFERENCE = (
    r"[a-z0-9-]+:[A-Za-z0-9đ]+(?:\.[A-Za-z0-9đ]+)*"
    r"|[a-z0-9-]+(?:/[a-z0-9-]+)*#[a-z0-9-]+"
)
MARKDOWN_CITATION = re.compile(rf"\[\[(?P<ref>{REFERENCE})(?:\|(?P<label>[^\]\n]+))?\]\]")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class CitationUse:
    """One place where the site cites something."""

    ref: str  # "luat35:12.1.a"
    location: Location  # where it is written, for error messages
    page: str  # the page that shows it, without language suffix: "trac-nghiem/co-ban.md"
    anchor: str  # the element on that page ("cau-3"), or "" for the page itself
    label: Text  # how that page or item is named in "cited by" lists


@dataclass(frozen=True)
class CitationTarget:
    """What a reference points to, ready to be linked."""

    ref: str
    page: str  # the page holding the target, without language suffix: "van-ban/luat35.md"
    anchor: str  # "dieu-12-khoan-1-diem-a"
    label: Text  # "Điều 12 khoản 1 điểm a, Luật 35/2013/QH13" / "Article 12(1)(a), Law 35/2013"
    title: Text  # the article's title, shown as the link's tooltip


class CitationResolver(Protocol):
    """Something that knows what a family of references points to (the legal library)."""

    def resolve(self, ref: str) -> CitationTarget | None: ...


@dataclass(frozen=True)
class FoundCitation:
    ref: str
    label: str | None
    start: int  # offset of `[[` in the text
    end: int
    line: int  # from 1, within the text searched
    column: int  # from 1


def find_in_markdown(markdown: str) -> Iterator[FoundCitation]:
    """Every `[[...]]` citation outside fenced code blocks, with its line and column."""
    offset = 0
    in_fence = False
    for line_number, line in enumerate(markdown.splitlines(keepends=True), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            for match in MARKDOWN_CITATION.finditer(line):
                yield FoundCitation(
                    match["ref"], match["label"], offset + match.start(), offset + match.end(),
                    line_number, match.start() + 1,
                )
        offset += len(line)
