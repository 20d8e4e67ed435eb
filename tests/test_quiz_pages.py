"""The quiz generator without MkDocs: banks, pages and files in both languages, citations."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from hoagiai.feature import GeneratedFile, PageContext
from hoagiai.frontmatter import split_front_matter
from hoagiai.pipeline import generate, load_site
from hoagiai.quiz import QuizFeature
from hoagiai.quiz.model import QuestionType, QuizBanks
from hoagiai.site import LANGUAGES, Paths, Site
from support.generated import Contents
from support.project import ROOT, copy_project

MODULES = sorted(p.stem for p in (ROOT / "docs" / "hoc-tap").glob("*.md")
                 if p.stem != "index" and ".en" not in p.stem)
HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> [[luat35:1]] *x*'


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(Paths.at(ROOT))


@pytest.fixture(scope="module")
def made(site: Site) -> dict[str, GeneratedFile]:
    return {item.src_uri: item for item in generate(site)}


@pytest.fixture(scope="module")
def banks(site: Site) -> QuizBanks:
    return site.get(QuizBanks)


def test_every_module_has_a_bank_of_twelve_questions_or_more(banks: QuizBanks) -> None:
    assert [bank.id for bank in banks.banks] == [
        "hoa-giai-o-co-so-la-gi", "hoa-giai-vien-va-to-hoa-giai", "trinh-tu-hoa-giai",
        "ket-qua-hoa-giai", "cong-nhan-tai-toa-an", "ky-nang-hoa-giai", "ghi-chep-va-bieu-mau",
        "hoa-giai-tai-toa-an", "kinh-phi-va-ho-tro", "to-hoa-giai-5-tot",
    ]
    assert sorted(bank.id for bank in banks.banks) == MODULES
    assert all(len(bank.questions) >= 12 for bank in banks.banks)
    assert banks.question_count >= 120


def test_every_bank_mixes_types_and_levels(banks: QuizBanks) -> None:
    for bank in banks.banks:
        assert {q.type for q in bank.questions} == set(QuestionType), bank.id
        assert all(count >= 2 for count in bank.count_by_difficulty().values()), bank.id


def test_every_question_is_written_in_both_languages(banks: QuizBanks) -> None:
    for bank in banks.banks:
        for q in bank.questions:
            texts = [q.prompt, q.explanation, *(c.text for c in q.choices)]
            for text in texts:
                assert text["vi"].strip() and text["en"].strip(), (bank.id, q.id)
            assert q.prompt["vi"] != q.prompt["en"], (bank.id, q.id)


def test_each_bank_makes_its_pages_and_files_in_both_languages(
        banks: QuizBanks, made: dict[str, GeneratedFile]) -> None:
    for lang in LANGUAGES:
        suffix = "" if lang == "vi" else ".en"
        assert f"trac-nghiem/index{suffix}.md" in made
        assert f"trac-nghiem/tap-huan{suffix}.md" in made
        for bank in banks.banks:
            for path in (f"trac-nghiem/{bank.id}{suffix}.md",
                         f"trac-nghiem/tap-huan/{bank.id}-de{suffix}.html",
                         f"trac-nghiem/tap-huan/{bank.id}-dap-an{suffix}.html",
                         f"trac-nghiem/tap-huan/{bank.id}{suffix}.gift",
                         f"trac-nghiem/tap-huan/{bank.id}.aiken{suffix}.txt"):
                assert path in made, path


def test_only_quiz_pages_ask_for_the_quiz_script(made: dict[str, GeneratedFile]) -> None:
    with_script = sorted(uri for uri, item in made.items()
                         if "quiz" in item.meta.get("scripts", []))
    quiz_page = r"trac-nghiem/(?!index|tap-huan|hoi-thi)[a-z0-9-]+(\.en)?\.md"
    quiz_pages = sorted(uri for uri in made if re.fullmatch(quiz_page, uri))
    assert with_script == quiz_pages and len(quiz_pages) == 20


def test_quiz_page_front_matter_is_valid_for_the_site(site: Site,
                                                      made: dict[str, GeneratedFile]) -> None:
    for uri, item in made.items():
        if not item.is_page or not uri.startswith("trac-nghiem"):
            continue
        front, problems = split_front_matter(item.content, uri)
        assert problems == [] and front.meta == item.meta
        assert site.schemas.validate(front.document, "page") == [], uri


def test_each_question_exposes_its_answer_and_sources_in_a_disclosure(
        banks: QuizBanks, made: dict[str, GeneratedFile]) -> None:
    bank = banks.banks[0]
    page = made[f"trac-nghiem/{bank.id}.md"].content
    for q in bank.questions:
        block = page[page.index(f'id="{q.anchor}"'):]
        block = block[:block.index("</section>")]
        answer = block[block.index("<details"):]
        assert f'data-fp="{q.fingerprint}"' in block
        for choice in q.correct_choices:
            assert f"{q.letter(choice)}. " in answer
        for citation in q.cite:
            assert f"[[{citation.ref}]]" in answer  # raw: the legal library renders it


def test_every_cited_source_is_recorded_for_the_legal_library(site: Site,
                                                              banks: QuizBanks) -> None:
    uses = [use for use in site.citations if use.page.startswith("trac-nghiem/")]
    assert len(uses) == sum(len(q.cite) for b in banks.banks for q in b.questions)
    bank = banks.banks[0]
    first = bank.questions[0]
    use = next(u for u in uses if u.anchor == first.anchor)
    assert use.page == f"trac-nghiem/{bank.id}.md"
    assert use.ref == first.cite[0].ref
    assert use.label.vi == f"Câu 1 – {bank.title['vi']}"
    assert use.label.en == f"Question 1 – {bank.title['en']}"
    assert use.location.path == f"materials/quiz/{bank.id}.yml" and use.location.line > 0


def test_module_pages_get_a_check_yourself_box(site: Site, banks: QuizBanks) -> None:
    feature = QuizFeature()
    bank = banks.get("ket-qua-hoa-giai")
    for lang, src_uri in (("vi", "hoc-tap/ket-qua-hoa-giai.md"),
                          ("en", "hoc-tap/ket-qua-hoa-giai.en.md")):
        page = PageContext(src_uri, "x/", lang, {})
        markdown = feature.page_markdown(site, page, "Bài học.\n")
        assert markdown.startswith("Bài học.\n\n!!! question hg-selfcheck")
        assert "(../trac-nghiem/ket-qua-hoa-giai.md)" in markdown
        assert f"{len(bank.questions)} " in markdown
    for other in ("hoc-tap/index.md", "gioi-thieu.md", "trac-nghiem/ket-qua-hoa-giai.md"):
        unchanged = feature.page_markdown(site, PageContext(other, "x/", "vi", {}), "Trang.\n")
        assert unchanged == "Trang.\n"


def test_a_changed_answer_changes_the_fingerprint_a_new_explanation_does_not(
        banks: QuizBanks) -> None:
    question = banks.banks[0].questions[0]
    reworded = dataclasses.replace(question, explanation={"vi": "Khác.", "en": "Other."})
    other_answer = dataclasses.replace(question, correct=(question.choices[-1].id,))
    assert reworded.fingerprint == question.fingerprint
    assert other_answer.fingerprint != question.fingerprint


def test_text_from_yaml_never_becomes_markup(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    bank_file = project / "materials" / "quiz" / "hoa-giai-o-co-so-la-gi.yml"
    text = bank_file.read_text(encoding="utf-8")
    text = text.replace("vi: Theo Luật Hòa giải ở cơ sở, “hòa giải ở cơ sở” là gì?",
                        f"vi: '{HOSTILE}'", 1)
    text = text.replace("vi: Trụ sở Ủy ban nhân dân xã\n", f"vi: '{HOSTILE}'\n", 1)
    bank_file.write_text(text, encoding="utf-8")
    made = Contents(generate(load_site(Paths.at(project))))
    for uri in ("trac-nghiem/hoa-giai-o-co-so-la-gi.md",
                "trac-nghiem/tap-huan/hoa-giai-o-co-so-la-gi-de.html",
                "trac-nghiem/tap-huan/hoa-giai-o-co-so-la-gi-dap-an.html"):
        body = made[uri]
        assert "<script>" not in body and "<img" not in body, uri
        assert "&lt;script&gt;" in body, uri
    quiz = made["trac-nghiem/hoa-giai-o-co-so-la-gi.md"]
    # Raw HTML parts are HTML-escaped only, and "[" is written so that the legal library
    # never takes the text for a citation; Markdown parts are also backslash-escaped.
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in quiz
    assert "&#91;&#91;luat35:1]] *x*" in quiz and "[[luat35:1]]" not in quiz
    sheet = made["trac-nghiem/tap-huan/hoa-giai-o-co-so-la-gi-de.html"]
    assert "[[luat35:1]] *x*" in sheet  # the printed sheet shows it as typed
