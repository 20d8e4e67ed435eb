"""Search on the real site, served by nginx, in headless Chromium: typed as people type."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page

from hoagiai.search.words import fold
from support.axe import violations
from support.search import BOX, RESULTS, search
from support.search_queries import QUERIES, QUESTIONS, SAME_RESULTS, Query

pytestmark = [pytest.mark.browser, pytest.mark.server]

TABLE = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "search" / "words.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[Page]:
    """One tab for the tests of this file: each first goes to its own start page, so only
    what the browser keeps for the site (its cache and storage) carries over; a new tab per
    query would start a renderer process for each. A test that counts what a first visit
    fetches opens its own."""
    opened = browser.new_page()
    yield opened
    opened.close()


@pytest.mark.parametrize("case", QUERIES, ids=lambda case: f"{case.start or 'vi/'}{case.query}")
def test_query_finds_the_right_pages(page: Page, site_server: str, case: Query) -> None:
    page.goto(site_server + case.start)
    outcome = search(page, case.query, site_server)
    if case.first:
        assert outcome.pages[0] in case.first, outcome
    assert set(case.also) <= set(outcome.pages), outcome
    # One language at a time: English pages only under /en/, Vietnamese pages only elsewhere.
    assert all(found.startswith("en/") == (case.start == "en/") for found in outcome.pages)


@pytest.mark.parametrize("start", ["", "en/"], ids=["vi", "en"])
def test_a_whole_question_shows_its_answer_among_the_first_three(page: Page, site_server: str,
                                                                  start: str) -> None:
    page.goto(site_server + start)
    unanswered = {}
    for case in (case for case in QUESTIONS if case.start == start):
        first = search(page, case.query, site_server).pages[:3]
        if not set(first) & set(case.answers):
            unanswered[case.query] = first
    assert not unanswered


def test_the_words_that_ask_are_neither_marked_nor_missing(page: Page, site_server: str) -> None:
    """"what are my rights": the rights page says "your rights"; its result marks "rights"
    alone and does not say "my" is missing. A query of such words alone still finds them."""
    page.goto(site_server + "en/")
    outcome = search(page, "what are my rights", site_server)
    first = outcome.found[0]
    assert first.page == "en/nguoi-dan/quyen-va-nghia-vu/", outcome
    assert first.marks and {fold(mark) for mark in first.marks} == {"rights"}, first
    assert page.locator(f"{RESULTS} > li").first.locator("del").count() == 0
    assert {fold(mark) for mark in search(page, "what", site_server).found[0].marks} == {"what"}


def test_function_words_are_listed_as_folds(page: Page, site_server: str) -> None:
    """The engine compares a query word's fold with the list: a word listed with its marks
    ("có") would never be read as a function word."""
    page.goto(site_server)
    page.add_script_tag(url=site_server + "assets/js/search-engine.js")
    lists = page.evaluate("""() => Object.fromEntries(Object.entries(
      window.hoagiaiSearchEngine.functionWords).map(([lang, set]) => [lang, [...set]]))""")
    assert set(lists) == {"vi", "en"}
    for words in lists.values():
        assert words and all(word == fold(word) and word.isalpha() for word in words), words


def test_an_english_word_is_also_read_without_its_ending(page: Page, site_server: str) -> None:
    """"chooses" also finds "choose", "duties" "duty"; words that end in s without being
    plurals keep it ("process", "status", "this"); a Vietnamese word is read as typed."""
    page.goto(site_server)
    page.add_script_tag(url=site_server + "assets/js/search-engine.js")
    roots = page.evaluate("""([english, vietnamese]) => {
      const parse = window.hoagiaiSearchEngine.parse;
      return [parse(english, true), parse(vietnamese, false)].map(
        terms => terms.map(term => term.root));
    }""", ["Chooses duties processes watches mediators process status this has",
           "chọn tổ trưởng"])
    assert roots == [
        ["choose", "duty", "process", "watch", "mediator", "process", "status", "this", "has"],
        ["chon", "to", "truong"],
    ]


@pytest.mark.parametrize("start", ["", "en/"], ids=["vi", "en"])
def test_a_search_that_finds_nothing_says_where_else_to_look(page: Page, site_server: str,
                                                             start: str) -> None:
    """A dead end for a citizen otherwise: the line offers fewer words, the FAQ and the
    contacts of the page's language, and goes once something is found."""
    page.goto(site_server + start + "hoc-tap/")
    help_line = page.locator(".hg-search-help")
    assert search(page, "qqzzxx", site_server).pages == []
    assert help_line.is_visible()
    links = help_line.locator("a").evaluate_all("links => links.map(link => link.href)")
    assert links == [site_server + start + "nguoi-dan/hoi-dap/", site_server + start + "lien-he/"]
    assert search(page, "hoa giai" if start == "" else "mediation", site_server).pages
    assert help_line.is_hidden()
    search(page, "qqzzxx", site_server)
    help_line.locator("a").first.click()
    page.wait_for_url(site_server + start + "nguoi-dan/hoi-dap/")


