"""Blank forms: the case log and a written settlement a mediator takes to a session, and the
class register a trainer takes to a course.

Their wording lives in `templates/modules/forms.yml` (column names as recorded in
the sources, settlement contents in the words of Luật 35, Điều 24 khoản 2).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import yaml
from markupsafe import Markup

from hoagiai.citations import CitationUse
from hoagiai.feature import GeneratedFile
from hoagiai.modules.handouts import FOLDER
from hoagiai.modules.links import plain_citations
from hoagiai.printing.dates import spoken_date
from hoagiai.printing.document import HANDOUT_CSS, PAGE_FOOT, Document, page_foot
from hoagiai.printing.pdf import PdfMaker
from hoagiai.printing.sizes import size_mark
from hoagiai.problems import Location, Text
from hoagiai.render import TEMPLATES, t
from hoagiai.site import DEFAULT_LANGUAGE, LANGUAGES, Site
from hoagiai.urls import language_suffix

FORMS_FILE = TEMPLATES / "modules" / "forms.yml"
FORMS_CSS = "modules/forms.css"
BLANK_ROWS = 6


@dataclass(frozen=True)
class FormFile:
    """One printed form in one language, as the handouts page lists it."""

    kind: str
    lang: str
    title: str
    summary: str
    file: str  # path on the site without language suffix
    cite: tuple[str, ...]
    pdf: GeneratedFile

    @property
    def size(self) -> Markup:
        """Where a page states the PDF's size (filled in once the PDF is made)."""
        return size_mark(self.pdf.src_uri)


@cache
def form_texts() -> dict:
    return yaml.safe_load(FORMS_FILE.read_text(encoding="utf-8"))


def forms(site: Site, built: dt.date, maker: PdfMaker) -> Iterator[tuple[FormFile, GeneratedFile]]:
    """Every form as a PDF in every language, with what the handouts page says about it."""
    for kind, spec in form_texts().items():
        path = f"{FOLDER}/{spec['file']}.pdf"
        for lang in LANGUAGES:
            text = spec[lang]
            foot = (f"{t('modules.site_title', lang)} · "
                    f"{t('modules.handout.built', lang, date=spoken_date(built, lang))}")
            document = Document(lang, text["title"], styles=(HANDOUT_CSS, FORMS_CSS, PAGE_FOOT),
                                body_class=kind)
            html = functools.partial(
                document.html,
                "modules/form.html.j2", kind=kind, text=text, rows=spec.get("rows", BLANK_ROWS),
                note=plain_citations(" ".join(text["note"].split()), site, lang),
                **page_foot(foot),
            )
            name = spec["file"] + language_suffix(lang)
            pdf = GeneratedFile(path, lang, maker.later(name, html))
            yield FormFile(kind, lang, text["title"], text["summary"], path,
                           tuple(spec["cite"]), pdf), pdf


def record_citations(site: Site, listed_on: str, items: list[FormFile]) -> None:
    """The forms' legal bases are shown (and cited) on the handouts page."""
    where = Location(site.paths.rel(FORMS_FILE))
    titles = {(item.kind, item.lang): item.title for item in items}
    for item in items:
        if item.lang != DEFAULT_LANGUAGE:
            continue
        label = Text.of({lang: titles[item.kind, lang] for lang in LANGUAGES})
        for ref in item.cite:
            site.citations.append(CitationUse(ref, where, listed_on, "bieu-mau", label))
