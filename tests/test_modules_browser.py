"""Module, key-points and handout pages in a real Chromium: accessible, private, printable."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

pytestmark = [pytest.mark.browser, pytest.mark.server]

# Accessibility and other hosts of every kind of page (PAGE_KINDS): the publication gate
# that tests/test_publish.py runs.


def test_learner_can_hide_trainer_notes_and_the_choice_is_kept(browser: Browser,
                                                               site_server: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_server + "hoc-tap/trinh-tu-hoa-giai/")
    notes = page.locator("details.trainer-notes")
    button = page.locator(".hg-notes-toggle button")
    assert notes.is_visible() and button.is_visible()
    assert button.inner_text() == "Ẩn ghi chú cho tập huấn viên"
    button.click()
    assert notes.is_hidden() and button.get_attribute("aria-pressed") == "true"
    assert button.inner_text() == "Hiện ghi chú cho tập huấn viên"
    page.goto(site_server + "en/hoc-tap/trinh-tu-hoa-giai/")
    assert page.locator("details.trainer-notes").is_hidden()
    page.locator(".hg-notes-toggle button").click()
    assert page.locator("details.trainer-notes").is_visible()
    context.close()


def test_model_answers_start_collapsed(browser: Browser, site_server: str) -> None:
    page = browser.new_page()
    page.goto(site_server + "hoc-tap/ket-qua-hoa-giai/")
    answers = page.locator("details.answer")
    assert answers.count() >= 2
    assert all(answers.nth(i).get_attribute("open") is None for i in range(answers.count()))
    page.close()


def test_pages_print_without_navigation_or_addresses_after_links(browser: Browser,
                                                                 site_server: str) -> None:
    page = browser.new_page()
    page.goto(site_server + "hoc-tap/ket-qua-hoa-giai/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".hg-notes-toggle"):
        assert page.locator(hidden).first.evaluate("e => getComputedStyle(e).display") == "none"
    # A link to another page of the site prints as its text (issue 16): only links to other
    # websites keep their address (tests/test_citations_browser.py).
    link = page.locator('.md-content a[href*="cong-nhan-tai-toa-an/"]:not(.hg-term__link)').first
    assert link.evaluate("e => getComputedStyle(e, '::after').content") == "none"
    # Glossary terms are plain text on paper: no address after them.
    term = page.locator(".md-content a.hg-term__link").first
    assert term.evaluate("e => getComputedStyle(e, '::after').content") == "none"
    page.close()


def test_a_handout_page_prints_without_its_print_button(browser: Browser,
                                                        site_server: str) -> None:
    page = browser.new_page()
    page.goto(site_server + "tai-lieu-in/hoa-giai-o-co-so-la-gi/")
    button = page.locator("[data-hg-print]")
    button.wait_for(state="visible")  # the page's script shows it on screen
    page.emulate_media(media="print")
    assert page.locator(".hg-print").evaluate("e => getComputedStyle(e).display") == "none"
    page.close()
