"""The citizens' corner, stories and glossary in headless Chromium: keyboard-usable."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

pytestmark = [pytest.mark.browser, pytest.mark.server]

# Accessibility and other hosts of every kind of page (PAGE_KINDS): the publication gate
# that tests/test_publish.py runs.


def test_glossary_tooltip_is_reachable_and_readable_by_keyboard(browser: Browser,
                                                                site_server: str) -> None:
    page = browser.new_page()
    page.goto(site_server + "nguoi-dan/buoi-hoa-giai/")
    term = page.locator(".hg-term__link").first
    tip = page.locator(".hg-term__tip").first
    assert not tip.is_visible()
    for _ in range(200):  # Tab through the page until the first term has focus
        page.keyboard.press("Tab")
        if term.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("the glossary term was never reached with the Tab key")
    assert tip.is_visible()
    described = term.get_attribute("aria-describedby")
    assert described == tip.get_attribute("id")
    assert tip.inner_text().strip()
    page.keyboard.press("Escape")
    assert not tip.is_visible(), "Escape dismisses the tooltip"
    page.keyboard.press("Enter")  # the term is a real link to its glossary entry
    page.wait_for_url("**/thuat-ngu/#*")
    page.close()


def test_copy_link_button_appears_with_javascript(browser: Browser, site_server: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_server + "en/nguoi-dan/hoi-dap/")
    button = page.locator(".hg-share__copy")
    button.click()
    # The clipboard answers later (a promise): wait for the status the answer writes.
    expect(page.locator(".hg-share__status")).to_have_text(re.compile(
        r"^(Link copied\.|Could not copy; select the address in the browser bar instead\.)$"))
    context.close()
