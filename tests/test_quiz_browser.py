"""Quiz pages in a real headless Chromium over nginx: marking, score, saved progress,
no-JavaScript view, keyboard-only use and accessibility."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from hoagiai.pipeline import load_site
from hoagiai.quiz.model import Question, QuestionType, QuizBanks
from hoagiai.site import Paths
from support.axe import violations
from support.project import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.server]

BANKS = load_site(Paths.at(ROOT)).get(QuizBanks)
BANK = BANKS.banks[0]
STORAGE_KEY = f"hoagiai-quiz-v1:{BANK.id}"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context (empty storage) that fails the test on any script error."""
    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


def open_quiz(page: Page, base: str, lang: str = "vi") -> None:
    prefix = "" if lang == "vi" else "en/"
    page.goto(f"{base}{prefix}trac-nghiem/{BANK.id}/")
    expect(page.locator(".hg-quiz__summary")).to_be_visible()


def block(page: Page, question: Question) -> Locator:
    return page.locator(f"#{question.anchor}")


def pick(page: Page, question: Question, choice_ids: tuple[str, ...]) -> None:
    for choice_id in choice_ids:
        block(page, question).locator(f"label[for='{question.anchor}--{choice_id}']").click()


def wrong_choice(question: Question) -> str:
    return next(c.id for c in question.choices if not question.is_correct(c))


def first(kind: QuestionType) -> Question:
    return next(q for q in BANK.questions if q.type is kind)


def score(page: Page) -> str:
    return page.locator(".hg-quiz__score").inner_text()


def test_right_and_wrong_answers_get_marked_and_scored(page: Page, site_server: str) -> None:
    open_quiz(page, site_server)
    right, wrong = BANK.questions[0], BANK.questions[1]
    total = len(BANK.questions)
    assert score(page) == f"Bạn làm đúng 0 trên {total} câu (đã kiểm tra 0 câu)."

    pick(page, right, right.correct)
    block(page, right).locator("[data-action=check]").click()
    expect(block(page, right).locator(".hg-q__feedback")).to_have_text("Đúng rồi!")
    expect(block(page, right).locator("details")).to_have_attribute("open", "")
    assert score(page) == (
        f"Câu 1: Đúng rồi! Bạn làm đúng 1 trên {total} câu (đã kiểm tra 1 câu).")

    pick(page, wrong, (wrong_choice(wrong),))
    block(page, wrong).locator("[data-action=check]").click()
    letters = ", ".join(wrong.letter(c) for c in wrong.correct_choices)
    expected = f"Chưa đúng. Đáp án đúng: {letters}."
    expect(block(page, wrong).locator(".hg-q__feedback")).to_have_text(expected)
    marked_wrong = block(page, wrong).locator("li.is-wrong")
    expect(marked_wrong).to_have_count(1)
    expect(marked_wrong).to_contain_text("✗ bạn chọn, chưa đúng")
    expect(block(page, wrong).locator("li.is-right")).to_have_count(len(wrong.correct))
    expect(block(page, wrong).locator("li.is-right").first).to_contain_text("✓ đáp án đúng")
    expect(block(page, wrong).locator("input").first).to_be_disabled()
    assert score(page) == (
        f"Câu 2: {expected} Bạn làm đúng 1 trên {total} câu (đã kiểm tra 2 câu).")


def test_multiple_answers_must_all_be_picked(page: Page, site_server: str) -> None:
    open_quiz(page, site_server)
    question = first(QuestionType.MULTIPLE)
    pick(page, question, question.correct[:1])
    block(page, question).locator("[data-action=check]").click()
    expect(block(page, question).locator(".hg-q__feedback")).to_contain_text("Chưa đúng")
    block(page, question).locator("[data-action=retry]").click()
    pick(page, question, question.correct)
    block(page, question).locator("[data-action=check]").click()
    expect(block(page, question).locator(".hg-q__feedback")).to_have_text("Đúng rồi!")


def test_checking_without_an_answer_asks_for_one(page: Page, site_server: str) -> None:
    open_quiz(page, site_server)
    question = BANK.questions[0]
    block(page, question).locator("[data-action=check]").click()
    expect(block(page, question).locator(".hg-q__feedback")).to_have_text(
        "Hãy chọn đáp án trước khi bấm “Kiểm tra”.")
    assert score(page) == "Câu 1: Hãy chọn đáp án trước khi bấm “Kiểm tra”."


def test_english_page_speaks_english(page: Page, site_server: str) -> None:
    open_quiz(page, site_server, "en")
    question = first(QuestionType.TRUE_FALSE)
    pick(page, question, question.correct)
    block(page, question).locator("[data-action=check]").click()
    expect(block(page, question).locator(".hg-q__feedback")).to_have_text("Right!")
    assert "You got 1 of" in score(page)


