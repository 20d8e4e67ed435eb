"""Whom to call: contacts as data (materials/contacts.yml) and every view of them.

- the contacts page `lien-he/` with `tel:`/`mailto:` links and a vCard per office;
- A4 noticeboard posters `tai-lieu-in/ap-phich-<xa|village>.pdf`, listed on the
  printables page too;
- a link to the page in every footer (`hg.contacts`, overrides/partials/copyright.html),
  on the home page and at the top of every citizens' page;
- every published number in running text becomes a `tel:` link (telephone.py).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable
from typing import Any

from hoagiai.contacts.checks import check_contacts, citation_uses, stale_entries
from hoagiai.contacts.model import FILE, PAGE, Contacts, read_contacts
from hoagiai.contacts.pages import contacts_page, vcards
from hoagiai.contacts.posters import Poster, posters
from hoagiai.contacts.telephone import link_numbers
from hoagiai.feature import Feature, GeneratedFile, PageContext
from hoagiai.materials import load_material
from hoagiai.printing.dates import build_date
from hoagiai.printing.inputs import pdf_maker
from hoagiai.problems import Location, Problem, Report, problem
from hoagiai.render import render, t
from hoagiai.schemas import SchemaSet
from hoagiai.site import LANGUAGES, Paths, Site, language_free_uri
from hoagiai.sitemap import SITE_MAP
from hoagiai.yamlpos import YamlDocument

CITIZENS = SITE_MAP["citizens"].folder
HOME = "index.md"
PRINTABLES = SITE_MAP["handouts"].index
# Legal texts are shown exactly as written: no links are added to their numbers.
NO_TEL_LINKS = (SITE_MAP["legal"].folder,)


class ContactsFeature(Feature):
    name = "contacts"

    def __init__(self) -> None:
        self.posters: list[Poster] = []

    def load(self, site: Site, report: Report) -> None:
        path = site.paths.materials / FILE
        if not path.is_file():
            report.add(problem(
                Location(site.paths.rel(path)), "thiếu tệp danh bạ liên hệ",
                "tạo lại tệp (xem HUONG-DAN-BIEN-SOAN.md, mục 19); khi chưa có gì để đăng, ghi "
                "“offices: []”, “helplines: []” và “teams: []”",
                "the contacts file is missing",
                "create it again (see HUONG-DAN-BIEN-SOAN.md, section 19); with nothing to publish "
                "yet, write “offices: []”, “helplines: []” and “teams: []”",
            ))
            return
        document = load_material(path, "contacts", site, report)
        if document is None:
            return
        found = check_contacts(document)
        report.extend(found)
        if not found:
            site.put(read_contacts(document))
            site.citations.extend(citation_uses(document))

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        contacts = site.get(Contacts)
        built = build_date()
        self.posters = list(posters(site, contacts, built, pdf_maker(site, built, "posters")))
        files = [poster.file for poster in self.posters]
        for lang in LANGUAGES:
            files.append(contacts_page(contacts, self.posters, lang))
            files += vcards(contacts, site.site_url, lang)
        return files

    def page_markdown(self, site: Site, page: PageContext, markdown: str) -> str:
        base = language_free_uri(page.src_uri)
        if base == PRINTABLES:
            return markdown + "\n\n" + self._poster_list(page)
        if base == HOME or base.startswith(CITIZENS):
            return self._bar(site.get(Contacts), page) + "\n\n" + markdown
        return markdown

    def _bar(self, contacts: Contacts, page: PageContext) -> str:
        emergency = contacts.emergency
        return render("contacts/bar.md.j2", lang=page.lang, href=_markdown_link(page, PAGE),
                      number=emergency.phone if emergency else "")

    def _poster_list(self, page: PageContext) -> str:
        mine = [p for p in self.posters if p.lang == page.lang]
        return render("contacts/posters.md.j2", lang=page.lang, posters=mine,
                      contacts=_markdown_link(page, PAGE) + "#ap-phich")

    def page_html(self, site: Site, page: PageContext, html: str) -> str:
        if language_free_uri(page.src_uri).startswith(NO_TEL_LINKS):
            return html
        return link_numbers(html, published_numbers(site.get(Contacts)),
                            t("contacts.call", page.lang))

    def page_context(self, site: Site, page: PageContext) -> dict[str, Any]:
        emergency = site.get(Contacts).emergency
        return {"contacts": {
            "href": page.link_to(PAGE),
            "emergency": {"phone": emergency.phone, "tel": emergency.tel} if emergency else None,
        }}


def _markdown_link(page: PageContext, target: str) -> str:
    """A Markdown link from the page's source file to another source file (MkDocs checks it)."""
    return posixpath.relpath(target, posixpath.dirname(language_free_uri(page.src_uri)) or ".")


def published_numbers(contacts: Contacts) -> dict[str, str]:
    """Every number the contacts publish, as written -> digits to dial."""
    entries = (*contacts.helplines, *contacts.offices, *contacts.teams)
    return {entry.phone: entry.tel for entry in entries if entry.phone}


def contact_warnings(paths: Paths, today: dt.date | None = None) -> list[Problem]:
    """Entries not verified for 12 months: what `hoagiai check` warns about (never an error)."""
    if not (paths.materials / FILE).is_file():
        return []  # `hoagiai check` reports the missing file itself
    site = Site(paths, SchemaSet(paths.schemas))
    document: YamlDocument | None = load_material(paths.materials / FILE, "contacts", site,
                                                   Report())
    if document is None:
        return []
    return stale_entries(document, today or build_date())
