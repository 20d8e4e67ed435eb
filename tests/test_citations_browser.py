"""Citation markers in Chromium: touch on a phone, keyboard, mouse, no JavaScript, the law's
words loading on demand (and failing to), print; and deep links to a clause of a legal page."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pypdf
import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Route, expect

from support.axe import violations

pytestmark = [pytest.mark.browser, pytest.mark.server]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PAGE = "nguoi-dan/quyen-va-nghia-vu/"
OPEN = ".hg-cite-note:popover-open"
CLAUSE = "4. Được bày tỏ ý chí và quyết định về nội dung giải quyết hòa giải."  # luat35:17.4
NAME = {"vi": "Căn cứ {n}: Điều 17, khoản 4 — Luật Hòa giải ở cơ sở",
        "en": "Source {n}: Article 17(4) — Law on Grassroots Mediation"}
PREFIX = {"vi": "", "en": "en/"}


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh phone, without the site's service worker: a file the worker fetches itself
    escapes the page's routes (the worker's keeping of these files: test_offline_app.py)."""
    context = browser.new_context(**PHONE, service_workers="block")
    yield context
    context.close()


def marker_of(page: Page, anchor: str) -> Locator:
    """The marker whose note links the unit `anchor` of the legal page."""
    note = page.locator(".hg-cite-note", has=page.locator(f'a[href$="#{anchor}"]')).first
    return page.locator(f'.hg-cite[popovertarget="{note.get_attribute("id")}"]').first


def open_notes(page: Page) -> int:
    return page.locator(OPEN).count()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_tap_shows_the_clause_inside_a_phone_screen(phone: BrowserContext, site_server: str,
                                                      lang: str) -> None:
    page = phone.new_page()
    page.goto(site_server + PREFIX[lang] + PAGE)
    marker = marker_of(page, "dieu-17-khoan-4")
    number = marker.inner_text().strip("[]")
    assert marker.get_attribute("aria-label") == NAME[lang].format(n=number)
    marker.tap()
    note = page.locator(OPEN)
    assert note.count() == 1
    expect(note.locator("blockquote[lang=vi]")).to_contain_text(CLAUSE)
    assert note.locator("a").get_attribute("href").endswith("van-ban/luat35/#dieu-17-khoan-4")
    box = note.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert violations(page) == []
    note.locator(".hg-cite-note__close").tap()
    assert open_notes(page) == 0


# Markers drawn lower than the end of the text just before them: each began a line.
LINE_STARTS = """() => [...document.querySelectorAll('.md-content .hg-cite')].filter(marker => {
    const held = marker.parentElement.classList.contains('hg-cite-at');
    const before = (held ? marker.parentElement : marker).previousSibling;
    const bracket = held && marker.previousSibling.textContent !== '\\u00a0';  // "([1])"
    if (!before || bracket) return false;  // a block's first word, or after its bracket
    const text = document.createRange();
    text.selectNodeContents(before);
    const lines = text.getClientRects();
    return lines.length > 0
        && marker.getBoundingClientRect().top > lines[lines.length - 1].bottom - 4;
}).map(marker => marker.textContent)"""


@pytest.mark.parametrize("lesson", ["hoc-tap/trinh-tu-hoa-giai/", "en/hoc-tap/y-chinh/"])
def test_no_line_starts_with_a_marker_on_a_phone(phone: BrowserContext, site_server: str,
                                                 lesson: str) -> None:
    """A marker stays beside the words it is about (legal/markers.py); these two lessons
    had 2 and 6 of their markers at the start of a line on a 390-px phone before."""
    page = phone.new_page()
    page.goto(site_server + lesson)
    assert page.locator(".md-content .hg-cite").count() > 30
    assert page.evaluate(LINE_STARTS) == []


def test_keyboard_and_mouse_open_and_close_a_note(browser: Browser, site_server: str) -> None:
    page = browser.new_page()
    page.goto(site_server + PAGE)
    marker = marker_of(page, "dieu-17-khoan-4")
    name = NAME["vi"].format(n=marker.inner_text().strip("[]"))
    assert page.get_by_role("button", name=name).count() >= 1  # what a screen reader announces
    marker.focus()
    page.keyboard.press("Enter")
    assert open_notes(page) == 1
    expect(page.locator(OPEN)).to_contain_text(CLAUSE)
    page.keyboard.press("Tab")  # into the note: its link to the law
    assert page.evaluate("document.activeElement.closest('.hg-cite-note') !== null")
    page.keyboard.press("Escape")
    assert open_notes(page) == 0
    assert page.evaluate("document.activeElement.classList.contains('hg-cite')")
    marker.click()
    assert open_notes(page) == 1 and CLAUSE in page.locator(OPEN).inner_text()
    page.mouse.click(5, 5)  # anywhere else closes it
    assert open_notes(page) == 0
    page.close()


def test_notes_open_without_javascript(browser: Browser, site_server: str) -> None:
    """Without JavaScript a note still opens, with its reference and the link to the clause
    on the legal page; the law's words are there, one tap away."""
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(site_server + PAGE)
    marker_of(page, "dieu-17-khoan-4").tap()
    note = page.locator(OPEN)
    assert open_notes(page) == 1 and "Điều 17, khoản 4" in note.inner_text()
    assert CLAUSE not in note.inner_text()  # the words load with the script
    assert note.locator(".hg-cite-note__status").is_hidden()  # no "loading" that never ends
    link = note.locator(".hg-cite-note__link a")
    assert link.get_attribute("href").endswith("van-ban/luat35/#dieu-17-khoan-4")
    # Inside the window: without JavaScript the language menu (not ours) widens this page
    # to 417 px today, and the window with it.
    box, width = page.locator(OPEN).bounding_box(), page.evaluate("innerWidth")
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    context.close()


