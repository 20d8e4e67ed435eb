"""A printable document: language, title, body as HTML and the style sheets it carries.

Its HTML is a standalone page (the style sheets inlined, nothing to fetch) made from a
template of the document's kind, which gets `lang`, `title`, `body` and `css`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from hoagiai.render import render

A4_LANDSCAPE = "printing/a4-landscape.css"  # tables wider than a portrait page: report, sheet


@dataclass(frozen=True)
class Document:
    lang: str
    title: str
    body: Markup = field(default_factory=Markup)  # empty: the template draws it from its data
    styles: tuple[str, ...] = ()  # CSS templates under templates/, inlined in this order

    @property
    def css(self) -> Markup:
        return Markup("\n\n".join(render(name) for name in self.styles))

    def html(self, template: str, **context: Any) -> str:
        """The document as HTML through `template`, with any further `context`."""
        return render(template, lang=self.lang, title=self.title, body=self.body,
                      css=self.css, **context)
