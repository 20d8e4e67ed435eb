"""assets/js/theme.js, the site's small replacement for Material's script bundle, in Chromium.

Each behaviour the pages need from a script is checked where it matters most: the
longest law (a long table of contents), on a wide screen and on a phone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.server]

LONG_PAGE = "van-ban/luat58/"
WIDE = {"width": 1400, "height": 800}
PHONE = {"width": 390, "height": 760}


@pytest.fixture
def wide_page(browser: Browser, site_server: str) -> Iterator[Page]:
    page = browser.new_page(viewport=WIDE)
    page.goto(site_server + LONG_PAGE)
    yield page
    page.close()


def scroll_to(page: Page, y: int) -> None:
    page.evaluate("y => window.scrollTo(0, y)", y)
    page.wait_for_timeout(150)  # a frame for the scroll handler


def test_no_page_loads_or_carries_materials_bundle(built_site: Path, browser: Browser,
                                                    site_server: str) -> None:
    assert not (built_site / "assets" / "javascripts").exists()
    requested: list[str] = []
    page = browser.new_page()
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_server + LONG_PAGE)
    assert page.evaluate("document.documentElement.className") == "js"
    assert page.locator("#__config").count() == 0
    scripts = [url.removeprefix(site_server) for url in requested if url.endswith(".js")]
    assert "assets/js/theme.js" in scripts
    assert not [url for url in scripts if "javascripts/" in url]
    page.close()


def test_contents_mark_the_section_being_read(wide_page: Page) -> None:
    links = wide_page.locator("[data-md-component=toc] a[href^='#']")
    assert links.count() > 40, "a long table of contents, taller than the window"
    chosen = links.count() - 5
    anchor = links.nth(chosen).get_attribute("href")
    wide_page.evaluate("id => document.getElementById(id).scrollIntoView()", anchor[1:])
    wide_page.wait_for_timeout(150)
    active = wide_page.locator("[data-md-component=toc] a.md-nav__link--active")
    assert active.count() == 1
    assert active.get_attribute("href") == anchor
    assert active.is_visible(), "the sidebar scrolls to keep the marked section in view"
    passed = wide_page.locator("[data-md-component=toc] a.md-nav__link--passed")
    assert passed.count() == chosen, "the sections above are marked as read"


def test_header_shows_the_page_title_after_its_heading(wide_page: Page) -> None:
    title = wide_page.locator("[data-md-component=header-title]")
    assert "md-header__title--active" not in title.get_attribute("class")
    scroll_to(wide_page, 1500)
    assert "md-header__title--active" in title.get_attribute("class")
    assert "md-header--shadow" in wide_page.locator(".md-header").get_attribute("class")


def test_back_to_top_shows_when_scrolling_up_and_goes_to_the_top(wide_page: Page) -> None:
    button = wide_page.locator("[data-md-component=top]")
    shown = "button => !button.hidden"  # Material fades a hidden button out (opacity 0)
    scroll_to(wide_page, 3000)
    assert not button.evaluate(shown), "scrolling down: the button stays out of the way"
    scroll_to(wide_page, 2500)
    assert button.evaluate(shown)
    button.click()
    wide_page.wait_for_function("window.scrollY === 0")
    wide_page.wait_for_timeout(150)
    assert not button.evaluate(shown)


def test_sidebar_stays_in_view_and_scrolls_on_its_own(wide_page: Page) -> None:
    sidebar = wide_page.locator(".md-sidebar--primary")
    scroll_to(wide_page, 6000)
    box = sidebar.bounding_box()
    assert box is not None and box["y"] >= 0, "the sidebar is still on screen"
    assert box["height"] <= WIDE["height"]
    scrollwrap = wide_page.locator(".md-sidebar--primary .md-sidebar__scrollwrap")
    assert scrollwrap.evaluate("box => box.scrollHeight > box.clientHeight")


def test_following_a_link_or_escape_closes_the_drawer(browser: Browser, site_server: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_server + LONG_PAGE)
    drawer = page.locator("#__drawer")
    page.locator("label[for=__drawer].md-header__button").click()
    assert drawer.is_checked()
    page.keyboard.press("Escape")
    assert not drawer.is_checked()
    page.locator("label[for=__drawer].md-header__button").click()
    page.locator(".md-sidebar--primary label.md-nav__link[for=__toc]").click()
    page.locator("[data-md-component=toc] a[href='#dieu-3']").click()
    assert not drawer.is_checked(), "the page, not the drawer, shows the chosen article"
    assert page.evaluate("location.hash") == "#dieu-3"
    page.close()


def test_a_block_that_scrolls_sideways_is_reachable_by_keyboard(browser: Browser,
                                                                site_server: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(site_server + "trac-nghiem/tap-huan/")
    code = page.locator(".md-typeset pre > code").first
    assert code.evaluate("box => box.scrollWidth > box.clientWidth")
    assert code.get_attribute("tabindex") == "0"
    page.close()
