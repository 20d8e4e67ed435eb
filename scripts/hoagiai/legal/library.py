"""The legal library: every document by id, and what a citation such as `luat35:12.1.a` means.

Labels follow Vietnamese drafting usage, smallest unit first ("điểm a khoản 1
Điều 12 Luật Hòa giải ở cơ sở"), and the English usage "Article 12(1)(a), Law
on Grassroots Mediation". The same words describe units that do not exist, for
error messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hoagiai.citations import CitationTarget
from hoagiai.legal.model import Document, Kind, Unit
from hoagiai.problems import Text
from hoagiai.sitemap import SITE_MAP

LEGAL_FOLDER = SITE_MAP["legal"].slug
_TOOLTIP_WORDS = 16  # how much of an untitled article's text its tooltip shows

Step = tuple[Kind, str]  # one level of a locator: (kind, number)


def page_of(doc_id: str) -> str:
    """The page that shows a document, without language suffix: `van-ban/luat35.md`."""
    return f"{LEGAL_FOLDER}/{doc_id}.md"


def describe(steps: Sequence[Step], lang: str) -> str:
    """A unit in words, without the document: "khoản 1 Điều 12", "Article 12(1)", "mục IV.4.b"."""
    if not steps:
        return ""
    first = steps[0][0]
    numbers = [number for _, number in steps]
    if first is Kind.ARTICLE:
        if lang == "vi":
            words = {Kind.ARTICLE: "Điều", Kind.CLAUSE: "khoản", Kind.POINT: "điểm"}
            return " ".join(f"{words[kind]} {number}" for kind, number in reversed(steps))
        return f"Article {numbers[0]}" + "".join(f"({number})" for number in numbers[1:])
    if first is Kind.PART and numbers[0].startswith("PL."):
        part = numbers[0].removeprefix("PL.")
        if lang == "vi":
            words = {Kind.ITEM: "khoản", Kind.POINT: "điểm"}
            inner = " ".join(f"{words[kind]} {number}" for kind, number in reversed(steps[1:]))
            return f"{inner} mục {part} Phụ lục".strip()
        return f"Annex, section {part}" + "".join(f"({number})" for number in numbers[1:])
    # Plan items join their numbers (IV.4.b); a note's number is already whole (4.1).
    locator = numbers[-1] if first is Kind.NOTE else ".".join(numbers)
    if lang == "vi":
        return f"mục {locator}"
    if first is Kind.NOTE:
        return f"section {locator}"
    return f"{'part' if len(steps) == 1 else 'item'} {locator}"


def steps_of(document: Document, unit: Unit) -> list[Step]:
    """The chain of (kind, number) from the top-level unit down to `unit`."""
    top = document.top_unit_of(unit.locator)
    chain = [top]
    while chain[-1] is not unit:
        chain.append(next(child for child in chain[-1].subunits
                          if child is unit or any(inner is unit for inner in child.units())))
    steps: list[Step] = []
    for item in chain:
        number = item.locator if item is top and item.kind is Kind.PART and \
            item.locator.startswith("PL.") else item.number
        steps.append((item.kind, number))
    return steps


def english_heading(document: Document, top: Unit) -> str:
    """The English heading of an article, part or note: "Article 12. Mediation teams"."""
    name = document.info.headings_en.get(top.locator, "")
    if top.kind is Kind.ARTICLE:
        return f"Article {top.number}. {name}"
    if top.locator.startswith("PL."):
        return f"Annex, section {top.number}. {name}"
    return f"{top.locator}. {name}"


def vietnamese_heading(top: Unit) -> str:
    """The heading as the source writes it; for untitled articles, their opening words."""
    if top.heading:
        return top.heading
    words = next(top.paragraphs()).text.split()
    shortened = " ".join(words[:_TOOLTIP_WORDS])
    return shortened + ("…" if len(words) > _TOOLTIP_WORDS else "")


@dataclass
class LegalLibrary:
    """Every document of the library; also the resolver of `doc:locator` citations."""

    documents: dict[str, Document]
    # Ids of documents whose files exist but could not be loaded (their problems are
    # already reported): citations of them are not reported a second time.
    broken: frozenset[str] = frozenset()

    def find(self, ref: str) -> tuple[Document, Unit] | None:
        doc_id, separator, locator = ref.partition(":")
        document = self.documents.get(doc_id)
        if not separator or document is None:
            return None
        unit = document.index.get(locator)
        return (document, unit) if unit is not None else None

    def resolve(self, ref: str) -> CitationTarget | None:
        found = self.find(ref)
        if found is None:
            return None
        document, unit = found
        return CitationTarget(ref, page_of(document.id), unit.anchor,
                              self.label(document, unit), self.tooltip(document, unit))

    def label(self, document: Document, unit: Unit) -> Text:
        steps = steps_of(document, unit)
        name = document.info.cite_name
        return Text(f"{describe(steps, 'vi')} {name.vi}", f"{describe(steps, 'en')}, {name.en}")

    def tooltip(self, document: Document, unit: Unit) -> Text:
        top = document.top_unit_of(unit.locator)
        return Text(vietnamese_heading(top), english_heading(document, top))

    def ordered(self) -> list[Document]:
        """Documents by type (laws first, notes last), then by date of issue."""
        ranks = {kind: rank for rank, kind in enumerate(TYPE_ORDER)}
        return sorted(self.documents.values(),
                      key=lambda d: (ranks[d.info.type], d.info.issued or "9999", d.id))


TYPE_ORDER = ("luat", "bo-luat", "nghi-dinh", "nghi-quyet-lien-tich", "quyet-dinh", "thong-tu",
              "ke-hoach", "ghi-chep")