def test_words_load_once_say_so_meanwhile_and_say_when_they_cannot(
        phone: BrowserContext, site_server: str) -> None:
    """The document's file loads on the first note that cites it (a polite "loading" status
    meanwhile), once for all its notes; when it cannot be fetched the note says so, keeps
    its link, and opening the note again tries again."""
    page = phone.new_page()
    held: list[Route] = []
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url)
            if "/trich-dan/" in request.url else None)
    page.route("**/trich-dan/*.js", lambda route: held.append(route))
    page.goto(site_server + PAGE)
    assert fetched == []  # nothing until a note opens
    marker_of(page, "dieu-17-khoan-4").tap()
    note = page.locator(OPEN)
    status = note.locator(".hg-cite-note__status")
    expect(status).to_have_text("Đang tải lời văn…")
    announced = page.locator(".hg-cite-notes [role=status]")  # one polite line for all notes
    expect(announced).to_have_text("Đang tải lời văn…")
    for _ in range(100):  # the held request reaches its handler
        if held:
            break
        page.wait_for_timeout(50)
    assert len(held) == 1 and held[0].request.url.endswith("/trich-dan/luat35.js")
    held.pop().abort()  # as offline, with nothing kept
    expect(status).to_contain_text("Chưa tải được lời văn")
    expect(announced).to_have_text(status.inner_text())
    assert note.locator("blockquote").count() == 0
    link = note.locator(".hg-cite-note__link a")
    assert link.get_attribute("href").endswith("van-ban/luat35/#dieu-17-khoan-4")
    assert violations(page) == []
    note.locator(".hg-cite-note__close").tap()

    page.unroute("**/trich-dan/*.js")
    marker_of(page, "dieu-17-khoan-4").tap()
    expect(page.locator(OPEN).locator("blockquote")).to_contain_text(CLAUSE)
    expect(page.locator(OPEN).locator(".hg-cite-note__status")).to_be_hidden()
    page.locator(OPEN).locator(".hg-cite-note__close").tap()
    marker_of(page, "dieu-17-khoan-3").tap()  # same law: no new request
    expect(page.locator(OPEN).locator("blockquote")).to_contain_text("3.")
    assert len([url for url in fetched if url.endswith("luat35.js")]) == 2  # aborted, loaded
    page.close()


def printed_text(page: Page) -> str:
    page.emulate_media(media="print")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    return " ".join(" ".join((sheet.extract_text() or "").split()) for sheet in pdf.pages)


def test_print_lists_numbered_notes_and_no_addresses(browser: Browser, site_server: str) -> None:
    page = browser.new_page()
    page.goto(site_server + PAGE)
    number = marker_of(page, "dieu-17-khoan-4").inner_text()
    text = printed_text(page)
    body, notes = text.rsplit("Căn cứ", 1)
    assert number in body and "Luật Hòa giải ở cơ sở" not in body
    assert f"{number} Điều 17, khoản 4 — Luật Hòa giải ở cơ sở (35/2013/QH13)" in notes
    assert CLAUSE not in text  # the law's words stay on screen, in the notes' popovers
    assert "http" not in text and "localhost" not in text
    page.close()


def test_print_keeps_the_address_of_links_to_other_websites(browser: Browser,
                                                            site_server: str) -> None:
    page = browser.new_page()
    page.goto(site_server + "van-ban/luat35/")
    page.emulate_media(media="print")
    assert page.locator(".hg-share").is_hidden()  # share buttons mean nothing on paper
    after = page.evaluate("""() => [...document.querySelectorAll(
        'article a[href]:not(.hg-share a)')].map(a =>
        [a.getAttribute('href'), getComputedStyle(a, '::after').content])""")
    external = [content for href, content in after if href.startswith("https://")]
    internal = [content for href, content in after if not href.startswith(("https:", "http:"))]
    assert external and all("https://" in content for content in external)
    assert internal and all(content in ("none", "normal") for content in internal)
    page.close()


@pytest.mark.parametrize(("path", "anchor", "article"), [
    ("van-ban/luat35/", "dieu-10-khoan-4", "Điều 10. Nghĩa vụ của hòa giải viên"),
    ("van-ban/luat35/", "dieu-24-khoan-2-diem-dd", "Điều 24. Hòa giải thành"),
    ("en/van-ban/luat35/", "dieu-10-khoan-4", "Article 10. "),
    ("van-ban/nd120/", "pl-iii-3", "III. TRÌNH TỰ, THỦ TỤC"),
])
def test_deep_link_shows_the_article_heading_and_highlights_the_clause(
        phone: BrowserContext, site_server: str, path: str, anchor: str, article: str) -> None:
    page = phone.new_page()
    page.goto(f"{site_server}{path}#{anchor}")
    header = page.locator(".md-header").bounding_box()
    target = page.locator(f"#{anchor}")
    heading = page.locator(f".hg-unit:has(#{anchor}) > :is(h2, h3, h4, h5)").last
    assert heading.inner_text().startswith(article)
    head, box = heading.bounding_box(), target.bounding_box()
    assert header and head and box
    assert head["y"] >= header["y"] + header["height"] - 1, "heading under the fixed header"
    assert head["y"] + head["height"] <= box["y"] < 844, "clause hidden or above its heading"
    assert page.evaluate(f"getComputedStyle(document.getElementById('{anchor}')).outlineStyle") \
        == "solid"
    assert violations(page, f".hg-unit:has(#{anchor})") == []
    page.close()
