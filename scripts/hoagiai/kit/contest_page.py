"""The contest page (trac-nghiem/hoi-thi/): trainers draw a paper in the browser.

The page holds the form; the questions come from `assets/js/contest-banks-<lang>.js`, a
script (not a file to fetch) so that the page also works in the offline copy opened from
disk; docs/assets/js/contest-draw.js draws exactly as `hoagiai contest` does
(hoagiai.quiz.draw documents the shared procedure).
"""

from __future__ import annotations

import json
from typing import Any

from hoagiai.feature import GeneratedFile, OutputFile, generated_page
from hoagiai.quiz.exports import Resolver, citation_label
from hoagiai.quiz.model import Bank, QuizBanks
from hoagiai.quiz.views import SECTION
from hoagiai.render import render, t
from hoagiai.sitemap import SITE_MAP

PAGE = f"{SECTION}/hoi-thi.md"
DATA_SCRIPT = "contest-banks-{lang}"  # docs/assets/js/<name>.js, written with the site
PLACE = SITE_MAP["quizzes"].page("hoi-thi")  # after the trainers' sets


def contest_page(banks: QuizBanks, lang: str) -> GeneratedFile:
    meta = {
        "title": t("kit.contest.title", lang),
        "description": t("kit.contest.description", lang),
        "audience": PLACE.audience,
        "order": PLACE.order,
        "scripts": [DATA_SCRIPT.format(lang=lang), "contest-draw", "contest"],
        "styles": ["kit"],
        "search": {"exclude": True},
    }
    body = render("kit/contest.md.j2", lang=lang, banks=banks.banks)
    return generated_page(PAGE, lang, meta, body)


def contest_data(banks: QuizBanks, lang: str, resolve: Resolver) -> OutputFile:
    """Every bank's questions as the browser draws and prints them, in learning order."""
    data = {"banks": [_bank(bank, lang, resolve) for bank in banks.banks]}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return OutputFile(f"assets/js/{DATA_SCRIPT.format(lang=lang)}.js",
                      f"window.hoagiaiContestBanks = {text};\n")


def _bank(bank: Bank, lang: str, resolve: Resolver) -> dict[str, Any]:
    return {
        "id": bank.id,
        "title": bank.title[lang],
        "questions": [{
            "id": q.id,
            "level": q.difficulty,
            "how": t(f"quiz.how.{q.type}", lang),
            "prompt": q.prompt[lang].strip(),
            "choices": [[q.letter(c), c.text[lang].strip()] for c in q.choices],
            "answer": [f"{q.letter(c)}. {c.text[lang].strip()}" for c in q.correct_choices],
            "explanation": " ".join(q.explanation[lang].split()),
            "sources": [citation_label(c.ref, lang, resolve) for c in q.cite],
        } for q in bank.questions],
    }
