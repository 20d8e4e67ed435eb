"""The pages of the legal section: one per document and language, and the section's index."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from hoagiai.feature import GeneratedFile, generated_page
from hoagiai.legal.citedby import CitedByLists
from hoagiai.legal.library import LEGAL_FOLDER, LegalLibrary, page_of
from hoagiai.legal.view import DocumentView
from hoagiai.printing.dates import spoken_date
from hoagiai.render import render, t
from hoagiai.site import LANGUAGES
from hoagiai.sitemap import SITE_MAP

INDEX_ORDER = SITE_MAP["legal"].order
EVERYONE = SITE_MAP["legal"].audience
STYLES = ["legal"]


def document_pages(library: LegalLibrary, cited: CitedByLists) -> Iterator[GeneratedFile]:
    for order, document in enumerate(library.ordered(), start=1):
        info = document.info
        for lang in LANGUAGES:
            view = DocumentView(document, library, cited, lang)
            meta = {
                "title": view.text(info.short),
                "description": view.text(info.description),
                "audience": list(info.audience),
                "order": order,
                "reviewed": info.checked,
                "styles": STYLES,
            }
            template = "legal/document.md.j2" if lang == "vi" else "legal/summary.md.j2"
            yield generated_page(page_of(document.id), lang, meta,
                                 render(template, lang=lang, view=view))


def index_pages(library: LegalLibrary, cited: CitedByLists) -> Iterator[GeneratedFile]:
    documents = library.ordered()
    checked = min(document.info.checked for document in documents)
    for lang in LANGUAGES:
        views = [DocumentView(document, library, cited, lang) for document in documents]
        groups = [{"type": kind, "views": list(members)}
                  for kind, members in groupby(views, key=lambda view: view.info.type)]
        meta = {
            "title": t("legal.index.title", lang),
            "description": t("legal.index.description", lang),
            "audience": EVERYONE,
            "order": INDEX_ORDER,
            "styles": STYLES,
        }
        body = render("legal/index.md.j2", lang=lang, groups=groups,
                      checked=spoken_date(checked, lang))
        yield generated_page(f"{LEGAL_FOLDER}/index.md", lang, meta, body)