@pytest.mark.parametrize(("start", "accented", "variants"), SAME_RESULTS,
                         ids=lambda value: value if isinstance(value, str) else "")
def test_every_way_of_typing_finds_the_same_pages(page: Page, site_server: str, start: str,
                                                  accented: str, variants: tuple[str, ...]) -> None:
    """The same pages are found (the same count); a variant that keeps the accents (case,
    NFD, old tone placement) also lists them in the same order. Without accents every
    match is exact, so the order among the pages may differ, not the pages found."""
    page.goto(site_server + start)
    expected = search(page, accented, site_server)
    assert expected.pages
    for variant in variants:
        found = search(page, variant, site_server)
        assert found.status == expected.status, variant
        if fold(variant) != unicodedata.normalize("NFC", variant).lower():
            assert found.pages == expected.pages, variant


def test_the_table_has_every_kind_of_typing() -> None:
    queries = [case.query for case in QUERIES]
    assert len(queries) >= 20
    assert any(not unicodedata.is_normalized("NFC", query) for query in queries)  # NFD
    assert {"hoà giải viên", "số hoá"} <= set(queries)  # old tone placement
    assert any(query.isupper() for query in queries)
    assert "doi thoai tai toa" in queries  # d for đ, and no accents at all
    assert any(case.start == "en/" for case in QUERIES)


@pytest.mark.parametrize(("start", "query", "found"), [
    # (English pages of the legal library quote the Vietnamese article titles, so a
    # Vietnamese word found there would be right: this one is on Vietnamese pages only.)
    ("", "xóm", "cau-chuyen/chu-de/hang-xom/"),
    ("en/", "xóm", None),
    ("", "privacy", None),
    ("en/", "privacy", "en/gioi-thieu/"),
])
def test_each_language_searches_only_its_own_pages(page: Page, site_server: str, start: str,
                                                   query: str, found: str | None) -> None:
    page.goto(site_server + start)
    outcome = search(page, query, site_server)
    if found is None:
        assert outcome.pages == []
        assert outcome.status == {"": "Không tìm thấy trang nào.", "en/": "No page found."}[start]
    else:
        assert found in outcome.pages
        assert all(page.startswith("en/") == (start == "en/") for page in outcome.pages)


def test_marked_words_keep_their_accents(page: Page, site_server: str) -> None:
    page.goto(site_server)
    outcome = search(page, "hoa giai", site_server)
    marks = {mark for found in outcome.found for mark in found.marks}
    assert {"Hòa", "hòa", "giải"} <= marks
    # Legal texts keep their own spelling ("hoà"): marked as written, never re-accented.
    assert {mark.lower() for mark in marks} <= {"hòa", "hoà", "giải"}
    first = outcome.found[0]
    assert "Hòa giải" in first.text or "hòa giải" in first.text


def test_a_section_result_links_to_its_heading(page: Page, site_server: str) -> None:
    page.goto(site_server + "gioi-thieu/")
    outcome = search(page, "quyen rieng tu", site_server)
    assert (outcome.found[0].page, outcome.found[0].anchor) == ("gioi-thieu/", "quyen-rieng-tu")
    assert outcome.found[0].text.startswith("Giới thiệu › Quyền riêng tư")
    page.click(f"{RESULTS} a")
    page.wait_for_url(site_server + "gioi-thieu/#quyen-rieng-tu")


SEARCH_FILES = ("assets/js/search-engine.js", "assets/css/search.css", "search/vi.js")


