"""The zip for USB sticks, unzipped and opened from file:// in Chromium.

The zip is the one `hoagiai publish` made for its release (support/publishing.py): the same
build and zip as `hoagiai offline`, which names the file after the time it was made
(tests/test_publish_units.py runs the command itself).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from hoagiai.publish.page_kinds import PAGE_KINDS, localized
from support.html import html_pages, tags
from support.publishing import Published

pytestmark = pytest.mark.build

TOP = "hoa-giai-thuong-phuc"
LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
                   ("source", "src"), ("iframe", "src")}
# Addresses a page may name without leaving the copy: other sites are fine as links to
# follow (vbpl.vn), never as something the page loads.
EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel")


@pytest.fixture(scope="module")
def archive(published: Published) -> Path:
    """The zip that `hoagiai publish` made for its release (support/publishing.py)."""
    assert published.archive.name == f"{TOP}-{published.release}.zip"
    return published.archive


@pytest.fixture(scope="module")
def copy(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip unpacked, as a trainer would on a village computer."""
    folder = tmp_path_factory.mktemp("usb")
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(folder)
    return folder / TOP


def offline_file(copy: Path, path: str) -> Path:
    """Where a page kind's address lives in the copy ("hoc-tap/" → hoc-tap/index.html)."""
    if path in ("", "en/"):
        return copy / path / "index.html"
    if path.endswith(".html"):
        return copy / path
    stem = path.rstrip("/")
    as_file = copy / f"{stem}.html"
    return as_file if as_file.exists() else copy / stem / "index.html"


def test_the_zip_holds_one_folder_with_both_languages(archive: Path) -> None:
    names = zipfile.ZipFile(archive).namelist()
    assert all(name.startswith(f"{TOP}/") for name in names)
    assert {f"{TOP}/index.html", f"{TOP}/en/index.html"} <= set(names)
    # Nothing serves a 404 page from a USB stick.
    assert f"{TOP}/404.html" not in names and f"{TOP}/en/404.html" not in names


def test_every_link_names_a_file_of_the_copy(copy: Path) -> None:
    broken = []
    for page in html_pages(copy):
        for tag, attrs in tags(page):
            for wanted, attribute in LINK_ATTRIBUTES:
                href = attrs.get(attribute, "") if tag == wanted else ""
                parts = urlsplit(href)
                if not href or parts.scheme in EXTERNAL_SCHEMES or href.startswith("#"):
                    continue
                if tag == "link" and "canonical" in attrs.get("rel", ""):
                    continue
                target = (page.parent / unquote(parts.path)).resolve()
                if parts.scheme or href.startswith("/") or not target.is_file():
                    broken.append(f"{page.relative_to(copy)}: {href}")
    assert broken == []


def test_no_page_loads_anything_from_another_host(copy: Path) -> None:
    offenders = [
        f"{page.relative_to(copy)}: {attrs.get('src') or attrs.get('href')}"
        for page in html_pages(copy) for tag, attrs in tags(page)
        if (tag in ("script", "img", "iframe", "source") and "://" in attrs.get("src", ""))
        or (tag == "link" and "stylesheet" in attrs.get("rel", "") and "://" in attrs["href"])
    ]
    assert offenders == []


OFFLINE_PAGES = [localized(path, lang) for lang in ("vi", "en")
                 for path in PAGE_KINDS.values() if not path.endswith("404.html")]


