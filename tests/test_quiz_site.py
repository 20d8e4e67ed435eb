"""The quiz section in the real built site, read as HTML (no browser)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hoagiai.pipeline import load_site
from hoagiai.quiz.model import QuizBanks
from hoagiai.quiz.paper import STYLESHEET
from hoagiai.site import Paths
from support import gift
from support.html import html_pages, url_of
from support.project import ROOT

pytestmark = pytest.mark.build

BANKS = load_site(Paths.at(ROOT)).get(QuizBanks).banks
PREFIXES = {"vi": "", "en": "en/"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(path: Path) -> BeautifulSoup:
    return soup(path).find("article")


@pytest.mark.parametrize("lang", PREFIXES)
def test_without_javascript_every_answer_is_in_the_page(built_site: Path, lang: str) -> None:
    for bank in BANKS:
        page = article(built_site / PREFIXES[lang] / "trac-nghiem" / bank.id / "index.html")
        sections = page.select("section.hg-q")
        assert [s["id"] for s in sections] == [q.anchor for q in bank.questions], bank.id
        for section, question in zip(sections, bank.questions, strict=True):
            answer = section.select_one("details.hg-q__answer")
            text = " ".join(answer.get_text(" ").split())
            for choice in question.correct_choices:
                assert f"{question.letter(choice)}. {' '.join(choice.text[lang].split())}" in text
            assert " ".join(question.explanation[lang].split()) in text
            assert section.select_one(".hg-q__actions").has_attr("hidden")


def test_the_quiz_script_loads_on_quiz_pages_only(built_site: Path) -> None:
    quiz_pages = {f"{prefix}trac-nghiem/{bank.id}/" for bank in BANKS
                  for prefix in PREFIXES.values()}
    loading = set()
    for page in html_pages(built_site):
        scripts = [tag.get("src", "") for tag in soup(page).find_all("script")]
        if any(src.endswith("assets/js/quiz.js") for src in scripts):
            loading.add(url_of(built_site, page))
    assert loading == quiz_pages


def test_quiz_pages_have_no_inline_script_of_their_own(built_site: Path) -> None:
    page = soup(built_site / "trac-nghiem" / BANKS[0].id / "index.html")
    assert page.find("article").find_all("script") == []


@pytest.mark.parametrize("lang", PREFIXES)
def test_index_lists_every_bank_with_its_count(built_site: Path, lang: str) -> None:
    page = article(built_site / PREFIXES[lang] / "trac-nghiem" / "index.html")
    rows = [[cell.get_text(strip=True) for cell in row.find_all("td")]
            for row in page.select("tbody tr")]
    assert [(row[0], int(row[1])) for row in rows] == [
        (bank.title[lang], len(bank.questions)) for bank in BANKS]
    assert page.select_one(".hg-building") is None


@pytest.mark.parametrize("lang", PREFIXES)
def test_trainer_files_are_linked_and_served(built_site: Path, lang: str) -> None:
    folder = built_site / PREFIXES[lang] / "trac-nghiem" / "tap-huan"
    links = {a["href"] for a in article(folder / "index.html").find_all("a", href=True)}
    for bank in BANKS:
        for name in (f"{bank.id}-de.html", f"{bank.id}-dap-an.html", f"{bank.id}.gift",
                     f"{bank.id}.aiken.txt"):
            assert name in links and (folder / name).is_file(), name
        quiz = article(built_site / PREFIXES[lang] / "trac-nghiem" / bank.id / "index.html")
        quiz_links = {a["href"] for a in quiz.find_all("a", href=True)}
        assert {f"../tap-huan/{name}" for name in (f"{bank.id}-de.html", f"{bank.id}.gift",
                f"{bank.id}-dap-an.html", f"{bank.id}.aiken.txt")} <= quiz_links
        questions = gift.parse((folder / f"{bank.id}.gift").read_text(encoding="utf-8"))
        assert [q.text for q in questions] == [q.prompt[lang].strip() for q in bank.questions]


@pytest.mark.parametrize("lang", PREFIXES)
def test_sheets_hold_no_answers_and_keys_hold_all(built_site: Path, lang: str) -> None:
    folder = built_site / PREFIXES[lang] / "trac-nghiem" / "tap-huan"
    for bank in BANKS:
        sheet = soup(folder / f"{bank.id}-de.html")
        key = soup(folder / f"{bank.id}-dap-an.html")
        for document in (sheet, key):
            assert document.html["lang"] == lang
            stylesheet = document.find("link", rel="stylesheet")["href"]
            assert (folder / stylesheet).resolve() == (built_site / STYLESHEET).resolve()
        assert len(sheet.select("main .hg-sheet-q")) == len(bank.questions)
        sheet_text = " ".join(sheet.get_text(" ").split())
        key_text = " ".join(key.get_text(" ").split())
        for question in bank.questions:
            explanation = " ".join(question.explanation[lang].split())
            assert explanation not in sheet_text and explanation in key_text
        grid = [[c.get_text(strip=True) for c in row.find_all("td")]
                for row in key.find("table").select("tbody tr")]
        assert [row[1] for row in grid] == [
            ", ".join(q.letter(c) for c in q.correct_choices) for q in bank.questions]


@pytest.mark.parametrize("lang", PREFIXES)
def test_every_module_page_links_to_its_quiz(built_site: Path, lang: str) -> None:
    for bank in BANKS:
        page = article(built_site / PREFIXES[lang] / "hoc-tap" / bank.module / "index.html")
        box = page.select_one(".admonition.hg-selfcheck")
        assert box is not None, bank.module
        assert box.find("a")["href"] == f"../../trac-nghiem/{bank.id}/"
