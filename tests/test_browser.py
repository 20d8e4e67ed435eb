"""The built site in a real headless Chromium, served by nginx."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from hoagiai.publish.page_kinds import pages_to_check
from support.axe import violations

pytestmark = [pytest.mark.browser, pytest.mark.server]

# One page of every kind, in both languages: the list the publishing gate uses
# (scripts/hoagiai/publish/page_kinds.py), kept in that one place.
ALL_PAGES = pages_to_check()


@pytest.mark.parametrize("path", ALL_PAGES)
def test_page_requests_nothing_from_other_hosts(browser: Browser, site_server: str,
                                                path: str) -> None:
    own = urlsplit(site_server).netloc
    page = browser.new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(site_server + path, wait_until="networkidle")
    page.close()
    assert hosts == {own}


@pytest.mark.parametrize("path", ALL_PAGES)
def test_page_has_no_accessibility_violation(browser: Browser, site_server: str,
                                             path: str) -> None:
    page = browser.new_page()
    page.goto(site_server + path)
    found = violations(page)
    page.close()
    assert found == []


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
