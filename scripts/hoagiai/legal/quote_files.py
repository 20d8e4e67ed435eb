"""The law's words behind citation markers, one script per legal document and language.

A page's citation notes name the units they quote (by anchor) and the document's file;
docs/assets/js/citations.js loads that file when a reader first opens a note citing the
document, and shows the words in place. Pages stay light: the words are downloaded once
per document, not carried by every page that cites them. Scripts rather than JSON, so
the USB copy loads them from file:// too (as the search index does). Each file holds
the units cited by any page of its language, keyed by anchor, as HTML lines
(templates legal/cite-quote.html.j2).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from hoagiai.feature import OutputFile
from hoagiai.legal.quote import Quote
from hoagiai.printing.markdown import to_html
from hoagiai.render import render
from hoagiai.urls import localized_path

FOLDER = "trich-dan"
GLOBAL = "hoagiaiCiteTexts"  # window.hoagiaiCiteTexts[document] = {anchor: html}


def quotes_folder(lang: str) -> str:
    """Where the cited words of a language live: "trich-dan/", "en/trich-dan/" (under the
    language's folder, as its pages are)."""
    return localized_path(f"{FOLDER}/", lang)


def quotes_path(lang: str, document: str) -> str:
    """A document's file of cited words: "trich-dan/luat35.js", "en/trich-dan/luat35.js"."""
    return f"{quotes_folder(lang)}{document}.js"


@dataclass
class QuotedUnits:
    """The units the pages of each language cite, collected as the pages are rendered."""

    by_lang: dict[str, dict[str, dict[str, Quote]]] = field(default_factory=dict)

    def add(self, lang: str, document: str, anchor: str, quoted: Quote) -> None:
        self.by_lang.setdefault(lang, {}).setdefault(document, {})[anchor] = quoted

    def forget(self, lang: str) -> None:
        self.by_lang.pop(lang, None)

    def files(self, lang: str) -> list[OutputFile]:
        return [quotes_file(lang, document, units)
                for document, units in sorted(self.by_lang.get(lang, {}).items())]


def quotes_file(lang: str, document: str, units: dict[str, Quote]) -> OutputFile:
    texts = {anchor: quote_html(lang, quoted) for anchor, quoted in sorted(units.items())}
    data = json.dumps(texts, ensure_ascii=False, separators=(",", ":"))
    name = json.dumps(document)
    script = (f"(window.{GLOBAL} = window.{GLOBAL} || {{}})[{name}] = {data};\n")
    return OutputFile(quotes_path(lang, document), script)


def quote_html(lang: str, quoted: Quote) -> str:
    """One unit's words as the note shows them: a paragraph per line, or a notes section's
    heading and Markdown."""
    body = to_html(quoted.markdown) if quoted.markdown else ""
    return render("legal/cite-quote.html.j2", lang=lang, quote=quoted, body=body).strip()