@pytest.fixture(scope="module")
def reader(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """One tab that opens the copy's pages one after another, as a trainer browses it, and
    the addresses it requested that are neither files nor data (a new tab per page would
    start a renderer process for each)."""
    page = browser.new_page()
    elsewhere: list[str] = []
    page.on("request", lambda request: elsewhere.append(request.url)
            if urlsplit(request.url).scheme not in ("file", "data") else None)
    yield page, elsewhere
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", OFFLINE_PAGES)
def test_every_kind_of_page_opens_from_file_without_the_network(
        reader: tuple[Page, list[str]], copy: Path, path: str) -> None:
    page, elsewhere = reader
    elsewhere.clear()
    page.goto(offline_file(copy, path).as_uri(), wait_until="load")
    page.wait_for_timeout(300)  # let Material's scripts start
    lang = page.locator("html").get_attribute("lang")
    heading = page.locator("main h1").first.inner_text()
    assert elsewhere == []
    assert lang == ("en" if path.startswith("en/") else "vi")
    assert heading.strip()


@pytest.mark.browser
def test_navigation_and_language_switcher_work_from_file(browser: Browser, copy: Path) -> None:
    page = browser.new_page()
    page.goto((copy / "index.html").as_uri())
    page.locator('nav.md-nav--primary a[href="gioi-thieu.html"]').first.dispatch_event("click")
    page.wait_for_url("**/gioi-thieu.html")
    page.locator('a.md-select__link[hreflang="en"]').first.dispatch_event("click")
    page.wait_for_url("**/en/gioi-thieu.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.close()


@pytest.mark.browser
def test_search_works_from_file(browser: Browser, copy: Path) -> None:
    page = browser.new_page()
    page.goto((copy / "en" / "index.html").as_uri(), wait_until="load")
    search = page.locator("input.md-search__input")
    search.click(timeout=5000)
    search.press_sequentially("mediation")
    page.wait_for_selector(".md-search-result__item", timeout=5000)
    page.close()


@pytest.mark.browser
def test_citation_notes_load_the_law_s_words_from_file(browser: Browser, copy: Path) -> None:
    """The words a note quotes load as a script from the copy (trich-dan/<document>.js)."""
    for prefix in ("", "en/"):
        page = browser.new_page()
        page.goto(offline_file(copy, f"{prefix}nguoi-dan/quyen-va-nghia-vu/").as_uri())
        page.locator(".hg-cite").first.click()
        quote = page.locator(".hg-cite-note:popover-open blockquote[lang=vi]")
        expect(quote).not_to_be_empty(timeout=5000)
        assert page.locator(".hg-cite-note:popover-open .hg-cite-note__status").is_hidden()
        page.close()


@pytest.mark.browser
def test_the_contest_page_draws_a_paper_from_file(browser: Browser, copy: Path) -> None:
    """The questions of the sets load as scripts from the copy
    (trac-nghiem/hoi-thi/cau-hoi/<set>.js, beside trac-nghiem/hoi-thi.html)."""
    for prefix, button in (("", "Rút đề"), ("en/", "Draw the paper")):
        page = browser.new_page()
        page.goto((copy / f"{prefix}trac-nghiem/hoi-thi.html").as_uri())
        form = page.locator(".hg-contest")
        form.locator("#hg-contest-seed").fill("HT2026")
        form.get_by_role("button", name=button).click()
        expect(page.locator(".hg-contest__q")).to_have_count(20, timeout=5000)
        page.close()


@pytest.mark.browser
def test_links_of_the_copy_lead_to_pages_and_no_worker_starts(browser: Browser,
                                                               copy: Path) -> None:
    """A reader follows the links of the home page and of a module, as a trainer's class
    would, and searches on the way: every link opens a page of the copy, nothing asks the
    network, and the offline page knows it is the USB copy (no service worker from file://)."""
    page = browser.new_page()
    elsewhere: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: elsewhere.append(request.url)
            if urlsplit(request.url).scheme not in ("file", "data") else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    opened = []
    for start in ("index.html", "hoc-tap/ky-nang-hoa-giai.html"):
        page.goto((copy / start).as_uri())
        links = page.eval_on_selector_all(
            "main a[href]:not([href^='http']):not([href^='#']):not([href^='mailto'])",
            "links => [...new Set(links.map(link => link.href.split('#')[0]))]")
        for href in links[:12]:
            page.goto(href)
            assert page.url.endswith(".html"), page.url
            assert page.locator("main h1").first.inner_text().strip(), href
            opened.append(href)
    # offline.js stops before registering a worker (Chromium refuses one from file://)
    # and hides the offline page's advice for browsers without one.
    page.goto((copy / "ngoai-tuyen.html").as_uri())
    expect(page.locator("[data-hg-offline-noworker]")).to_be_hidden()
    search = page.locator("input.md-search__input")
    search.click(timeout=5000)
    search.press_sequentially("hòa giải")
    page.wait_for_selector(".md-search-result__item", timeout=5000)
    page.close()
    assert len(opened) >= 20
    assert (elsewhere, errors) == ([], [])
