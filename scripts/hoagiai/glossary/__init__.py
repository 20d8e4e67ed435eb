"""The glossary: one page per language, and tooltips on the first use of each term.

Terms are not marked on the glossary itself, nor on the legal texts (van-ban/),
whose wording must stay exactly as published.
"""

from __future__ import annotations

from collections.abc import Iterable

from hoagiai.feature import Feature, GeneratedFile, PageContext, generated_page
from hoagiai.glossary.marker import TermFinder, mark_terms
from hoagiai.glossary.model import (
    PAGE,
    Glossary,
    citation_uses,
    read_glossary,
    term_duplicates,
)
from hoagiai.materials import load_material
from hoagiai.problems import Report
from hoagiai.render import render, t
from hoagiai.site import LANGUAGES, Site, language_free_uri
from hoagiai.sitemap import SITE_MAP

UNMARKED_SECTIONS = tuple(section.folder for section in SITE_MAP if not section.glossary)


class GlossaryFeature(Feature):
    name = "glossary"

    def __init__(self) -> None:
        self._finders: dict[tuple[int, str], TermFinder] = {}

    def load(self, site: Site, report: Report) -> None:
        document = load_material(site.paths.materials / "glossary.yml", "glossary", site, report)
        if document is not None:
            report.extend(term_duplicates(document))
            glossary = read_glossary(document)
            site.put(glossary)
            site.citations.extend(citation_uses(document, glossary))

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        glossary = site.get(Glossary)
        for lang in LANGUAGES:
            meta = {
                "title": t("glossary.title", lang),
                "description": t("glossary.description", lang),
                "audience": SITE_MAP["glossary"].audience,
                "order": SITE_MAP["glossary"].order,
            }
            body = render("glossary/index.md.j2", lang=lang, terms=glossary.sorted(lang))
            yield generated_page(PAGE, lang, meta, body)

    def page_html(self, site: Site, page: PageContext, html: str) -> str:
        if language_free_uri(page.src_uri).startswith(UNMARKED_SECTIONS):
            return html
        glossary = site.get(Glossary)
        by_id = {term.id: term for term in glossary.terms}

        def tooltip(term_id: str, text: str) -> str:
            return render("glossary/term.html.j2", lang=page.lang, term=by_id[term_id],
                          text=text, href=page.link_to(PAGE, term_id)).strip()

        marked, used = mark_terms(html, self._finder(glossary, page.lang), tooltip)
        if not used:
            return html
        page.use_style("glossary")
        page.use_script("glossary")
        return marked

    def _finder(self, glossary: Glossary, lang: str) -> TermFinder:
        """One compiled finder per glossary and language (pages are many, the glossary is one)."""
        key = (id(glossary), lang)
        if key not in self._finders:
            self._finders[key] = TermFinder({
                spelling: term.id
                for term in glossary.terms if term.mark
                for spelling in term.spellings(lang)
            })
        return self._finders[key]