def test_progress_survives_a_reload(page: Page, site_server: str) -> None:
    open_quiz(page, site_server)
    right, wrong, unchecked = BANK.questions[0], BANK.questions[1], BANK.questions[2]
    pick(page, right, right.correct)
    block(page, right).locator("[data-action=check]").click()
    pick(page, wrong, (wrong_choice(wrong),))
    block(page, wrong).locator("[data-action=check]").click()
    pick(page, unchecked, (unchecked.choices[0].id,))  # picked, not yet checked

    page.reload()
    expect(block(page, right).locator(".hg-q__feedback")).to_have_text("Đúng rồi!")
    expect(block(page, wrong).locator("li.is-wrong")).to_have_count(1)
    expect(block(page, unchecked).locator("input").first).to_be_checked()
    expect(block(page, unchecked).locator(".hg-q__feedback")).to_be_hidden()
    assert score(page) == ("Đã mở lại bài làm lưu trên máy này. "
                           f"Bạn làm đúng 1 trên {len(BANK.questions)} câu (đã kiểm tra 2 câu).")

    block(page, wrong).locator("[data-action=retry]").click()
    page.reload()
    expect(block(page, wrong).locator("li.is-wrong")).to_have_count(0)
    expect(block(page, wrong).locator("input:checked")).to_have_count(0)

    page.locator("[data-action=reset]").click()
    page.reload()
    expect(page.locator(".hg-q__feedback:visible")).to_have_count(0)
    assert json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")) == {
        "questions": {}}


def test_corrupt_or_outdated_progress_does_not_break_the_page(page: Page,
                                                             site_server: str) -> None:
    open_quiz(page, site_server)
    page.evaluate(f"localStorage.setItem('{STORAGE_KEY}', '{{not json')")
    page.reload()
    assert "0 trên" in score(page)

    changed, kept = BANK.questions[0], BANK.questions[1]
    saved = {"questions": {
        changed.id: {"fp": "an-old-version", "picked": list(changed.correct), "checked": True},
        kept.id: {"fp": kept.fingerprint, "picked": list(kept.correct), "checked": True},
        "a-removed-question": {"fp": "x", "picked": ["a"], "checked": True},
    }}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [STORAGE_KEY, json.dumps(saved)])
    page.reload()
    expect(block(page, changed).locator("input:checked")).to_have_count(0)
    expect(block(page, kept).locator(".hg-q__feedback")).to_have_text("Đúng rồi!")
    assert score(page).endswith(f"1 trên {len(BANK.questions)} câu (đã kiểm tra 1 câu).")


def test_without_javascript_every_answer_can_be_opened(browser: Browser,
                                                       site_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_server}trac-nghiem/{BANK.id}/")
    expect(page.locator(".hg-q__actions").first).to_be_hidden()
    expect(page.locator(".hg-quiz__summary")).to_be_hidden()
    for question in BANK.questions:
        details = block(page, question).locator("details")
        details.locator("summary").click()
        for choice in question.correct_choices:
            expect(details).to_contain_text(f"{question.letter(choice)}. ")
        expect(details).to_contain_text(" ".join(question.explanation["vi"].split()[:6]))
        expect(details).to_contain_text("Căn cứ:")
    context.close()


def tab_to(page: Page, selector: str, limit: int = 200) -> None:
    """Press Tab until the focused element matches `selector` (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def answer_with_keyboard(page: Page, question: Question) -> None:
    anchor = question.anchor
    if question.is_single_answer:
        tab_to(page, f"#{anchor} input")  # the first radio of the group takes focus
        index = [c.id for c in question.choices].index(question.correct[0])
        page.keyboard.press("Space")
        for _ in range(index):
            page.keyboard.press("ArrowDown")
    else:
        for choice in question.choices:
            tab_to(page, f"#{anchor}--{choice.id}")
            if question.is_correct(choice):
                page.keyboard.press("Space")
    tab_to(page, f"#{anchor} [data-action=check]")
    page.keyboard.press("Enter")


def test_a_whole_bank_can_be_done_with_the_keyboard_alone(page: Page,
                                                          site_server: str) -> None:
    open_quiz(page, site_server)
    for question in BANK.questions:
        answer_with_keyboard(page, question)
        expect(block(page, question).locator(".hg-q__feedback")).to_have_text("Đúng rồi!")
        assert page.evaluate("document.activeElement.dataset.action") == "retry"
    total = len(BANK.questions)
    assert score(page).endswith(f"Bạn làm đúng {total} trên {total} câu (đã kiểm tra {total} câu).")
    expect(page.locator(".hg-quiz__score")).to_have_attribute("aria-live", "polite")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_marked_answers_have_no_accessibility_violation(page: Page, site_server: str,
                                                        lang: str) -> None:
    open_quiz(page, site_server, lang)
    right, wrong = BANK.questions[0], BANK.questions[1]
    pick(page, right, right.correct)
    block(page, right).locator("[data-action=check]").click()
    pick(page, wrong, (wrong_choice(wrong),))
    block(page, wrong).locator("[data-action=check]").click()
    block(page, BANK.questions[2]).locator("[data-action=check]").click()  # nothing picked
    assert violations(page) == []
