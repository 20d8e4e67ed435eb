"""Printable handouts: for each module and language, an A4 page and two PDFs with a QR code.

The learner's PDF has no model answers and no notes for trainers; the trainer's
has both. Every printout names the site, the module and the build date, and its
QR code opens the module's page online (absolute address from `site_url`). A development
build (no SITE_URL) prints no address and no QR code rather than this computer's address.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from hoagiai.citations import CitationUse, find_in_markdown
from hoagiai.feature import GeneratedFile, generated_page
from hoagiai.legal.markers import keep_markers_with_their_words
from hoagiai.modules.links import absolute_links, noted_citations, rebase_links
from hoagiai.modules.model import SECTION, Module, ModuleVersion
from hoagiai.modules.variants import (
    learner_copy,
    notes_beside_parts,
    trainer_copy,
    trainer_only_lines,
)
from hoagiai.printing.dates import spoken_date
from hoagiai.printing.document import HANDOUT_CSS, PAGE_FOOT, Document, page_foot
from hoagiai.printing.markdown import to_html
from hoagiai.printing.pdf import PdfMaker
from hoagiai.printing.qr import qr_data_uri, qr_svg
from hoagiai.problems import Text
from hoagiai.render import render, t
from hoagiai.site import Site
from hoagiai.sitemap import SITE_MAP
from hoagiai.urls import language_root, language_suffix, page_url

FOLDER = SITE_MAP["handouts"].slug
LEARNER, TRAINER = "hoc-vien", "tap-huan-vien"


def module_url(site_url: str, lang: str, slug: str) -> str:
    return page_url(site_url, f"{SECTION}/{slug}.md", lang)


@dataclass(frozen=True)
class HandoutFiles:
    """Where one module's printables live (paths without language suffix)."""

    slug: str

    @property
    def page(self) -> str:
        return f"{FOLDER}/{self.slug}.md"

    @property
    def qr(self) -> str:
        return f"{FOLDER}/{self.slug}-qr.svg"

    def pdf(self, copy: str) -> str:
        return f"{FOLDER}/{self.slug}-{copy}.pdf"


def handouts(site: Site, module: Module, built: dt.date, maker: PdfMaker
             ) -> Iterator[GeneratedFile]:
    """The handout page, QR code and both PDFs of `module`, in every language."""
    files = HandoutFiles(module.slug)
    for lang, version in module.versions.items():
        url = module_url(site.public_url, lang, module.slug) if site.public_url else ""
        if url:
            yield GeneratedFile(files.qr, lang, qr_svg(url, t("modules.handout.online", lang)))
        yield _page(site, module, version, files, url, built)
        for copy in (LEARNER, TRAINER):
            name = f"{module.slug}-{copy}{language_suffix(lang)}"
            html = functools.partial(copy_html, site, module, version, copy, url, built)
            yield GeneratedFile(files.pdf(copy), lang, maker.later(name, html))


def copy_html(site: Site, module: Module, version: ModuleVersion, copy: str, url: str,
              built: dt.date) -> str:
    """The HTML of one copy's PDF: the learner's, or the trainer's with notes beside parts."""
    body = version.page.body
    markdown = (learner_copy(body) if copy == LEARNER
                else notes_beside_parts(trainer_copy(body), version.lang))
    return pdf_html(site, module, version, copy, markdown, url, built)


def _page(site: Site, module: Module, version: ModuleVersion, files: HandoutFiles, url: str,
          built: dt.date) -> GeneratedFile:
    lang = version.lang
    body = rebase_links(learner_copy(version.page.body), SECTION, FOLDER)
    dropped = trainer_only_lines(version.page.body)
    for found in find_in_markdown(version.page.body):
        if found.line in dropped:
            continue
        site.citations.append(CitationUse(
            ref=found.ref, location=version.page.body_location(found.line, found.column),
            page=files.page,
            anchor="", label=Text.each(
                lambda each: t("modules.handout.title", each, title=module[each].title)),
        ))
    meta = {
        "title": t("modules.handout.title", lang, title=version.title),
        "description": t("modules.handout.description", lang, title=version.title),
        "audience": ["tap-huan-vien", "hoa-giai-vien"],
        "order": module.number,
        "styles": ["modules", "handout"],
        # The module's own page already holds this text: one search result is enough.
        "search": {"exclude": True},
    }
    text = render(
        "modules/handout-page.md.j2", lang=lang, module=module, version=version,
        site_title=t("modules.site_title", lang), built=spoken_date(built, lang), url=url,
        qr=files.qr.removeprefix(f"{FOLDER}/"),
        learner_pdf=files.pdf(LEARNER).removeprefix(f"{FOLDER}/"),
        trainer_pdf=files.pdf(TRAINER).removeprefix(f"{FOLDER}/"),
        body=Markup(body),  # the module's own Markdown, trusted like any authored page
    )
    return generated_page(files.page, lang, meta, text)


def pdf_html(site: Site, module: Module, version: ModuleVersion, copy: str, markdown: str,
             url: str, built: dt.date) -> str:
    """The HTML WeasyPrint turns into one PDF."""
    lang = version.lang
    markdown = noted_citations(markdown, site, lang, version.page.src_uri)
    if site.public_url:
        markdown = absolute_links(markdown, SECTION, language_root(site.public_url, lang))
    site_title, spoken = t("modules.site_title", lang), spoken_date(built, lang)
    lesson = t("modules.lesson", lang, number=module.number)
    copy_label = t(f"modules.handout.{'learner' if copy == LEARNER else 'trainer'}_version", lang)
    document = Document(lang, f"{lesson}. {version.title} — {copy_label}",
                        Markup(keep_markers_with_their_words(to_html(markdown))),
                        (HANDOUT_CSS, PAGE_FOOT),
                        author=site_title, description=version.description)
    return document.html(
        "modules/handout.html.j2", module=module, version=version, site_title=site_title,
        built=spoken, url=url, copy_label=copy_label, qr=qr_data_uri(url) if url else "",
        **page_foot(f"{site_title} · {t('modules.handout.built', lang, date=spoken)}",
                    label=lesson),
    )
