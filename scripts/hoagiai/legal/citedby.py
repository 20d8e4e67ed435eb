"""Who cites each article: built from every `CitationUse` the features recorded.

Entries are grouped under the article (or plan part, or note) that holds the
cited unit and listed once per citing place, naming the clauses or points cited.
A page citing its own document (a summary pointing at its articles) is left
out: the reader is already there. Each document's entries, in the order of its
articles, are then split into the pages of its list (hoagiai.legal.citedby_pages).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hoagiai.citations import CitationUse
from hoagiai.legal.library import LEGAL_FOLDER, LegalLibrary, describe, page_of, steps_of
from hoagiai.legal.links import relative_link
from hoagiai.legal.model import Document, Unit
from hoagiai.pagination import ListPage, paginate
from hoagiai.problems import Text
from hoagiai.site import LANGUAGES, Site, localized_uri


@dataclass
class Citer:
    """One place that cites an article, as a "cited by" list shows it."""

    page: str  # the citing page, without language suffix
    anchor: str
    label: Text
    parts: list[Text] = field(default_factory=list)  # clauses or points cited, if not all

    def href(self, from_page: str) -> str:
        link = relative_link(from_page, self.page)
        return f"{link}#{self.anchor}" if self.anchor else link


CitedBy = dict[tuple[str, str], list[Citer]]  # (document id, top-level locator) -> citers
FOLDER = f"{LEGAL_FOLDER}/dan-chieu"  # each document's list of citing places
PER_PAGE = 150  # citing places per page of a list (about 9 KB gzip)


def cited_by(site: Site, library: LegalLibrary) -> CitedBy:
    found: dict[tuple[str, str], dict[tuple[str, str], Citer]] = {}
    for use in site.citations:
        located = library.find(use.ref)
        if located is None:
            continue  # a module section, not a legal text
        document, unit = located
        if use.page == page_of(document.id):
            continue
        top = document.top_unit_of(unit.locator)
        citers = found.setdefault((document.id, top.locator), {})
        citer = citers.setdefault((use.page, use.anchor),
                                  Citer(use.page, use.anchor, _label(site, use)))
        if unit is not top:
            steps = steps_of(document, unit)
            part = Text(describe(steps, "vi"), describe(steps, "en"))
            if part not in citer.parts:
                citer.parts.append(part)
    return {key: sorted(citers.values(), key=lambda c: (c.label.vi, c.page, c.anchor))
            for key, citers in found.items()}


def _label(site: Site, use: CitationUse) -> Text:
    """An authored page records its citations once per language, each named in its own
    language; the list names the page by its title in both."""
    if use.anchor:
        return use.label
    versions = [site.pages.get(localized_uri(use.page, lang)) for lang in LANGUAGES]
    if all(versions):
        vi, en = (str(page.meta.get("title", use.page)) for page in versions)
        return Text(vi, en)
    return use.label


@dataclass(frozen=True)
class Entry:
    """One place that cites one article (or part, or note) of the document."""

    unit: Unit
    citer: Citer


@dataclass(frozen=True)
class CitedByLists:
    """Every document's list of citing places, and where each article's entries start."""

    citers: CitedBy
    pages: dict[str, list[ListPage[Entry]]]  # document id -> its list's pages
    starts: dict[tuple[str, str], str]  # (document id, unit locator) -> page path

    def count(self, document: Document, unit: Unit) -> int:
        return len(self.citers.get((document.id, unit.locator), ()))

    def href(self, document: Document, unit: Unit, from_page: str) -> str:
        """The link from `from_page` to the start of the unit's entries, or "" if none."""
        start = self.starts.get((document.id, unit.locator))
        return f"{relative_link(from_page, start)}#{unit.anchor}" if start else ""


def cited_by_lists(library: LegalLibrary, citers: CitedBy) -> CitedByLists:
    pages: dict[str, list[ListPage[Entry]]] = {}
    starts: dict[tuple[str, str], str] = {}
    for document in library.ordered():
        entries = [Entry(unit, citer) for unit in document.top_units()
                   for citer in citers.get((document.id, unit.locator), [])]
        if not entries:
            continue
        pages[document.id] = paginate(f"{FOLDER}/{document.id}", entries, PER_PAGE)
        for page in pages[document.id]:
            for entry in page.items:
                starts.setdefault((document.id, entry.unit.locator), page.path)
    return CitedByLists(citers, pages, starts)
