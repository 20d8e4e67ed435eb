"""The citizens' corner, stories and glossary in headless Chromium: accessible, keyboard-usable."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from support.axe import violations

pytestmark = [pytest.mark.browser, pytest.mark.server]

# One page of every kind this feature adds, in both languages.
PAGE_KINDS = [
    "nguoi-dan/",  # citizens' landing page
    "nguoi-dan/sau-khi-hoa-giai-thanh/",  # plain-language page with a warning box and tooltips
    "nguoi-dan/hoi-dap/",  # generated FAQ
    "cau-chuyen/",  # story index
    "cau-chuyen/loi-di-chung/",  # story
    "thuat-ngu/",  # glossary
]
# Pages inside a second-level section (cau-chuyen/chu-de/, cau-chuyen/nam/): Material's
# navigation gives two <nav> landmarks the same name there (axe: landmark-unique). Known,
# not yet fixed; strict, so the test says so once the navigation is fixed.
NESTED = pytest.mark.xfail(strict=True, reason="Material nested-section nav: landmark-unique")
NESTED_KINDS = [
    "cau-chuyen/chu-de/",  # topics index
    "cau-chuyen/chu-de/hang-xom/",  # one topic
    "cau-chuyen/nam/",  # years index
    "cau-chuyen/nam/2026/",  # one year
]
ALL_PAGES = [
    *PAGE_KINDS, *(f"en/{path}" for path in PAGE_KINDS),
    *(pytest.param(path, marks=NESTED) for path in NESTED_KINDS),
    *(pytest.param(f"en/{path}", marks=NESTED) for path in NESTED_KINDS),
]


@pytest.mark.parametrize("path", ALL_PAGES)
def test_page_has_no_accessibility_violation(browser: Browser, site_server: str,
                                             path: str) -> None:
    page = browser.new_page()
    page.goto(site_server + path)
    found = violations(page)
    page.close()
    assert found == []


@pytest.mark.parametrize("path", ["nguoi-dan/cach-nho-hoa-giai/", "en/cau-chuyen/loi-di-chung/"])
def test_pages_request_nothing_from_other_hosts(browser: Browser, site_server: str,
                                                path: str) -> None:
    own = urlsplit(site_server).netloc
    page = browser.new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(site_server + path, wait_until="networkidle")
    page.close()
    assert hosts == {own}


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
    assert page.locator(".hg-share__status").inner_text() in {
        "Link copied.", "Could not copy; select the address in the browser bar instead."}
    context.close()
