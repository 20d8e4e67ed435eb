"""The built site in a real headless Chromium, served by nginx.

Every kind of page is checked for accessibility, other hosts and console errors by
the publishing gate that tests/test_publish.py runs."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

pytestmark = [pytest.mark.browser, pytest.mark.server]

@pytest.mark.parametrize(("start", "other", "lang"), [
    ("gioi-thieu/", "en/gioi-thieu/", "en"),
    ("en/hoc-tap/", "hoc-tap/", "vi"),
])
def test_language_switcher_opens_the_twin_page(browser: Browser, site_server: str, start: str,
                                               other: str, lang: str) -> None:
    page = browser.new_page()
    page.goto(site_server + start)
    page.locator(f'a.md-select__link[hreflang="{lang}"]').first.dispatch_event("click")
    page.wait_for_url(site_server + other)
    assert page.locator("html").get_attribute("lang") == lang
    page.close()
