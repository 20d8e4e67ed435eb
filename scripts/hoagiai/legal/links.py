"""Turn the citations of a page into markers with notes, and point English pages at their twins.

Runs on each page's Markdown just before conversion, so MkDocs still checks
every link and anchor it produces. A run of citations (see runs.py) becomes one
numbered marker that opens its note in place; the notes follow the page's text
(templates legal/cite-*.j2). A note names the units it quotes; their words are in
one file per document (quote_files.py), loaded when a reader opens the note. A
citation with a label of its own is part of the sentence and stays a link titled
with its article. English summaries link to the
Vietnamese text with a placeholder (`hg-vi-twin:`) that only the page's final URL
can resolve: the English build holds no Vietnamese pages to link to by `.md`.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from markupsafe import Markup

from hoagiai.citations import FoundCitation
from hoagiai.feature import PageContext
from hoagiai.legal.notes import Note, Notes, cited_unit, resolved
from hoagiai.legal.quote import quote
from hoagiai.legal.quote_files import QuotedUnits, quotes_folder
from hoagiai.legal.runs import Reference, replace_citations
from hoagiai.render import markdown_text, render
from hoagiai.site import DEFAULT_LANGUAGE, Site, language_free_uri
from hoagiai.urls import localized_path

TWIN = "hg-vi-twin:"
STYLE = "citations"  # docs/assets/css/citations.css, on every page with a marker
SCRIPT = "citations"  # docs/assets/js/citations.js: loads the quoted words of a note


def relative_link(from_page: str, to_page: str) -> str:
    """A link from one source page to another, as Markdown wants it (`../van-ban/luat35.md`)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


@dataclass(frozen=True)
class NotePart:
    """One document's part of a note: its reference, the units it quotes (the document's id
    and the units' anchors in its file of quotes), the link."""

    reference: Reference
    document: str
    anchors: tuple[str, ...]
    href: str


@dataclass(frozen=True)
class NoteView:
    note: Note
    parts: tuple[NotePart, ...]


def link_citations(site: Site, page: PageContext, markdown: str,
                   quoted: QuotedUnits | None = None) -> str:
    """The page's Markdown with citation markers (and their notes) or links; the units the
    notes quote are added to `quoted`, for the files their words are loaded from."""
    quoted = QuotedUnits() if quoted is None else quoted
    here = language_free_uri(page.src_uri)
    notes = Notes(site, page.lang, page.src_uri)
    linked = replace_citations(
        markdown, lambda found: _link(site, page.lang, here, found),
        lambda run: render("legal/cite-marker.html.j2", lang=page.lang,
                           note=notes.note(run.refs)).rstrip("\n"))
    if notes.items:
        page.use_style(STYLE)
        page.use_script(SCRIPT)
        views = [NoteView(note, tuple(_part(site, page, quoted, ref) for ref in note.references))
                 for note in notes.items]
        linked += "\n\n" + render("legal/cite-notes.md.j2", lang=page.lang, notes=views,
                                  quotes=page.asset(quotes_folder(page.lang)))
    if page.lang != DEFAULT_LANGUAGE and TWIN in linked:
        linked = linked.replace(TWIN, twin_url(page.url, page.lang))
    return linked


def _href(site: Site, here: str, ref: str) -> str:
    target = resolved(site, ref, here)
    page_link = "" if target.page == here else relative_link(here, target.page)
    return f"{page_link}#{target.anchor}"


def _link(site: Site, lang: str, here: str, found: FoundCitation) -> str:
    """A labelled citation: a Markdown link titled with its article."""
    href = _href(site, here, found.ref)
    title = getattr(resolved(site, found.ref, here).title, lang).replace('"', "&quot;")
    return f'[{markdown_text(found.label or "")}]({href} "{title}")'


def _part(site: Site, page: PageContext, quoted: QuotedUnits, reference: Reference) -> NotePart:
    here = language_free_uri(page.src_uri)
    anchors, document_id = [], ""
    for ref in reference.refs:
        found = cited_unit(site, ref)
        if found is None:
            continue  # a section of a module: nothing to quote
        document, unit = found
        quoted.add(page.lang, document.id, unit.anchor, quote(unit))
        anchors.append(unit.anchor)
        document_id = document.id
    return NotePart(reference, document_id, tuple(anchors),
                    Markup(_href(site, here, reference.refs[0])))


def twin_url(url: str, lang: str) -> str:
    """From an English page's URL, the relative URL of its Vietnamese twin.

    `en/van-ban/luat35/` sits three folders deep and its twin is `van-ban/luat35/`;
    with `use_directory_urls: false` the same holds for `en/van-ban/luat35.html`.
    """
    return "../" * url.count("/") + url.removeprefix(localized_path("", lang))
