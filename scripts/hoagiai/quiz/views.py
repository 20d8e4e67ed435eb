"""Every page and file made from the banks, in both languages.

Site layout (English under /en/):
  trac-nghiem/index.md                       list of banks with counts
  trac-nghiem/<bank>.md                      self-check page (quiz.js)
  trac-nghiem/tap-huan.md                    trainer materials: sheets, keys, exports, contest
  trac-nghiem/tap-huan/<bank>-de.html        printable sheet, no answers
  trac-nghiem/tap-huan/<bank>-dap-an.html    printable answer key
  trac-nghiem/tap-huan/<bank>.gift           Moodle GIFT (every question)
  trac-nghiem/tap-huan/<bank>.aiken.txt      Moodle Aiken (single-answer questions)

Sheets and keys are standalone documents rather than site pages: they are made to be
printed, and twenty of them would crowd the navigation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from hoagiai.feature import GeneratedFile, generated_page
from hoagiai.quiz import exports
from hoagiai.quiz.model import Bank, Numbered, QuizBanks
from hoagiai.quiz.paper import Link, Printable, assets_for, printed_citation, twin_links
from hoagiai.quiz.render import render
from hoagiai.render import t
from hoagiai.site import LANGUAGES, Site
from hoagiai.sitemap import SITE_MAP

QUIZZES = SITE_MAP["quizzes"]
SECTION = QUIZZES.slug
TRAINERS = f"{SECTION}/tap-huan"
LEARNERS = QUIZZES.audience
TRAINERS_ONLY = QUIZZES.page("tap-huan").audience
SECTION_ORDER = QUIZZES.order
TRAINERS_ORDER = QUIZZES.page("tap-huan").order  # after every bank


def raw_citation(ref: str) -> Markup:
    """On site pages a source stays `[[ref]]`: the legal library turns it into a link."""
    return Markup(f"[[{ref}]]")


def everything(site: Site, banks: QuizBanks) -> Iterator[GeneratedFile]:
    for lang in LANGUAGES:
        yield index_page(banks, lang)
        yield trainer_page(banks, lang)
        for bank in banks.banks:
            yield quiz_page(bank, lang)
            yield sheet(bank, lang)
            yield key(bank, lang, site.resolve)
            yield GeneratedFile(f"{TRAINERS}/{bank.id}.gift", lang,
                                exports.gift(bank, lang, site.resolve))
            yield GeneratedFile(f"{TRAINERS}/{bank.id}.aiken.txt", lang, exports.aiken(bank, lang))


def index_page(banks: QuizBanks, lang: str) -> GeneratedFile:
    meta = _meta(t("quiz.index_title", lang), t("quiz.index_description", lang), LEARNERS,
                 SECTION_ORDER)
    body = render("index.md.j2", lang=lang, banks=banks.banks, total=banks.question_count)
    return generated_page(f"{SECTION}/index.md", lang, meta, body)


def quiz_page(bank: Bank, lang: str) -> GeneratedFile:
    meta = _meta(t("quiz.page_title", lang, title=bank.title[lang]), bank.description[lang],
                 LEARNERS, bank.order, scripts=["quiz"], styles=["quiz"])
    body = render("page.md.j2", lang=lang, bank=bank, cite=raw_citation)
    return generated_page(f"{SECTION}/{bank.id}.md", lang, meta, body)


def trainer_page(banks: QuizBanks, lang: str) -> GeneratedFile:
    meta = _meta(t("quiz.trainer_title", lang), t("quiz.trainer_description", lang),
                 TRAINERS_ONLY, TRAINERS_ORDER)
    body = render("trainer.md.j2", lang=lang, banks=banks.banks)
    return generated_page(f"{TRAINERS}.md", lang, meta, body)


def sheet(bank: Bank, lang: str, css: str = "") -> GeneratedFile:
    """A question sheet without answers, to print for a class (`css`: inlined, to stand
    alone)."""
    path = f"{TRAINERS}/{bank.id}-de.html"
    document = Printable(
        lang, t("quiz.sheet_title", lang, title=bank.title[lang]), _code(bank, lang),
        render("sheet.md.j2", lang=lang, items=numbered(bank)),
        (Link(f"{bank.id}-dap-an.html", t("quiz.key_link_long", lang)),
         *twin_links(path, lang)),
    )
    return GeneratedFile(path, lang, document.html(**assets_for(path, lang, css)))


def key(bank: Bank, lang: str, resolve: exports.Resolver, css: str = "") -> GeneratedFile:
    """The answer key of a sheet: answers, explanations and their sources, printed apart."""
    path = f"{TRAINERS}/{bank.id}-dap-an.html"
    document = Printable(
        lang, t("quiz.key_title", lang, title=bank.title[lang]), _code(bank, lang),
        render("key.md.j2", lang=lang, items=numbered(bank), cite=printed_citation(lang, resolve),
               show_bank=False),
        (Link(f"{bank.id}-de.html", t("quiz.sheet_link_long", lang)), *twin_links(path, lang)),
    )
    return GeneratedFile(path, lang, document.html(**assets_for(path, lang, css)))


def self_check_box(bank: Bank, lang: str) -> str:
    """The "check yourself" box added at the end of the bank's module page."""
    return render("selfcheck.md.j2", lang=lang, bank=bank)


def numbered(bank: Bank) -> list[Numbered]:
    return [Numbered(question.number, question, bank) for question in bank.questions]


def _code(bank: Bank, lang: str) -> str:
    return t("quiz.sheet_code", lang, title=bank.title[lang], count=len(bank.questions))


def _meta(title: str, description: str, audience: list[str], order: int,
          **extra: Any) -> dict[str, Any]:
    return {"title": title, "description": " ".join(description.split()), "audience": audience,
            "order": order, **extra}
