"""Printable documents — question sheets, answer keys, contest papers — as standalone HTML.

They are documents to print, not pages to browse: no site navigation around them, one
A4 style sheet (docs/assets/css/quiz-paper.css), and the same look whether they come
from the site or from `hoagiai contest`. Their body is Markdown from the sheet and key
templates, converted with the `paper` Markdown profile (hoagiai.printing.markdown).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from markupsafe import Markup

from hoagiai.language import LANGUAGE_NAMES, LANGUAGES
from hoagiai.printing.document import Document
from hoagiai.printing.markdown import to_html
from hoagiai.quiz.exports import Resolver, citation_label
from hoagiai.quiz.render import render
from hoagiai.render import markdown_text
from hoagiai.urls import localized_path, relative

STYLESHEET = "assets/css/quiz-paper.css"  # under docs/, served at the site root
PRINT_SCRIPT = "assets/js/print-button.js"
# attr_list lines such as "{: .hg-sheet-q }"; text from YAML can never form one ("{" is
# backslash-escaped by the `md` filter).
_STYLE_LINE = re.compile(r"^\{: [^}\n]*\}\n", re.MULTILINE)


@dataclass(frozen=True)
class Link:
    href: str
    label: str
    lang: str = ""  # set for a link to the same document in another language


@dataclass(frozen=True)
class Printable:
    lang: str
    title: str
    code: str  # one line under the title: what the document holds
    body: str  # Markdown
    links: tuple[Link, ...] = field(default=())

    def html(self, *, stylesheet: str = "", css: str = "", script: str = "") -> str:
        """The document as HTML, linking `stylesheet` or else inlining `css`; `script` (the
        print button's, on the site) is linked when given."""
        document = Document(self.lang, self.title, Markup(to_html(self.body, "paper")),
                            css=css, stylesheet=stylesheet, script=script)
        return document.html("quiz/paper.html.j2", code=self.code, links=self.links)

    def markdown(self) -> str:
        """The document as plain Markdown, without the class lines that style the HTML."""
        body = _STYLE_LINE.sub("", self.body)
        return render("paper.md.j2", lang=self.lang, title=self.title, code=self.code,
                      body=Markup(body))


def printed_citation(lang: str, resolve: Resolver) -> Callable[[str], Markup]:
    """In print a source is named, not linked: the legal library's label, or the reference."""
    def cite(ref: str) -> Markup:
        return markdown_text(citation_label(ref, lang, resolve))
    return cite


def site_root(path: str, lang: str) -> str:
    """The relative way from a file at `path` (language-free) to the site's root folder."""
    depth = len(PurePosixPath(localized_path(path, lang)).parts) - 1
    return "../" * depth


def twin_links(path: str, lang: str) -> tuple[Link, ...]:
    """Links to the same file in the other languages (English lives under en/)."""
    return tuple(
        Link(relative(localized_path(path, other), localized_path(path, lang)),
             LANGUAGE_NAMES[other], other)
        for other in LANGUAGES if other != lang
    )


def stylesheet_for(path: str, lang: str) -> str:
    return f"{site_root(path, lang)}{STYLESHEET}"


def assets_for(path: str, lang: str, css: str = "") -> dict[str, str]:
    """How a document at `path` gets its style: linked with the print button's script on the
    site, or `css` inlined when the document must stand alone (the download-all zip)."""
    if css:
        return {"css": css}
    return {"stylesheet": stylesheet_for(path, lang),
            "script": f"{site_root(path, lang)}{PRINT_SCRIPT}"}

