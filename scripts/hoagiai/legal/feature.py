"""The legal library as a feature of the site: load, check citations, generate, link."""

from __future__ import annotations

from collections.abc import Iterable

from hoagiai.feature import Feature, GeneratedFile, OutputFile, PageContext
from hoagiai.legal.check import citation_problems
from hoagiai.legal.citedby import cited_by, cited_by_lists
from hoagiai.legal.citedby_pages import list_pages
from hoagiai.legal.library import LegalLibrary
from hoagiai.legal.links import link_citations
from hoagiai.legal.load import FOLDER, load_documents
from hoagiai.legal.markers import keep_markers_with_their_words
from hoagiai.legal.pages import document_pages, index_pages
from hoagiai.legal.quote_files import QuotedUnits
from hoagiai.legal.sections import SectionResolver
from hoagiai.materials import material_files
from hoagiai.problems import Report
from hoagiai.site import Site


class LegalFeature(Feature):
    """Official texts verbatim, their metadata, and every citation on the site."""

    name = "legal"

    def __init__(self) -> None:
        self._quoted = QuotedUnits()

    def load(self, site: Site, report: Report) -> None:
        documents = load_documents(site, report)
        on_disk = {path.stem for path in material_files(site, FOLDER)}
        library = LegalLibrary(documents, frozenset(on_disk - set(documents)))
        site.put(library)
        site.resolvers += [library, SectionResolver(site)]

    def check(self, site: Site, report: Report) -> None:
        report.extend(citation_problems(site))

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        library = site.get(LegalLibrary)
        cited = cited_by_lists(library, cited_by(site, library))
        yield from document_pages(library, cited)
        yield from index_pages(library, cited)
        yield from list_pages(library, cited)

    def page_markdown(self, site: Site, page: PageContext, markdown: str) -> str:
        return link_citations(site, page, markdown, self._quoted)

    def page_html(self, site: Site, page: PageContext, html: str) -> str:
        return keep_markers_with_their_words(html)

    def before_pages(self, site: Site, lang: str, every_page: bool) -> None:
        # A preview renders only the pages that changed: the units the others quote stay.
        if every_page:
            self._quoted.forget(lang)

    def after_pages(self, site: Site, lang: str) -> Iterable[OutputFile]:
        """The words each note quotes, one file per document (quote_files.py)."""
        return self._quoted.files(lang)
