"""The legal library's model: documents as trees of citable units, each paragraph kept verbatim.

A document's body is a list of `Paragraph`s and `Unit`s in source order. Units
nest: chapter → section (mục) → article → clause → point for laws; part (I, II…)
→ item (1, 2…) → point for the commune plan and the decree's annex; numbered
headings for the notes files. A unit with a `locator` can be cited
(`luat35:12.1.a`); chapters and sections only group articles.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from hoagiai.problems import Text


class Role(StrEnum):
    """What a paragraph is, which decides how it is shown and whether it is law."""

    TEXT = "text"  # wording of the document
    STRONG = "strong"  # wording set in bold in the source (`**…**`)
    EMPHASIS = "emphasis"  # wording set in italics in the source (`*…*`)
    TITLE = "title"  # the source's own heading line (`# LUẬT …`)
    EDITORIAL = "editorial"  # an HTML comment of the source's editor: never law
    OMITTED = "omitted"  # a placeholder for text the source lacks: `[… không chép …]`


EDITORIAL_ROLES = (Role.EDITORIAL, Role.OMITTED)


class Kind(StrEnum):
    CHAPTER = "chuong"
    SECTION = "muc-luat"  # "Mục" of a law, inside a chapter
    ANNEX = "phu-luc"
    ARTICLE = "dieu"
    CLAUSE = "khoan"
    POINT = "diem"
    PART = "phan"  # I., II. of the plan; III. of the annex
    ITEM = "muc"  # 1., 2. under a part
    NOTE = "ghi-chep"  # a numbered heading of a notes file
    REMARKS = "ghi-chu"  # a `## …` section the source's editor added (not the document)


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph; editorial spans are inline placeholders such as `[…]`."""

    text: str
    editorial: bool = False


@dataclass
class Paragraph:
    """One paragraph (one source line), its text exactly as written."""

    text: str
    line: int
    role: Role = Role.TEXT
    spans: tuple[Span, ...] = ()

    @property
    def is_editorial(self) -> bool:
        return self.role in EDITORIAL_ROLES


@dataclass
class Unit:
    """A structural part of a document; citable when it has a locator."""

    kind: Kind
    number: str  # "12", "1", "đ", "IV", "4.1"
    heading: str  # the heading as written ("Điều 12. Tổ hòa giải", "Chương I"), or ""
    anchor: str  # "dieu-12-khoan-1-diem-dd"
    line: int
    locator: str = ""  # "12.1.đ"; "" for chapters and sections
    title: str = ""  # the heading's name part ("Tổ hòa giải", "NHỮNG QUY ĐỊNH CHUNG")
    children: list[Paragraph | Unit] = field(default_factory=list)
    markdown: str = ""  # notes and remarks keep their Markdown to be rendered as such

    def units(self) -> Iterator[Unit]:
        """Every unit below this one, depth first, in source order."""
        for child in self.children:
            if isinstance(child, Unit):
                yield child
                yield from child.units()

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph of this unit and the units inside it, in source order."""
        for child in self.children:
            if isinstance(child, Unit):
                yield from child.paragraphs()
            else:
                yield child

    @property
    def subunits(self) -> list[Unit]:
        return [child for child in self.children if isinstance(child, Unit)]

    @property
    def own_paragraphs(self) -> list[Paragraph]:
        return [child for child in self.children if isinstance(child, Paragraph)]


@dataclass(frozen=True)
class OfficialLink:
    label: Text
    url: str


@dataclass(frozen=True)
class KeyArticle:
    ref: str
    text: Text  # our own words; may hold [[citations]]


@dataclass(frozen=True)
class DocumentInfo:
    """Our curated metadata for one document (its `materials/legal/<id>.yml`).

    Free texts (`replaced`, `status`, `summary`, …) are our own words and may
    hold `[[citations]]`; every fact in them must be checkable in the source.
    """

    id: str
    type: str  # luat, bo-luat, nghi-dinh, …
    nature: str  # van-ban, bao-chi (press facts), thu-cap (secondary facts)
    audience: tuple[str, ...]
    source_file: str  # the file's name in the shared sources, for the fidelity checks
    title: Text
    short: Text
    cite_name: Text
    description: Text
    number: str  # "" when the document has none
    issuer: Text | None
    issued: str  # ISO date or year; "" when unknown
    effective: str
    expires: str
    replaced: Text | None
    completeness: str  # full, partial, extract, notes
    completeness_note: Text
    missing: Text | None
    source: Text
    checked: str  # when the status was last checked (ISO date)
    status: tuple[Text, ...]
    links: tuple[OfficialLink, ...]
    summary: Text
    key_articles: tuple[KeyArticle, ...]
    headings_en: dict[str, str]  # English heading of each article, part or note, by locator
    closing: str = ""  # the plan only: the first words of its closing paragraph

    @property
    def layout(self) -> str:
        """How the source is laid out: law (articles), plan (I., 1., a)) or notes (headings)."""
        return {"ke-hoach": "plan", "ghi-chep": "notes"}.get(self.type, "law")


@dataclass
class Document:
    """One document of the library: our metadata, the source's header and its parsed body."""

    info: DocumentInfo
    path: str  # "materials/legal/luat35.md", for messages
    header: dict
    body: list[Paragraph | Unit]
    index: dict[str, Unit] = field(default_factory=dict)  # locator -> unit

    @property
    def id(self) -> str:
        return self.info.id

    def units(self) -> Iterator[Unit]:
        for child in self.body:
            if isinstance(child, Unit):
                yield child
                yield from child.units()

    def top_units(self) -> list[Unit]:
        """The citable units that are not inside another citable unit (articles, parts…)."""
        found: list[Unit] = []

        def walk(children: list[Paragraph | Unit]) -> None:
            for child in children:
                if isinstance(child, Unit):
                    if child.locator:
                        found.append(child)
                    else:
                        walk(child.children)

        walk(self.body)
        return found

    def top_unit_of(self, locator: str) -> Unit:
        """The article (or part, or note) that holds the unit at `locator`."""
        return self._top_units_by_locator[locator]

    @functools.cached_property
    def _top_units_by_locator(self) -> dict[str, Unit]:
        """Each citable locator -> its top-level unit, made once for thousands of lookups."""
        found: dict[str, Unit] = {}
        for top in self.top_units():
            found.setdefault(top.locator, top)
            for unit in top.units():
                found.setdefault(unit.locator, top)
        return found
