"""A printable document: language, title, body and style sheets, as one standalone HTML page.

Every printable (handouts, forms, role-play kits, posters, quiz papers, the plan report, the
review sheet) is made here, through the one skeleton `printing/document.html.j2`; a kind's
own template renders only what goes inside `<body>`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from hoagiai.render import render

SKELETON = "printing/document.html.j2"
A4_LANDSCAPE = "printing/a4-landscape.css"  # tables wider than a portrait page: report, sheet
PAGE_FOOT = "printing/page-foot.css"  # its context comes from page_foot()
HANDOUT_CSS = "modules/pdf.css"  # A4 portrait: handouts, forms, role-play kits


def page_foot(text: str, *, numbered: bool = True, label: str = "") -> dict[str, Any]:
    """The context of PAGE_FOOT: `text` at the left of every printed page; at the right, when
    `numbered`, the page number ("3/8") after `label` ("Bài 2 · 3/8")."""
    return {"foot": text, "numbered": numbered, "page_label": label}


@dataclass(frozen=True)
class Document:
    lang: str
    title: str
    body: Markup = field(default_factory=Markup)  # empty: the body template draws it from data
    styles: tuple[str, ...] = ()  # CSS templates under templates/, inlined in this order
    css: str = ""  # CSS inlined as it is, after `styles` (a quiz paper that stands alone)
    stylesheet: str = ""  # linked instead of inlining any CSS (the site's quiz papers)
    script: str = ""  # linked, deferred (the site's print button)
    author: str = ""
    description: str = ""
    body_class: str = ""

    def html(self, template: str | None = None, **context: Any) -> str:
        """The document as HTML; its body through `template` when given, which gets `lang`,
        `title`, `body`, `document` and `context` (the style templates get them too)."""
        context = {"lang": self.lang, "title": self.title, "document": self, **context}
        body = Markup(render(template, body=self.body, **context)) if template else self.body
        sheets = [render(name, **context) for name in self.styles]
        css = Markup("\n\n".join([*sheets, self.css] if self.css else sheets))
        return render(SKELETON, body=body, css=css, **context)
