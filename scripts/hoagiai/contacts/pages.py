"""The contacts page (lien-he/, both languages) and a vCard for each office and helpline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from hoagiai.contacts.model import FOLDER, PAGE, Contacts, Helpline, Office, Source
from hoagiai.contacts.posters import Poster
from hoagiai.contacts.vcard import escape, vcard
from hoagiai.feature import GeneratedFile, generated_page
from hoagiai.printing.dates import spoken_date
from hoagiai.render import markdown_text, render, t
from hoagiai.sitemap import SITE_MAP
from hoagiai.urls import language_url, relative


def source_markdown(source: Source, lang: str) -> Markup:
    """A library citation (rendered as a link by the legal library) or a dated web link."""
    if source.ref:
        return Markup(f"[[{source.ref}]]")
    checked = t("contacts.checked", lang, date=spoken_date(source.checked, lang))
    return Markup(f"<{source.url}> ({markdown_text(checked)})")


def contacts_page(contacts: Contacts, posters: list[Poster], lang: str) -> GeneratedFile:
    """The contacts page (it marks where each poster's size goes)."""
    meta: dict[str, Any] = {
        "title": t("contacts.title", lang),
        "description": t("contacts.description", lang),
        "audience": SITE_MAP["contacts"].audience,
        "order": SITE_MAP["contacts"].order,
    }
    return generated_page(PAGE, lang, meta, _body(contacts, posters, lang))


def _body(contacts: Contacts, posters: list[Poster], lang: str) -> str:
    dates = {entry.verified: spoken_date(entry.verified, lang)
             for entry in (*contacts.offices, *contacts.helplines, *contacts.teams)}
    links = [
        {"label": poster.label, "size": poster.size, "href": relative(poster.path, f"{FOLDER}/")}
        for poster in posters if poster.lang == lang
    ]
    return render("contacts/page.md.j2", lang=lang, contacts=contacts, dates=dates,
                  posters=links, source=lambda source: source_markdown(source, lang))


def _card(entry: Office | Helpline, page_url: str, lang: str) -> str:
    name = entry.name[lang]
    office = entry if isinstance(entry, Office) else None
    note = entry.role[lang] if isinstance(entry, Office) else entry.use[lang]
    address = office.address if office else None
    return vcard([
        ("FN", escape(name)),
        ("N", f"{escape(name)};;;;"),
        ("ORG", escape(name)),
        ("TEL;TYPE=WORK,VOICE", entry.tel),
        ("EMAIL;TYPE=INTERNET,WORK", escape(office.email) if office else ""),
        ("ADR;TYPE=WORK", f";;{escape(address[lang])};;;;" if address else ""),
        ("NOTE", escape(note)),
        ("URL", f"{page_url}#{entry.id}"),
        ("REV", entry.verified),
    ])


def vcards(contacts: Contacts, site_url: str, lang: str) -> Iterator[GeneratedFile]:
    page_url = language_url(site_url, f"{FOLDER}/", lang)
    for entry in (*contacts.helplines, *contacts.offices):
        yield GeneratedFile(f"{FOLDER}/{entry.id}.vcf", lang, _card(entry, page_url, lang))
