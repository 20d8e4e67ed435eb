"""A4 noticeboard posters: one for the commune and one per village team, in both languages.

Each says how to ask for mediation in three steps, that it is free and voluntary
(with the articles printed), whom to contact — honestly "not yet provided" where
the commune has not given a detail — the emergency numbers, and a QR code to the
citizens' pages. Rendered from contacts.yml with WeasyPrint, cached by content.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from hoagiai.contacts.model import Contacts, Team
from hoagiai.errors import BuildError
from hoagiai.feature import GeneratedFile
from hoagiai.modules.handouts import FOLDER
from hoagiai.printing.dates import spoken_date
from hoagiai.printing.document import PAGE_FOOT, Document, page_foot
from hoagiai.printing.pdf import PdfMaker
from hoagiai.printing.qr import qr_data_uri
from hoagiai.printing.sizes import size_mark
from hoagiai.render import t
from hoagiai.site import LANGUAGES, Site
from hoagiai.sitemap import SITE_MAP
from hoagiai.urls import language_url

COMMUNE = "xa"
POSTER_CSS = "contacts/poster.css"
CITIZENS = SITE_MAP["citizens"].folder
# What the poster says, and the article each sentence rests on.
CITED = ("luat35:16.1", "luat35:20.2", "luat35:4.1", "luat35:17.2", "luat35:6.1")


@dataclass(frozen=True)
class Poster:
    """One poster file of one language."""

    slug: str  # "xa" or a team id
    lang: str
    label: str
    file: GeneratedFile

    @property
    def path(self) -> str:
        return self.file.path

    @property
    def size(self) -> Markup:
        """Where a page states the PDF's size (filled in once the PDF is made)."""
        return size_mark(self.file.src_uri)


def poster_path(slug: str) -> str:
    return f"{FOLDER}/ap-phich-{slug}.pdf"


def _labels(site: Site, lang: str) -> dict[str, str]:
    labels = {}
    for ref in CITED:
        target = site.resolve(ref)
        if target is None:
            raise BuildError(f"The poster cites {ref}, which the legal library does not have.")
        labels[ref] = target.label[lang]
    return labels


def _html(site: Site, contacts: Contacts, team: Team | None, lang: str, built: dt.date) -> str:
    url = language_url(site.site_url, CITIZENS, lang)
    where = (t("contacts.poster.where_village", lang, village=team.village) if team
             else t("contacts.poster.where_commune", lang))
    site_title = t("modules.site_title", lang)
    printed = t("contacts.poster.printed", lang, date=spoken_date(built, lang))
    document = Document(lang, f"{t('contacts.poster.title', lang)} — {where}",
                        styles=(POSTER_CSS, PAGE_FOOT), author=site_title)
    return document.html(
        "contacts/poster.html.j2", where=where, team=team, offices=contacts.offices,
        helplines=contacts.helplines, cite=_labels(site, lang), url=url, qr=qr_data_uri(url),
        **page_foot(f"{site_title} · {printed}", numbered=False),
    )


def posters(site: Site, contacts: Contacts, built: dt.date, maker: PdfMaker) -> Iterator[Poster]:
    """The commune's poster, then one per village team, each in every language."""
    targets: list[tuple[str, Team | None]] = [(COMMUNE, None)]
    targets += [(team.id, team) for team in contacts.teams]
    for slug, team in targets:
        for lang in LANGUAGES:
            label = (t("contacts.poster_village", lang, village=team.village) if team
                     else t("contacts.poster_commune", lang))
            pdf = maker.later(f"ap-phich-{slug}-{lang}",
                              functools.partial(_html, site, contacts, team, lang, built))
            yield Poster(slug, lang, label, GeneratedFile(poster_path(slug), lang, pdf))
