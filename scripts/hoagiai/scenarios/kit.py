"""The trainers' role-play kit of each scenario: a printable page and a PDF, in both languages.

The kit holds the setting, a role card per party and one for the mediator, the decision
points with their options (no feedback, so the class decides), then debrief notes: each
option's feedback and sources, the endings and the author's notes. The PDF is made with
the handouts' machinery (WeasyPrint, the content-hash cache, a QR code to the player).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator

from markupsafe import Markup

from hoagiai.feature import GeneratedFile, generated_page
from hoagiai.legal.markers import keep_markers_with_their_words
from hoagiai.modules.links import noted_citations
from hoagiai.printing.dates import build_date, spoken_date
from hoagiai.printing.document import HANDOUT_CSS, PAGE_FOOT, Document, page_foot
from hoagiai.printing.inputs import pdf_maker
from hoagiai.printing.markdown import to_html
from hoagiai.printing.qr import qr_data_uri
from hoagiai.render import t
from hoagiai.scenarios.model import KITS, SECTION, Scenario, Scenarios
from hoagiai.scenarios.views import citer, page_meta, render
from hoagiai.site import LANGUAGES, Site
from hoagiai.sitemap import SITE_MAP
from hoagiai.urls import language_suffix, language_url

KITS_PLACE = SITE_MAP["scenarios"].page("dong-vai")  # after every scenario in the navigation
TRAINERS = KITS_PLACE.audience
KITS_ORDER = KITS_PLACE.order
KIT_CSS = "scenarios/kit.css"


def player_url(site_url: str, lang: str, scenario: Scenario) -> str:
    return language_url(site_url, f"{SECTION}/{scenario.id}/", lang)


def kits(site: Site, scenarios: Scenarios) -> Iterator[GeneratedFile]:
    built = build_date()
    maker = pdf_maker(site, built)
    for lang in LANGUAGES:
        yield kits_index(scenarios, lang)
        for scenario in scenarios.items:
            yield kit_page(site, scenario, lang)
            name = f"dong-vai-{scenario.id}{language_suffix(lang)}"
            yield GeneratedFile(f"{KITS}/{scenario.id}.pdf", lang,
                                maker.later(name, functools.partial(
                                    kit_pdf_html, site, scenario, lang, built)))


def kit_body(site: Site, scenario: Scenario, lang: str) -> str:
    """The kit's Markdown, with citations still as `[[ref|label]]`."""
    return render("kit.md.j2", lang=lang, scenario=scenario, cite=citer(site, lang))


def kit_page(site: Site, scenario: Scenario, lang: str) -> GeneratedFile:
    title = scenario.title[lang]
    meta = page_meta(t("scenarios.kit_title", lang, title=title),
                     t("scenarios.kit_description", lang, title=title), scenario.order)
    meta["audience"] = TRAINERS
    meta["styles"] = ["scenario"]
    # The scenario's own page already holds this text: one search result is enough.
    meta["search"] = {"exclude": True}
    body = render("kit-page.md.j2", lang=lang, scenario=scenario,
                  body=Markup(kit_body(site, scenario, lang)))
    return generated_page(scenario.kit_page, lang, meta, body)


def kit_pdf_html(site: Site, scenario: Scenario, lang: str, built: dt.date) -> str:
    # Without a published address the kit prints no address and no QR code (never this
    # computer's).
    url = player_url(site.public_url, lang, scenario) if site.public_url else ""
    markdown = noted_citations(kit_body(site, scenario, lang), site, lang, scenario.path)
    site_title, spoken = t("modules.site_title", lang), spoken_date(built, lang)
    title = scenario.title[lang]
    document = Document(lang, t("scenarios.kit_title", lang, title=title),
                        Markup(keep_markers_with_their_words(to_html(markdown))),
                        (HANDOUT_CSS, KIT_CSS, PAGE_FOOT),
                        author=site_title,
                        description=t("scenarios.kit_description", lang, title=title))
    foot = page_foot(f"{site_title} · {t('scenarios.kit_built', lang, date=spoken)}")
    return document.html("scenarios/kit.html.j2", scenario=scenario, url=url,
                         qr=qr_data_uri(url) if url else "", site_title=site_title, built=spoken,
                         **foot)


def kits_index(scenarios: Scenarios, lang: str) -> GeneratedFile:
    meta = page_meta(t("scenarios.kits_title", lang), t("scenarios.kits_description", lang),
                     KITS_ORDER)
    meta["audience"] = TRAINERS
    body = render("kits-index.md.j2", lang=lang, scenarios=scenarios.items)
    return generated_page(f"{KITS}/index.md", lang, meta, body)
