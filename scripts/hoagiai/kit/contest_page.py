"""The contest page (trac-nghiem/hoi-thi/): trainers draw a paper in the browser.

The page holds the form and loads a small index of the question sets,
`assets/js/contest-banks-<lang>.js` (each set's id, title and its questions' levels in
order: enough to draw and to refuse an impossible paper). The questions themselves are in
one file per set, `[<lang>/]trac-nghiem/hoi-thi/cau-hoi/<set>.js`, which
docs/assets/js/contest.js loads only for the sets a drawn paper takes questions from: the
page's first visit does not grow with the number of sets. Scripts, not files to fetch, so
that the page also works in the offline copy opened from disk (as the law's words of the
citation notes do, legal/quote_files.py); docs/assets/js/contest-draw.js draws exactly as
`hoagiai contest` does (hoagiai.quiz.draw documents the shared procedure).
"""

from __future__ import annotations

import json
from typing import Any

from hoagiai.feature import GeneratedFile, OutputFile, PageContext, generated_page
from hoagiai.quiz.exports import Resolver, citation_label
from hoagiai.quiz.model import Bank, QuizBanks
from hoagiai.quiz.views import SECTION
from hoagiai.render import render, t
from hoagiai.sitemap import SITE_MAP
from hoagiai.urls import localized_path

PAGE = f"{SECTION}/hoi-thi.md"
INDEX_SCRIPT = "contest-banks-{lang}"  # docs/assets/js/<name>.js, written with the site
BANKS_FOLDER = f"{SECTION}/hoi-thi/cau-hoi/"  # one script per question set, under the page
QUESTIONS_GLOBAL = "hoagiaiContestQuestions"  # window.hoagiaiContestQuestions[set] = [...]
PLACE = SITE_MAP["quizzes"].page("hoi-thi")  # after the trainers' sets


def contest_page(lang: str) -> GeneratedFile:
    """The page with its lead; the form comes with `contest_form`, which knows the page's
    address."""
    meta = {
        "title": t("kit.contest.title", lang),
        "description": t("kit.contest.description", lang),
        "audience": PLACE.audience,
        "order": PLACE.order,
        "scripts": [INDEX_SCRIPT.format(lang=lang), "contest-draw", "contest"],
        "styles": ["kit"],
        "search": {"exclude": True},
    }
    return generated_page(PAGE, lang, meta, render("kit/contest.md.j2", lang=lang))


def contest_form(banks: QuizBanks, page: PageContext) -> str:
    """The form and the place of the paper; the form names the folder of the sets' files
    relative to this page (it differs with `use_directory_urls: false`, the USB copy)."""
    return render("kit/contest-form.md.j2", lang=page.lang, banks=banks.banks,
                  folder=page.asset(banks_folder(page.lang)))


def banks_folder(lang: str) -> str:
    """"trac-nghiem/hoi-thi/cau-hoi/", "en/trac-nghiem/hoi-thi/cau-hoi/"."""
    return localized_path(BANKS_FOLDER, lang)


def contest_files(banks: QuizBanks, lang: str, resolve: Resolver) -> list[OutputFile]:
    """The index the page loads, and one file of questions per set (loaded on demand)."""
    return [contest_index(banks, lang),
            *(bank_file(bank, lang, resolve) for bank in banks.banks)]


def contest_index(banks: QuizBanks, lang: str) -> OutputFile:
    """Every set in learning order: its id, title, and one letter per question for its level
    (d, v, k: de, vua, kho), in the order of its file."""
    data = {"banks": [{"id": bank.id, "title": bank.title[lang],
                       "levels": "".join(q.difficulty[0] for q in bank.questions)}
                      for bank in banks.banks]}
    return OutputFile(f"assets/js/{INDEX_SCRIPT.format(lang=lang)}.js",
                      f"window.hoagiaiContestBanks = {_json(data)};\n")


def bank_file(bank: Bank, lang: str, resolve: Resolver) -> OutputFile:
    """One set's questions as the browser prints them, in the order of the index."""
    script = (f"(window.{QUESTIONS_GLOBAL} = window.{QUESTIONS_GLOBAL} || {{}})"
              f"[{json.dumps(bank.id)}] = {_json(_questions(bank, lang, resolve))};\n")
    return OutputFile(f"{banks_folder(lang)}{bank.id}.js", script)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _questions(bank: Bank, lang: str, resolve: Resolver) -> list[dict[str, Any]]:
    return [{
        "id": q.id,
        "how": t(f"quiz.how.{q.type}", lang),
        "prompt": q.prompt[lang].strip(),
        "choices": [[q.letter(c), c.text[lang].strip()] for c in q.choices],
        "answer": [f"{q.letter(c)}. {c.text[lang].strip()}" for c in q.correct_choices],
        "explanation": " ".join(q.explanation[lang].split()),
        "sources": [citation_label(c.ref, lang, resolve) for c in q.cite],
    } for q in bank.questions]
