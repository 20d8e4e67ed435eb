"""A cheap Android phone in Chromium: 390 × 844, touch, mobile user agent.

Material's search overlay widens the page only in this emulation (`is_mobile`), never in
a narrow desktop window, so phone tests always use this context.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page

VIEWPORT = {"width": 390, "height": 844}
ANDROID_UA = ("Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 "
              "(KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36")


def phone_context(browser: Browser, **options: Any) -> BrowserContext:
    """A fresh phone context (its own storage); `options` as Browser.new_context takes them."""
    return browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True,
                               device_scale_factor=2, user_agent=ANDROID_UA, **options)


def page_width(page: Page) -> int:
    """How wide the page has become: what a reader can scroll sideways to."""
    return page.evaluate("document.scrollingElement.scrollWidth")


SEARCH_BUTTON = ".md-header__button[for=__search]"
RESULTS = "#hg-search-results:not([aria-busy]) > li"


def start_search(page: Page, query: str) -> bool:
    """Tap the header's magnifier and type `query`; False on a page without search."""
    if not page.locator(SEARCH_BUTTON).count():
        return False
    page.tap(SEARCH_BUTTON)
    page.fill("input[name=q]", query)
    return True


def settle(page: Page) -> None:
    """Wait until every running CSS transition and finite animation has finished (Material's search
    overlay slides in: mid-slide, results sit a few pixels to the right)."""
    page.evaluate("""Promise.all(document.getAnimations()
        .filter(animation => animation.effect.getComputedTiming().endTime !== Infinity)
        .map(animation => animation.finished))""")


def open_search(page: Page, query: str) -> None:
    """Tap the header's magnifier, type `query` and wait for its results, settled."""
    assert start_search(page, query), "the page has a search box"
    page.wait_for_selector(RESULTS, state="attached")
    settle(page)
