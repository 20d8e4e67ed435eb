"""What the legal templates need from a document, in one language: texts, dates, links, lists.

Templates stay declarative; anything that needs a decision (how a date reads,
which heading level a unit gets, who cites an article) is answered here.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from hoagiai.citations import MARKDOWN_CITATION
from hoagiai.legal.citedby import CitedByLists, Citer
from hoagiai.legal.library import (
    LegalLibrary,
    describe,
    english_heading,
    page_of,
    steps_of,
    vietnamese_heading,
)
from hoagiai.legal.model import Document, DocumentInfo, Kind, Paragraph, Unit
from hoagiai.printing.dates import spoken_date
from hoagiai.problems import Text
from hoagiai.render import markdown_text

_GROUPS = (Kind.CHAPTER, Kind.SECTION, Kind.ANNEX)  # headings that only group articles


def cited_markdown(text: str) -> Markup:
    """Our own text for Markdown: escaped, except its `[[citations]]`, which stay raw."""
    pieces: list[str] = []
    done = 0
    for match in MARKDOWN_CITATION.finditer(text):
        pieces += [markdown_text(text[done:match.start()]), match.group()]
        done = match.end()
    pieces.append(markdown_text(text[done:]))
    return Markup("".join(pieces))


@dataclass(frozen=True)
class TocEntry:
    depth: int
    text: str
    anchor: str


@dataclass
class DocumentView:
    document: Document
    library: LegalLibrary
    lists: CitedByLists  # who cites each unit
    lang: str

    @property
    def info(self) -> DocumentInfo:
        return self.document.info

    @property
    def page(self) -> str:
        return page_of(self.document.id)

    def text(self, value: Text | None) -> str:
        return value[self.lang] if value else ""

    def cited(self, value: Text | None) -> Markup:
        return cited_markdown(self.text(value))

    def date(self, value: str) -> str:
        return spoken_date(value, self.lang) if value else ""

    def cite_link(self, ref: str) -> Markup:
        """`[[ref|Điều 2]]`: a citation labelled without the document's name."""
        document, unit = self.library.find(ref) or (None, None)
        if document is None or document is not self.document:
            return Markup(f"[[{ref}]]")
        return Markup(f"[[{ref}|{describe(steps_of(document, unit), self.lang)}]]")

    def cited_count(self, unit: Unit) -> int:
        """How many places of the site cite this article (or part, or note)."""
        return self.lists.count(self.document, unit)

    def cited_href(self, unit: Unit) -> str:
        """The link from the document's page to the list of places that cite the unit."""
        return self.lists.href(self.document, unit, self.page)

    def citer_entries(self, citers: list[Citer], from_page: str) -> list[dict[str, str]]:
        """Citing places as a list shows them, linked from `from_page`."""
        return [
            {"href": citer.href(from_page), "label": self.text(citer.label),
             "parts": ", ".join(self.text(part) for part in citer.parts)}
            for citer in citers
        ]

    def group_heading(self, unit: Unit) -> str:
        return f"{unit.heading} — {unit.title}" if unit.title else unit.heading

    def unit_heading(self, unit: Unit) -> str:
        if self.lang == "vi":
            return vietnamese_heading(unit) if unit.kind is not Kind.NOTE else unit.heading
        return english_heading(self.document, unit)

    def vi_heading(self, unit: Unit) -> str:
        return vietnamese_heading(unit)

    def toc(self) -> list[TocEntry]:
        """Chapters, sections and articles (or parts, notes), nested as in the text."""
        entries: list[TocEntry] = []

        def walk(children: list[Paragraph | Unit], depth: int) -> None:
            for child in children:
                if not isinstance(child, Unit) or child.kind in (Kind.CLAUSE, Kind.ITEM):
                    continue
                if child.kind in _GROUPS or child.kind is Kind.REMARKS:
                    entries.append(TocEntry(depth, self.group_heading(child), child.anchor))
                    walk(child.children, depth + 1)
                elif child.kind in (Kind.ARTICLE, Kind.PART, Kind.NOTE):
                    entries.append(TocEntry(depth, self.unit_heading(child), child.anchor))
                    walk(child.children, depth + 1)

        walk(self.document.body, 0)
        return entries

    def top_units(self) -> list[Unit]:
        return self.document.top_units()

    def english_parts(self, unit: Unit) -> list[Unit]:
        """The units inside an article or part that the English page links one by one."""
        return [child for child in unit.subunits if child.kind is not Kind.NOTE]

    def notes_inside(self, unit: Unit) -> list[Unit]:
        return [child for child in unit.subunits if child.kind is Kind.NOTE]

    def parts_kind(self, unit: Unit) -> str:
        """What the parts of an article or part are called: clauses (also in the annex) or items."""
        return "items" if unit.kind is Kind.PART and not unit.locator.startswith("PL.") \
            else "clauses"
