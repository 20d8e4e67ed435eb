"""The contest page's question sets, split so that its first visit does not grow with the site:
a small index with the page (contest-banks-<lang>.js), and one file of questions per set
(trac-nghiem/hoi-thi/cau-hoi/<set>.js) loaded when a paper draws from it. Plain Python: the
files as the generator writes them, the form's folder on the site and in the USB copy, and
what the offline app does with the files."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from hoagiai.feature import PageContext
from hoagiai.kit.contest_page import (
    INDEX_SCRIPT,
    QUESTIONS_GLOBAL,
    banks_folder,
    contest_files,
    contest_form,
)
from hoagiai.offline_app.catalog import WORKER_SOURCE, language_of_file
from hoagiai.pipeline import load_site
from hoagiai.quiz import draw
from hoagiai.quiz.model import QuizBanks
from hoagiai.site import LANGUAGES, Paths
from support.project import ROOT

SITE = load_site(Paths.at(ROOT))
BANKS = SITE.get(QuizBanks)
INDEX = re.compile(r"window\.hoagiaiContestBanks = (\{.*\});\n", re.DOTALL)
BANK = re.compile(rf"\(window\.{QUESTIONS_GLOBAL} = window\.{QUESTIONS_GLOBAL} \|\| \{{\}}\)"
                  r"\[(\"[^\"]+\")\] = (\[.*\]);\n", re.DOTALL)


def written(lang: str) -> tuple[dict, dict[str, tuple[str, list[dict]]]]:
    """The index, and each set's file: path -> (the set it names, its questions)."""
    index_file, *bank_files = contest_files(BANKS, lang, SITE.resolve)
    assert index_file.path == f"assets/js/{INDEX_SCRIPT.format(lang=lang)}.js"
    found = INDEX.fullmatch(str(index_file.content))
    assert found is not None
    files = {}
    for file in bank_files:
        match = BANK.fullmatch(str(file.content))
        assert match is not None, file.path
        files[file.path] = (json.loads(match[1]), json.loads(match[2]))
    return json.loads(found[1]), files


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_question_is_in_exactly_one_set_file_and_the_index_lists_them_all(
        lang: str) -> None:
    index, files = written(lang)
    # The index: every set in learning order, its title and its questions' levels, no more.
    assert [bank["id"] for bank in index["banks"]] == [bank.id for bank in BANKS.banks]
    for entry, bank in zip(index["banks"], BANKS.banks, strict=True):
        assert set(entry) == {"id", "title", "levels"}
        assert entry["title"] == bank.title[lang]
        assert entry["levels"] == "".join(q.difficulty[0] for q in bank.questions)
    # One file per set, in the language's folder, named after the set it holds.
    assert sorted(files) == sorted(f"{banks_folder(lang)}{bank.id}.js" for bank in BANKS.banks)
    assert all(path == f"{banks_folder(lang)}{named}.js" for path, (named, _) in files.items())
    # Each set's questions, in the order of its levels, and each question in one file only.
    held = Counter(f"{named}/{q['id']}" for named, questions in files.values()
                   for q in questions)
    assert held == Counter(f"{bank.id}/{q.id}" for bank in BANKS.banks for q in bank.questions)
    for bank in BANKS.banks:
        questions = files[f"{banks_folder(lang)}{bank.id}.js"][1]
        assert [q["id"] for q in questions] == [q.id for q in bank.questions]
        assert [q["prompt"] for q in questions] == [q.prompt[lang].strip()
                                                    for q in bank.questions]
    # The page reads a level back from its first letter (docs/assets/js/contest.js).
    assert len({level[0] for level in draw.LEVELS}) == len(draw.LEVELS)


def test_the_index_stays_small_whatever_the_sets_hold() -> None:
    """What the page loads holds no question text: a set's words are in its file only."""
    index, _ = written("vi")
    text = json.dumps(index, ensure_ascii=False)
    assert not any(q.prompt["vi"].strip()[:40] in text for bank in BANKS.banks
                   for q in bank.questions)
    assert len(text.encode()) < 120 * len(BANKS.banks) + 2 * sum(
        len(bank.questions) for bank in BANKS.banks)


@pytest.mark.parametrize(("url", "lang", "folder"), [
    ("trac-nghiem/hoi-thi/", "vi", "cau-hoi/"),
    ("en/trac-nghiem/hoi-thi/", "en", "cau-hoi/"),
    ("trac-nghiem/hoi-thi.html", "vi", "hoi-thi/cau-hoi/"),  # the USB copy
    ("en/trac-nghiem/hoi-thi.html", "en", "hoi-thi/cau-hoi/"),
])
def test_the_form_names_the_sets_folder_relative_to_the_page(url: str, lang: str,
                                                             folder: str) -> None:
    src = "trac-nghiem/hoi-thi.md" if lang == "vi" else "trac-nghiem/hoi-thi.en.md"
    page = PageContext(src, url, lang, {}, directory_urls=url.endswith("/"))
    form = contest_form(BANKS, page)
    assert f'data-hg-banks="{folder}"' in form
    assert form.count('name="bank"') == len(BANKS.banks)


def test_the_offline_app_keeps_the_set_files_with_their_language() -> None:
    """The worker keeps a fetched set file for good (with the search parts and the law's
    words), and "Keep the whole site" of a language keeps that language's sets."""
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    pattern = re.search(r"function isOnDemandPart\(url\) \{\s*return /(.+?)/\.test\(", source,
                        re.DOTALL)
    assert pattern is not None
    on_demand = re.compile(pattern[1])
    for lang in LANGUAGES:
        path = f"{banks_folder(lang)}{BANKS.banks[0].id}.js"
        assert on_demand.match(path), path
        assert language_of_file(path) == lang
    assert not on_demand.match("trac-nghiem/hoi-thi/")