def test_search_loads_only_when_someone_starts_searching(browser: Browser,
                                                         site_server: str) -> None:
    page = browser.new_page()  # a first visit: nothing in the cache yet
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_server + "hoc-tap/", wait_until="networkidle")
    assert site_server + "assets/js/search.js" in requested
    assert not [url for url in requested if url.endswith(SEARCH_FILES)]
    search(page, "hoa giai", site_server)
    assert {site_server + name for name in SEARCH_FILES} <= set(requested)
    assert site_server + "search/en.js" not in requested
    page.close()
    assert {urlsplit(url).netloc for url in requested} == {urlsplit(site_server).netloc}


def test_keyboard_alone_finds_and_opens_a_page(page: Page, site_server: str) -> None:
    page.goto(site_server + "gioi-thieu/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.type("ky nang")
    page.wait_for_selector(f"{RESULTS}:not([aria-busy]) li")
    assert page.is_checked("#__search")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('li') !== null")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    page.focus(BOX)
    page.keyboard.press("Enter")  # opens the best result: the module, at its best section
    page.wait_for_url(re.compile(re.escape(site_server + "hoc-tap/ky-nang-hoa-giai/") + "(#.*)?$"))


def test_a_result_described_under_the_keyboard_keeps_the_focus(page: Page,
                                                               site_server: str) -> None:
    # A result further down is described once it comes into view, which moving the focus to
    # its link does: the described result takes its place, and the reader stays on the link.
    page.goto(site_server)
    page.keyboard.press("/")
    page.keyboard.type("hoa giai")
    page.wait_for_selector(f"{RESULTS}:not([aria-busy]) li")
    last = page.locator(f"{RESULTS} > li:last-child")
    href = last.locator("a").first.evaluate("link => link.href")
    assert last.locator(".hg-search-result__snippet").count() == 0
    last.locator("a").first.focus()
    last.locator(".hg-search-result__snippet").wait_for(state="attached")
    assert page.evaluate("""() => document.activeElement.href
        && document.activeElement.closest('li') === document.querySelector(
             '#hg-search-results > li:last-child')""")
    # The same page's link, now to its best section.
    assert page.evaluate("document.activeElement.href").startswith(href)
    page.keyboard.press("ArrowUp")  # the arrows still walk the results
    assert page.evaluate("document.activeElement.closest('#hg-search-results > li') !== null")


def test_a_link_can_carry_a_search(page: Page, site_server: str) -> None:
    page.goto(site_server + "en/?q=mediation%20skills")
    page.wait_for_selector(f"{RESULTS}:not([aria-busy]) li")
    assert page.is_checked("#__search")
    assert page.input_value(BOX) == "mediation skills"


@pytest.mark.parametrize("viewport", [(1280, 800), (390, 780)], ids=["desktop", "phone"])
@pytest.mark.parametrize(("start", "query"), [("", "hoa giai"), ("en/", "mediation"),
                                            ("", "qqzzxx")])  # nothing found: the help line
def test_open_search_with_results_has_no_accessibility_violation(
        browser: Browser, site_server: str, viewport: tuple[int, int], start: str,
        query: str) -> None:
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    phone = viewport[0] < 600
    page.goto(site_server + start)
    if phone:
        page.click(".md-header__button[for=__search]")
    search(page, query, site_server)
    page.wait_for_timeout(500)  # the overlay's opening transition
    # On a phone the open search covers the page: check what the reader sees, the dialog.
    found = violations(page, within=".md-search" if phone else None)
    page.close()
    assert found == []


def test_browser_reads_words_exactly_like_the_build(page: Page, site_server: str) -> None:
    """The same table as tests/test_search_words.py, through search-engine.js."""
    page.goto(site_server)
    page.add_script_tag(url=site_server + "assets/js/search-engine.js")
    results = page.evaluate("""table => {
      const engine = window.hoagiaiSearchEngine;
      return {
        words: table.words.map(c => ({
          word: c.word, fold: engine.fold(c.word), tone: engine.toneKey(c.word),
          marked: engine.hasMarks(c.word)})),
        texts: table.texts.map(c => ({text: c.text, words: engine.words(c.text)})),
      };
    }""", TABLE)
    assert results == {
        "words": [{key: case[key] for key in ("word", "fold", "tone", "marked")}
                  for case in TABLE["words"]],
        "texts": TABLE["texts"],
    }
