"""The words a citation note quotes: a unit of a legal text as plain lines, in source order.

A note shows the cited article, clause or point word for word as the legal page
does, in light markup: one line per paragraph, marked only where the legal page
sets it apart (the article's heading, a point, bold or italic wording, an editor's
note). A notes file's section keeps its Markdown, as on its own page.
"""

from __future__ import annotations

from dataclasses import dataclass

from hoagiai.legal.model import Kind, Paragraph, Role, Unit

_LINE_KINDS = {Role.STRONG: "strong", Role.EMPHASIS: "emphasis", Role.TITLE: "strong"}


@dataclass(frozen=True)
class Line:
    text: str
    kind: str  # "text", "heading", "point", "strong", "emphasis" or "editorial"


@dataclass(frozen=True)
class Quote:
    """One cited unit: its lines, or (a notes section) its heading and Markdown."""

    lines: tuple[Line, ...] = ()
    heading: str = ""
    markdown: str = ""


def quote(unit: Unit) -> Quote:
    if unit.kind is Kind.NOTE:
        return Quote(heading=unit.heading, markdown=unit.markdown)
    lines: list[Line] = []
    if unit.heading and unit.kind not in (Kind.CLAUSE, Kind.POINT, Kind.ITEM):
        lines.append(Line(unit.heading, "heading"))

    def walk(children: list[Paragraph | Unit], in_point: bool) -> None:
        for child in children:
            if isinstance(child, Unit):
                walk(child.children, in_point or child.kind is Kind.POINT)
            else:
                lines.append(Line(child.text, _kind(child, in_point)))

    walk(unit.children, False)
    return Quote(tuple(lines))


def _kind(paragraph: Paragraph, in_point: bool) -> str:
    if paragraph.is_editorial:
        return "editorial"
    if in_point and paragraph.role is Role.TEXT:
        return "point"
    return _LINE_KINDS.get(paragraph.role, "text")
