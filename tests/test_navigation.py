"""Navigation that stays usable and light at thousands of pages.

Checked on the real site and on a synthetic one whose long sections (more than
the 15 entries the sidebar shows around a page) exercise the window: every page
is reachable from its section's navigation, every page inside a section has
breadcrumbs to the home page and to its section, and no page carries the tree.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, SoupStrainer
from playwright.sync_api import Browser, Locator

from hoagiai.mkdocs_adapter.navwindow import DEFAULT_LIMIT
from support.axe import violations
from support.html import html_pages, resolve, url_of
from support.project import ROOT

pytestmark = pytest.mark.build
LANGUAGE_ROOTS = ("", "en/")


@pytest.fixture(params=["real", "synthetic"])
def site(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue("built_site" if request.param == "real" else "synthetic_site")


@functools.cache
def soup(page: Path) -> BeautifulSoup:
    """The page's navigation elements (sidebar, breadcrumbs), parsed once per run: every test
    here walks every page of two sites, and only their `nav` elements matter."""
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser",
                         parse_only=SoupStrainer("nav"))


def nav_targets(site: Path, page: Path) -> list[str]:
    """URLs the primary navigation of `page` links to (not its own table of contents)."""
    nav = soup(page).select_one("nav.md-nav--primary")
    targets = []
    for link in nav.select("a.md-nav__link[href]"):
        if link["href"].startswith("#"):
            continue
        target = resolve(site, page, link["href"])
        if target is not None:
            targets.append(url_of(site, target))
    return targets


def sections(site: Path) -> dict[str, set[str]]:
    """Each section's URL (per language) and the URLs of the pages inside it, index included."""
    found = {}
    for root in LANGUAGE_ROOTS:
        for folder in sorted((site / root).iterdir()):
            pages = {url_of(site, p) for p in html_pages(folder) if p.name == "index.html"}
            # A folder of pages, or a section of docs/ with only its index page so far.
            if len(pages) > 1 or (ROOT / "docs" / folder.name / "index.md").is_file():
                found[f"{root}{folder.name}/"] = pages
    found.pop("en/", None)
    return found


def section_of(url: str, known: dict[str, set[str]]) -> str:
    """The section a page belongs to ("" for pages outside sections: home, about)."""
    return next((section for section, pages in known.items() if url in pages), "")


def test_every_page_is_reachable_from_its_sections_navigation(site: Path) -> None:
    for section, pages in sections(site).items():
        reached, pending = {section}, [section]
        while pending:
            url = pending.pop()
            for target in nav_targets(site, site / url / "index.html"):
                if target in pages and target not in reached:
                    reached.add(target)
                    pending.append(target)
        assert reached == pages, f"{section}: not reachable: {sorted(pages - reached)[:5]}"


def test_pages_in_sections_have_breadcrumbs_to_home_and_section(site: Path) -> None:
    known = sections(site)
    for page in html_pages(site):
        url = url_of(site, page)
        section = section_of(url, known)
        if not section or page.name != "index.html":
            continue
        path = soup(page).select_one("nav.md-path")
        assert path is not None, f"{url}: no breadcrumbs"
        crumbs = {url_of(site, resolve(site, page, a["href"])) for a in path.select("a[href]")}
        home = "en/" if url.startswith("en/") else ""
        assert {home, section} <= crumbs, f"{url}: breadcrumbs {crumbs}"


def test_no_page_carries_the_whole_tree(site: Path) -> None:
    known = sections(site)
    top_level = len(nav_targets(site, site / "gioi-thieu" / "index.html"))
    for page in html_pages(site):
        if page.name != "index.html":
            continue
        url = url_of(site, page)
        targets = nav_targets(site, page)
        own = section_of(url, known)
        foreign = [t for t in targets if t not in known and section_of(t, known) not in ("", own)]
        assert foreign == [], f"{url} links into other sections: {foreign[:3]}"
        # Each open section (nested ones too) shows at most its window and two "more" lines.
        open_sections = len(soup(page).select("nav.md-nav--primary nav[data-md-level]"))
        assert len(targets) <= top_level + (DEFAULT_LIMIT + 2) * open_sections, url


def synthetic_stories(site: Path, root: str) -> list[Path]:
    """The synthetic stories in navigation order (their slugs end with their number, and
    they come in that order, before the real stories)."""
    pages = [p.parent for p in (site / root / "cau-chuyen").glob("*/index.html")
             if p.parent.name.rpartition("-")[2].isdigit()]
    return sorted(pages, key=lambda p: int(p.name.rpartition("-")[2]))


def _middle_story(site: Path, root: str) -> str:
    stories = synthetic_stories(site, root)
    return url_of(site, stories[len(stories) // 2] / "index.html")


def test_long_sections_show_a_window_that_leads_to_the_index(synthetic_site: Path) -> None:
    stories = synthetic_stories(synthetic_site, "")
    assert len(stories) > DEFAULT_LIMIT + 4, "the synthetic site should need a window"
    middle = synthetic_site / _middle_story(synthetic_site, "") / "index.html"
    nav = soup(middle).select_one("nav.md-nav--primary")
    more = nav.select("li.hg-nav__more a")
    assert [a["href"] for a in more] == ["../", "../"]
    assert "trang khác trong mục này" in more[0].get_text()
    listed = [t for t in nav_targets(synthetic_site, middle)
              if t.startswith("cau-chuyen/") and t != "cau-chuyen/"]
    assert len(listed) == DEFAULT_LIMIT
    assert url_of(synthetic_site, middle) in listed


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize("root", LANGUAGE_ROOTS)
def test_windowed_navigation_has_no_accessibility_violation(
        browser: Browser, synthetic_site: Path, synthetic_server: str, root: str) -> None:
    page = browser.new_page()
    page.goto(synthetic_server + _middle_story(synthetic_site, root))
    found = violations(page)
    page.close()
    assert found == []


@pytest.mark.browser
@pytest.mark.server
def test_phone_drawer_opens_on_the_current_section(browser: Browser, synthetic_site: Path,
                                                   synthetic_server: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.goto(synthetic_server + _middle_story(synthetic_site, ""))
    current = page.locator("nav.md-nav--primary .md-nav__link--active:visible").first
    more = page.locator("nav.md-nav--primary li.hg-nav__more a").first
    assert not _on_screen(current), "the drawer starts closed"
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_function("() => document.querySelector('#__drawer').checked")
    page.wait_for_timeout(500)  # the drawer slides in
    assert _on_screen(current) and _on_screen(more)
    page.close()


def _on_screen(locator: Locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
