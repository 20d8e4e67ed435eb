"""The review sheet: every cited sentence beside the law's words, uncited rules first.

`hoagiai doi-chieu` writes it as HTML (to read on screen or print) and PDF (to
hand to the commune's justice officer), under `dist/doi-chieu/`. The reviewer
reads each sentence against the verbatim text of the units it cites and marks
the last column; sentences that state a rule without a citation come first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from hoagiai.printing.dates import long_date
from hoagiai.printing.document import A4_LANDSCAPE, Document
from hoagiai.printing.pdf import PdfMaker, pdf_cache
from hoagiai.render import t
from hoagiai.review.cited import CitedUnit, cited_unit
from hoagiai.review.collect import ReviewPage, review_pages
from hoagiai.review.sentences import Sentence
from hoagiai.site import DEFAULT_LANGUAGE, Site

NAME = "doi-chieu"


@dataclass(frozen=True)
class Row:
    """One sentence on the sheet and the units it rests on."""

    line: int
    text: str
    units: tuple[CitedUnit, ...]
    covered: bool  # the citations are its list's lead-in's or its FAQ answer's, not its own


@dataclass(frozen=True)
class UncitedRow:
    path: str
    line: int
    text: str
    cue: str


@dataclass(frozen=True)
class PageSheet:
    page: ReviewPage
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Sheet:
    uncited: tuple[UncitedRow, ...]
    pages: tuple[PageSheet, ...]

    @property
    def sentence_count(self) -> int:
        return sum(len(page.rows) for page in self.pages)


def build_sheet(site: Site, lang: str = DEFAULT_LANGUAGE,
                prefixes: tuple[str, ...] = ()) -> Sheet:
    """The sheet for the pages whose path starts with one of `prefixes` (all when empty)."""
    pages = [page for page in review_pages(site)
             if not prefixes or page.base_uri.startswith(prefixes)]
    units: dict[str, CitedUnit] = {}

    def unit(ref: str) -> CitedUnit:
        if ref not in units:
            units[ref] = cited_unit(site, ref, lang)
        return units[ref]

    def row(sentence: Sentence) -> Row:
        return Row(sentence.line, sentence.text, tuple(unit(ref) for ref in sentence.cited),
                   not sentence.refs)

    uncited = tuple(UncitedRow(page.path, sentence.line, sentence.text, cue)
                    for page in pages for sentence, cue in page.uncited_rules())
    sheets = tuple(PageSheet(page, tuple(row(sentence) for sentence in page.cited()))
                   for page in pages if page.cited())
    return Sheet(uncited, sheets)


def sheet_html(sheet: Sheet, lang: str, today: dt.date) -> str:
    document = Document(lang, t("review.title", lang), styles=(A4_LANDSCAPE, "review/sheet.css"))
    return document.html("review/sheet.html.j2", sheet=sheet, made=long_date(today, lang),
                         date=lambda value: _date(value, lang))


def _date(value: str, lang: str) -> str:
    return long_date(dt.date.fromisoformat(value), lang) if value else ""


def write_sheet(site: Site, out: Path, lang: str = DEFAULT_LANGUAGE,
                prefixes: tuple[str, ...] = (), today: dt.date | None = None) -> list[Path]:
    """Write the sheet as HTML and PDF into `out`; return the two files."""
    sheet = build_sheet(site, lang, prefixes)
    html = sheet_html(sheet, lang, today or dt.date.today())
    out.mkdir(parents=True, exist_ok=True)
    stem = NAME if lang == DEFAULT_LANGUAGE else f"{NAME}.{lang}"
    html_path, pdf_path = out / f"{stem}.html", out / f"{stem}.pdf"
    html_path.write_text(html, encoding="utf-8")
    pdf_path.write_bytes(PdfMaker(pdf_cache(site.paths.root)).pdf(stem, html))
    return [html_path, pdf_path]
