"""Contacts, posters and social cards on the real built site, and in Chromium.

From any page a citizen reaches a phone number in two taps: the footer of every
page links to the contacts page of its language, whose numbers are tel: links.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest
import vobject
from bs4 import BeautifulSoup
from playwright.sync_api import Browser
from pypdf import PdfReader

from conftest import Build
from hoagiai.publish.browser import check_pages
from support.axe import violations
from support.html import resolve, site_pages, url_of
from support.search import search

SITE_URL = "http://localhost:8000/"
LANGS = {"vi": "", "en": "en/"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def prefix_of(site: Path, page: Path) -> str:
    return "en/" if url_of(site, page).startswith("en/") else ""


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_the_contacts_page_has_tel_links_vcards_and_posters(built_site: Path, lang: str) -> None:
    page = built_site / LANGS[lang] / "lien-he" / "index.html"
    html = soup(page)
    assert html.html["lang"] == lang
    tels = [a["href"] for a in html.select("article a[href^='tel:']")]
    assert {"tel:113", "tel:111"} <= set(tels)
    assert not [href for href in tels if not re.fullmatch(r"tel:\d+", href)]
    cards = [a["href"] for a in html.select("article a[href$='.vcf']")]
    assert len(cards) == 8, "one vCard for each office and helpline"
    for href in cards:
        card = vobject.readOne(resolve(built_site, page, href).read_text(encoding="utf-8"))
        if "tel" in card.contents:
            assert f"tel:{card.tel.value}" in tels
        assert card.url.value.startswith(f"{SITE_URL}{LANGS[lang]}lien-he/#")
    posters = [a["href"] for a in html.select("article a[href$='.pdf']")]
    assert posters == ["../tai-lieu-in/ap-phich-xa.pdf"]
    assert len(PdfReader(resolve(built_site, page, posters[0])).pages) == 1
    text = html.select_one("article").get_text(" ")
    empty = {"vi": "Xã chưa cập nhật danh sách", "en": "has not yet published"}[lang]
    assert empty in text


@pytest.mark.build
def test_every_footer_links_to_the_contacts_page_of_its_language(built_site: Path) -> None:
    pages = list(site_pages(built_site))
    assert len(pages) > 100
    for page in pages:
        footer = soup(page).select_one("footer .hg-footer-contacts")
        assert footer is not None, page
        links = footer.select("a")
        target = f"{prefix_of(built_site, page)}lien-he/index.html"
        if page.name == "404.html":
            assert links[0]["href"].endswith(f"/{target.removesuffix('index.html')}"), page
            continue
        assert resolve(built_site, page, links[0]["href"]) == built_site / target, page
        assert links[1]["href"] == "tel:113", page


@pytest.mark.build
def test_home_and_citizens_pages_open_with_whom_to_call(built_site: Path) -> None:
    pages = [built_site / "index.html", built_site / "en" / "index.html",
             *sorted((built_site / "nguoi-dan").rglob("index.html")),
             *sorted((built_site / "en" / "nguoi-dan").rglob("index.html"))]
    assert len(pages) >= 18
    for page in pages:
        article = soup(page).select_one("article")
        # The first paragraph, leaving out the returning learner's "continue" card (hidden
        # until the device has something to continue) that the home page opens with.
        first = article.find(lambda tag: tag.name == "p"
                             and not tag.find_parent("aside", class_="hg-continue"))
        assert "hg-contact-bar" in first.get("class", []), page
        contacts, call = first.select("a")
        assert resolve(built_site, page, contacts["href"]) == \
            built_site / prefix_of(built_site, page) / "lien-he" / "index.html"
        assert call["href"] == "tel:113" and call.get_text() == "113"


@pytest.mark.build
@pytest.mark.parametrize(("path", "says"), [
    ("nguoi-dan/", "báo ngay Công an xã"),
    ("en/nguoi-dan/", "alert the commune police"),
    ("nguoi-dan/noi-khac-giup-do/", "báo ngay Công an xã"),
    ("en/nguoi-dan/noi-khac-giup-do/", "alert the commune police"),
    ("nguoi-dan/hoi-dap/", "hãy báo ngay Công an xã"),
    ("en/nguoi-dan/hoi-dap/", "alert the commune police"),
    ("hoc-tap/ky-nang-hoa-giai/", "an toàn của người bị bạo lực"),
    ("en/hoc-tap/ky-nang-hoa-giai/", "safety of the person at risk"),
])
def test_where_a_page_says_report_violence_113_is_a_tel_link(built_site: Path, path: str,
                                                              says: str) -> None:
    article = soup(built_site / path / "index.html").select_one("article")
    blocks = [block for block in article.select("p, li")
              if says in block.get_text() and "hg-contact-bar" not in block.get("class", [])]
    assert blocks, f"{path} no longer says “{says}”"
    for block in blocks:
        assert block.select("a[href='tel:113']"), (path, block.get_text())


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_printables_list_the_posters(built_site: Path, lang: str) -> None:
    page = built_site / LANGS[lang] / "tai-lieu-in" / "index.html"
    links = [a["href"] for a in soup(page).select("#ap-phich ~ ul a[href$='.pdf']")]
    assert links == ["ap-phich-xa.pdf"]
    reader = PdfReader(resolve(built_site, page, links[0]))
    assert len(reader.pages) == 1
    assert {"vi": "Nhờ hòa giải", "en": "Ask for mediation"}[lang] in reader.pages[0].extract_text()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.build
def test_every_page_has_its_own_card_of_1200_by_630(build: Build) -> None:
    site = build.site
    seen: dict[str, Path] = {}
    for page in site_pages(site):
        if page.name == "404.html":
            continue
        meta = {tag.get("property") or tag.get("name"): tag.get("content")
                for tag in soup(page).select("meta")}
        image = meta["og:image"]
        assert image not in seen, f"{page} and {seen.get(image)} share a card"
        seen[image] = page
        assert image.startswith(f"{SITE_URL}assets/cards/"), image
        assert png_size((site / image.removeprefix(SITE_URL)).read_bytes()) == (1200, 630)
        assert meta["og:image:alt"].startswith(meta["og:title"].split(" - ")[0][:20])
    assert len(seen) > 100
    assert re.search(r"Cards \(vi\): \d+ drawn, \d+ reused from cache", build.log)


@pytest.mark.build
def test_stories_and_modules_offer_a_ready_to_post_kit(built_site: Path) -> None:
    for path in ("cau-chuyen/loi-di-chung/", "en/hoc-tap/ky-nang-hoa-giai/"):
        page = built_site / path / "index.html"
        html = soup(page)
        kit = html.select_one("details.hg-post-kit")
        image = resolve(built_site, page, kit.select_one("a[download]")["href"])
        assert png_size(image.read_bytes()) == (1200, 630)
        text = kit.select_one("textarea").get_text()
        description = html.select_one("meta[name=description]")["content"]
        assert " ".join(description.split()) in text
        assert text.rstrip().endswith(SITE_URL + path)
    assert soup(built_site / "gioi-thieu" / "index.html").select_one("details.hg-post-kit") is None


@pytest.mark.browser
@pytest.mark.server
def test_search_finds_the_contacts_page(browser: Browser, site_server: str) -> None:
    page = browser.new_page()
    try:
        page.goto(site_server)
        for query in ("113", "số điện thoại", "liên hệ", "công an xã", "so dien thoai"):
            assert "lien-he/" in search(page, query, site_server).pages[:5], query
        page.goto(site_server + "en/")
        for query in ("113", "phone number", "contacts"):
            assert "en/lien-he/" in search(page, query, site_server).pages[:5], query
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.server
def test_new_pages_and_the_open_kit_pass_axe_on_a_phone(browser: Browser,
                                                        site_server: str) -> None:
    found = check_pages(browser, [site_server + "lien-he/", site_server + "en/lien-he/"])
    assert found == {site_server + "lien-he/": [], site_server + "en/lien-he/": []}
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    try:
        page = context.new_page()
        page.goto(site_server + "cau-chuyen/loi-di-chung/")
        page.locator("details.hg-post-kit summary").click()
        assert page.locator("details.hg-post-kit textarea").is_visible()
        assert violations(page) == []
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, "the kit does not widen the page on a phone"
        page.goto(site_server + "lien-he/")
        assert violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
