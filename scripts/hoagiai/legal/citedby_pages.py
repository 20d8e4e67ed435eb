"""Who cites a document, on pages of its own: the document's page only counts and links.

Every lesson, question and answer that cites an article makes that article's
"cited by" list longer, so the lists live apart from the text, one list per
document under `van-ban/dan-chieu/`, split into numbered pages
(hoagiai.pagination). Under each article the document's page says how many
places cite it and links to where its list starts; the text itself stays the
same size however large the site grows.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from hoagiai.feature import GeneratedFile, generated_page
from hoagiai.legal.citedby import FOLDER, CitedByLists, Entry
from hoagiai.legal.library import LegalLibrary, page_of
from hoagiai.legal.links import relative_link
from hoagiai.legal.view import DocumentView
from hoagiai.pagination import ListPage
from hoagiai.render import render, t
from hoagiai.site import LANGUAGES
from hoagiai.sitemap import SITE_MAP

PLACE = SITE_MAP["legal"].page("dan-chieu")  # after the documents in the navigation
STYLES = ["legal"]


def list_pages(library: LegalLibrary, lists: CitedByLists) -> Iterator[GeneratedFile]:
    """Each cited document's list, then the index of the lists, in every language."""
    for lang in LANGUAGES:
        listed = []
        for order, document in enumerate(library.ordered(), start=1):
            pages = lists.pages.get(document.id)
            if not pages:
                continue
            view = DocumentView(document, library, lists, lang)
            name = view.text(document.info.short)
            listed.append({"name": name,
                           "href": relative_link(f"{FOLDER}/index.md", pages[0].path),
                           "count": sum(len(page.items) for page in pages)})
            for page in pages:
                meta = page.meta({
                    "title": t("legal.cited_by_page.title", lang, document=name),
                    "description": t("legal.cited_by_page.description", lang, document=name),
                    # Lists of lessons and questions: for those who teach and learn them.
                    "audience": PLACE.audience,
                    "order": order,
                    "styles": STYLES,
                    # Titles of other pages, not content: search finds those pages themselves.
                    "search": {"exclude": True},
                }, lang)
                yield generated_page(page.path, lang, meta, render(
                    "legal/cited-by.md.j2", lang=lang, view=view, page=page,
                    groups=_groups(view, page),
                    document_link=relative_link(page.path, page_of(document.id))))
        yield generated_page(f"{FOLDER}/index.md", lang, {
            "title": t("legal.cited_by_index.title", lang),
            "description": t("legal.cited_by_index.description", lang),
            "audience": PLACE.audience,
            "order": PLACE.order,
            "styles": STYLES,
        }, render("legal/cited-by-index.md.j2", lang=lang, documents=listed))


def _groups(view: DocumentView, page: ListPage[Entry]) -> list[dict]:
    """The page's entries under the article (or part, or note) they cite, in the text's order."""
    groups = []
    for _, members in groupby(page.items, key=lambda entry: entry.unit.locator):
        entries = list(members)
        groups.append({"unit": entries[0].unit, "entries": view.citer_entries(
            [entry.citer for entry in entries], page.path)})
    return groups
