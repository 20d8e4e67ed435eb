"""A citizen's and a mediator's journeys on a cheap Android phone, on the built site (nginx).

Chromium's phone emulation (390 × 844, `is_mobile`, `has_touch`, Android user agent,
tests/support/phone.py): a narrow desktop window does not show what goes wrong on a phone
(Material's search overlay widened the page to about 1,240 px only here).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect
from playwright.sync_api import Error as PlaywrightError

from hoagiai.publish.page_kinds import PAGE_KINDS, localized
from hoagiai.site import LANGUAGES
from support.axe import violations
from support.phone import (
    RESULTS,
    SEARCH_BUTTON,
    VIEWPORT,
    page_width,
    phone_context,
    settle,
    start_search,
)

pytestmark = [pytest.mark.browser, pytest.mark.server]

WIDTH = VIEWPORT["width"]
# Where a mediator looks things up, in each language.
QUERIES = {"vi": ("hoa giai", "Điều 12", "hoà giải viên"),
           "en": ("mediator", "Article 12", "hòa giải")}
LESSON = "hoc-tap/ky-nang-hoa-giai/"
QUIZ = "trac-nghiem/trinh-tu-hoa-giai/"
CITIZENS = "nguoi-dan/"
FAQ = "nguoi-dan/hoi-dap/"
CONTACTS = "lien-he/"


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = phone_context(browser)
    yield context
    context.close()


@pytest.fixture
def tab(phone: BrowserContext) -> Iterator[Page]:
    page = phone.new_page()
    yield page
    page.close()


def tap(page: Page, selector: str) -> None:
    """A finger's tap on the first visible link matching `selector`; waits for its page."""
    with page.expect_navigation():
        page.locator(selector).locator("visible=true").first.tap()


def in_viewport(page: Page, selector: str) -> bool:
    """The element is on screen, whole (left to right) and vertically in view."""
    box = page.locator(selector).first.bounding_box()
    return (box is not None and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH
            and 0 <= box["y"] < VIEWPORT["height"])


# ---------------------------------------------------------------- every kind of page

def test_search_opened_on_every_page_kind_keeps_the_page_phone_wide(
        phone: BrowserContext, site_server: str) -> None:
    """One page of each kind, both languages: the page never grows wider than the phone,
    before or after search results show. One context and one tab for all of them (tabs
    side by side are slower here: a background tab's timers are throttled)."""
    page = phone.new_page()
    too_wide = []
    for lang in LANGUAGES:
        for kind, path in PAGE_KINDS.items():
            page.goto(site_server + localized(path, lang), wait_until="domcontentloaded")
            widths = [page_width(page)]
            try:
                if start_search(page, QUERIES[lang][0]):  # sheets have no search
                    page.wait_for_selector(RESULTS, state="attached")
                    widths.append(page_width(page))
            except PlaywrightError as error:  # Playwright's message does not name the page
                status = page.locator(".md-search [role=status]").text_content(timeout=1000)
                pytest.fail(f"{lang} {kind} ({page.url}): {error.message.splitlines()[0]} "
                            f"(the search box says: {status!r})")
            if max(widths) > WIDTH:
                too_wide.append(f"{lang} {kind}: {widths}")
    page.close()
    assert not too_wide


# ---------------------------------------------------------------- the citizen

def test_citizen_reaches_a_phone_number_in_three_taps(tab: Page, site_server: str) -> None:
    """Home → the citizens' door → how to ask for mediation → a contact's tel: link."""
    tab.goto(site_server)
    tap(tab, f'.hg-doors a[href="{CITIZENS}"]')
    tap(tab, '.md-content a[href="cach-nho-hoa-giai/"]')
    taps = 2
    phone_link = tab.locator('.md-content a[href^="tel:"]').locator("visible=true")
    if not phone_link.count():
        tap(tab, f'.md-content a[href$="{CONTACTS}"], .md-footer a[href$="{CONTACTS}"]')
        taps += 1
    assert taps <= 3
    expect(phone_link.first).to_be_visible()
    assert tab.url.startswith(site_server)


def test_citizens_door_leads_to_the_citizens_corner(tab: Page, site_server: str) -> None:
    for lang in LANGUAGES:
        tab.goto(site_server + localized("", lang))
        tap(tab, f'.hg-doors a[href="{CITIZENS}"]')
        assert tab.url == site_server + localized(CITIZENS, lang)
        assert tab.locator(".md-content h1").inner_text() in ("Dành cho người dân",
                                                              "For citizens")


# ---------------------------------------------------------------- the mediator

@pytest.mark.parametrize("lang", LANGUAGES)
def test_mediator_reads_every_search_result_title_whole(tab: Page, site_server: str,
                                                        lang: str) -> None:
    tab.goto(site_server + localized("", lang))
    for query in QUERIES[lang]:
        if not tab.locator("input[name=q]").is_visible():
            tab.tap(SEARCH_BUTTON)
        tab.fill("input[name=q]", query)
        tab.wait_for_selector(RESULTS, state="attached")
        settle(tab)
        cut = tab.eval_on_selector_all(".hg-search-result__title", """(titles, width) =>
            titles.map(title => {
              const box = title.getBoundingClientRect();
              return box.left < 0 || box.right > width || title.scrollWidth > title.clientWidth
                ? title.textContent : null;
            }).filter(Boolean)""", WIDTH)
        assert tab.locator(".hg-search-result__title").count() > 0, query
        assert not cut, (query, cut[:3])
        assert page_width(tab) <= WIDTH, query
        reset = tab.locator(".md-search__options [type=reset]")
        assert reset.is_visible() and in_viewport(tab, ".md-search__options [type=reset]")


def test_mediator_waits_only_for_the_results_on_screen(tab: Page, site_server: str) -> None:
    # Each described result costs two parts of the index (its page's outline, its section's
    # text): a phone fetches them for the first results, which fill its screen, and for the
    # others when they are scrolled to.
    outlines: list[str] = []
    tab.on("request", lambda request: outlines.append(request.url)
           if "/search/vi/p/" in request.url else None)
    tab.goto(site_server)
    start_search(tab, "hoa giai")
    tab.wait_for_selector(RESULTS, state="attached")
    settle(tab)
    results = tab.locator(RESULTS)
    snippet = ".hg-search-result__snippet"
    assert results.count() > 10
    assert results.first.locator(snippet).count() == 1
    assert results.last.locator(snippet).count() == 0  # not fetched: far below the screen
    described = tab.locator(f"{RESULTS}:has({snippet})").count()
    assert 3 <= described <= 6 and len(set(outlines)) == described, outlines
    results.last.scroll_into_view_if_needed()
    expect(results.last.locator(snippet)).to_have_count(1)
    assert len(set(outlines)) > described


DESCRIPTIONS = re.compile(r"/search/vi/[ps]/\d+\.js$")  # the parts that describe a result
LISTED = "#hg-search-results > li"
WAITING = f"{LISTED} .hg-search-result__waiting"


@pytest.fixture
def routed_tab(browser: Browser) -> Iterator[Page]:
    """A phone's tab whose requests `Page.route` sees: no service worker answers them."""
    context = phone_context(browser, service_workers="block")
    yield context.new_page()
    context.close()


def first_heights(page: Page) -> list[float]:
    return page.evaluate(f"""[...document.querySelectorAll('{LISTED}')].slice(0, 5)
        .map(item => item.getBoundingClientRect().height)""")


def test_villager_sees_the_titles_while_the_descriptions_load(routed_tab: Page,
                                                              site_server: str) -> None:
    # On a weak signal the results' titles and links come with the query's words; the parts
    # that describe the first results come a round trip or two later, into the room kept.
    held: list[Route] = []
    tab = routed_tab
    tab.route(DESCRIPTIONS, lambda route: held.append(route))
    tab.goto(site_server)
    start_search(tab, "hoa giai")
    expect(tab.locator(WAITING)).to_have_count(5)
    expect(tab.locator(WAITING).first).to_have_css("opacity", "1")  # shown after 0.3 s of waiting
    first = tab.locator(LISTED).first
    assert first.locator(".hg-search-result__title").inner_text().strip()
    assert first.locator("a").first.get_attribute("href")
    assert tab.locator("#hg-search-results[aria-busy=true]").count() == 1  # screen readers wait
    tab.dispatch_event("input[name=q]", "input")  # the same words searched again meanwhile
    tab.wait_for_timeout(400)
    assert tab.locator("#hg-search-results[aria-busy=true]").count() == 1, "still waiting"
    settle(tab)
    assert violations(tab, ".md-search") == []
    kept_room = sum(first_heights(tab))
    for route in held:
        route.continue_()
    tab.unroute(DESCRIPTIONS)
    tab.wait_for_selector(RESULTS, state="attached")
    expect(tab.locator(WAITING)).to_have_count(0)
    assert tab.locator(f"{LISTED}:nth-child(-n+5) .hg-search-result__snippet").count() == 5
    assert abs(sum(first_heights(tab)) - kept_room) < 0.25 * kept_room, "the list jumped"


def test_villager_keeps_the_titles_when_descriptions_cannot_load(routed_tab: Page,
                                                                 site_server: str) -> None:
    tab = routed_tab
    tab.route(DESCRIPTIONS, lambda route: route.abort())
    tab.goto(site_server)
    start_search(tab, "hoa giai")
    tab.wait_for_selector(RESULTS, state="attached")
    expect(tab.locator(WAITING).filter(visible=True)).to_have_count(0)
    assert tab.locator(LISTED).count() > 10
    assert tab.locator(f"{LISTED} .hg-search-result__snippet").count() == 0
    assert tab.locator(LISTED).first.locator("a").first.is_visible()
    tab.unroute(DESCRIPTIONS)  # the signal is back: the same words are described
    tab.fill("input[name=q]", "hoa giai")
    expect(tab.locator(f"{LISTED}:nth-child(-n+5) .hg-search-result__snippet")).to_have_count(5)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_mediator_taps_a_term_reads_it_then_opens_the_glossary(tab: Page, site_server: str,
                                                               lang: str) -> None:
    tab.goto(site_server + localized(LESSON, lang))
    terms = tab.locator(".md-content .hg-term")
    # The term furthest right on its line: the one whose definition would overflow.
    rightmost = max(range(terms.count()),
                    key=lambda i: terms.nth(i).bounding_box()["x"]
                    if terms.nth(i).is_visible() else -1)
    term = terms.nth(rightmost)
    link, tip = term.locator(".hg-term__link"), term.locator(".hg-term__tip")
    link.tap()
    expect(tip).to_be_visible()
    assert tab.url == site_server + localized(LESSON, lang), "the first tap stays on the page"
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, box
    assert page_width(tab) <= WIDTH
    assert violations(tab, ".md-content") == []
    target = link.get_attribute("href").split("#")[1]
    link.tap()
    tab.wait_for_url(f"**/thuat-ngu/#{target}")
    assert in_viewport(tab, f"[id='{target}']")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_mediator_sees_what_was_ticked_and_missed(tab: Page, site_server: str,
                                                  lang: str) -> None:
    tab.goto(site_server + localized(QUIZ, lang))
    tab.evaluate("localStorage.clear()")  # both languages keep one bank's answers
    tab.reload()
    question = tab.locator(".hg-q:has(input[type=checkbox])").first
    right = question.get_attribute("data-correct").split()
    assert len(right) >= 2, "a question with several right answers"
    wrong = next(box.get_attribute("value") for box in question.locator("input").all()
                 if box.get_attribute("value") not in right)
    for value in (right[0], wrong):
        question.locator(f"input[value='{value}']").tap()
    question.locator("[data-action=check]").tap()
    choice = "li[data-choice='{}']".format
    picked_right = question.locator(choice(right[0]))
    picked_wrong = question.locator(choice(wrong))
    missed = question.locator(choice(right[1]))
    expect(picked_right).to_have_class("hg-q__choice is-right is-picked")
    expect(picked_wrong).to_have_class("hg-q__choice is-wrong is-picked")
    expect(missed).to_have_class("hg-q__choice is-right")
    ticked, missed_mark = {"vi": ("bạn chọn", "bạn chưa chọn"),
                           "en": ("your choice", "you did not tick it")}[lang]
    expect(picked_right.locator(".hg-q__mark")).to_contain_text(ticked)
    expect(picked_wrong.locator(".hg-q__mark")).to_contain_text(ticked)
    expect(missed.locator(".hg-q__mark")).to_contain_text(missed_mark)
    letter = "li[data-choice='{}'] .hg-q__letter".format
    letters = {value: question.locator(letter(value)).inner_text().rstrip(".")
               for value in (*right, wrong)}
    feedback = question.locator(".hg-q__feedback")
    said = {"vi": ("Bạn đã chọn: ", "Bạn bỏ sót: "), "en": ("You ticked: ", "You missed: ")}
    expect(feedback).to_contain_text(
        f"{said[lang][0]}{', '.join(sorted([letters[right[0]], letters[wrong]]))}.")
    expect(feedback).to_contain_text(said[lang][1] + letters[right[1]])
    tally = question.locator(".hg-q__tally")
    expect(tally).to_be_visible()
    total = tab.locator(".hg-q").count()
    expect(tally).to_contain_text(f" 0 {'trên' if lang == 'vi' else 'of'} {total} ")
    assert violations(tab, ".hg-quiz") == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_mediator_jumps_to_a_faq_question_in_two_taps(tab: Page, site_server: str,
                                                      lang: str) -> None:
    tab.goto(site_server + localized(CITIZENS, lang))
    tap(tab, '.md-content a[href="hoi-dap/"]')
    jump = tab.locator(".md-content nav.hg-jump a")
    assert jump.count() > 5
    for link in jump.all():
        assert tab.locator(f"h2{link.get_attribute('href')}").count() == 1
    chosen = jump.nth(jump.count() - 2)
    anchor = chosen.get_attribute("href")
    chosen.tap()
    tab.wait_for_url(f"**/{FAQ}{anchor}")
    tab.wait_for_timeout(100)
    assert in_viewport(tab, f"h2{anchor}")


def test_glossary_has_a_jump_list_to_every_term(tab: Page, site_server: str) -> None:
    for lang in LANGUAGES:
        tab.goto(site_server + localized("thuat-ngu/", lang))
        links = tab.locator(".md-content nav.hg-jump a")
        entries = tab.locator(".md-content h2[id]:not(.hg-share__heading)")
        assert links.count() == entries.count() > 10
        last = links.nth(links.count() - 1)
        last.tap()
        tab.wait_for_timeout(100)
        assert in_viewport(tab, f"h2{last.get_attribute('href')}")


# ---------------------------------------------------------------- reading

# Main reading text, wherever it sits, on the pages people read through.
READING_TEXT = (".md-content article p, .md-content article li, .md-content article td, "
                ".md-content article th, .md-content article dd")
HEADINGS = ".md-content article h1, .md-content article h2, .md-content article h3"
READ_PAGES = (LESSON, "hoc-tap/hoa-giai-tai-toa-an/", "hoc-tap/y-chinh/", QUIZ, FAQ,
              "cau-chuyen/loi-di-chung/")
# Sizes and contrast of every matching element; contrast against the colour painted behind it.
_MEASURE = """selector => {
  const rgba = text => (text.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const over = (top, bottom) => {
    const a = top.length > 3 ? top[3] : 1;
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a));
  };
  const behind = element => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c.length > 3 && c[3] === 0) continue;
      layers.push(c);
      if (c.length === 3 || c[3] === 1) break;
    }
    return layers.reverse().reduce((bottom, top) => over(top, bottom), [255, 255, 255]);
  };
  return Array.from(document.querySelectorAll(selector))
    .filter(e => e.getClientRects().length && e.textContent.trim()
            && !e.closest(".hg-term__tip, .hg-share, .md-source-file"))
    .map(e => {
      const style = getComputedStyle(e);
      const back = behind(e);
      const fore = over(rgba(style.color), back);
      const [hi, lo] = [lum(fore), lum(back)].sort((a, b) => b - a);
      return {text: e.textContent.trim().slice(0, 40), size: parseFloat(style.fontSize),
              contrast: (hi + 0.05) / (lo + 0.05)};
    });
}"""


def test_reading_text_is_16px_with_strong_contrast(tab: Page, site_server: str) -> None:
    small, faint, faint_headings = [], [], []
    for path in READ_PAGES:
        for lang in LANGUAGES:
            tab.goto(site_server + localized(path, lang))
            tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            for found in tab.evaluate(_MEASURE, READING_TEXT):
                if found["size"] < 16:
                    small.append((path, lang, found))
                if found["contrast"] < 7:
                    faint.append((path, lang, found))
            faint_headings += [(path, lang, found) for found in tab.evaluate(_MEASURE, HEADINGS)
                               if found["contrast"] < 4.5]
    assert not small, small[:5]
    assert not faint, faint[:5]
    assert not faint_headings, faint_headings[:5]


def test_no_table_has_an_empty_header_cell(built_site: Path) -> None:
    """axe's empty-table-header, on every built page at once (a screen reader names each
    column by its header; the lesson comparing court and grassroots mediation had none)."""
    empty = [str(page.relative_to(built_site)) for page in built_site.rglob("*.html")
             if re.search(r"<th[^>]*>\s*</th>", page.read_text("utf-8"))]
    assert not empty


# Headings whose box runs on below their last line of text (by more than half a line).
_EMPTY_LINE_BELOW = """() => [...document.querySelectorAll('article :is(h1, h2, h3, h4)')]
.flatMap(h => {
  const link = h.querySelector('.headerlink');
  const text = document.createRange();
  text.selectNodeContents(h);
  if (link) text.setEndBefore(link);
  const lines = [...text.getClientRects()].filter(rect => rect.width > 0);
  if (!lines.length) return [];
  const style = getComputedStyle(h);
  const bottom = h.getBoundingClientRect().bottom - parseFloat(style.paddingBottom)
    - parseFloat(style.borderBottomWidth);
  const below = bottom - Math.max(...lines.map(rect => rect.bottom));
  return below > parseFloat(style.lineHeight) / 2 ? [h.textContent.trim().slice(0, 40)] : [];
})"""


def test_no_heading_has_an_empty_line_below_it(tab: Page, site_server: str) -> None:
    """Material's "#" beside a heading, invisible until a mouse is over it, took room: on a
    phone, a heading that filled its line pushed it onto a line of its own, an empty line under
    every long heading (the stories' titles, lesson sections, the FAQ's questions)."""
    empty = []
    for path in (*READ_PAGES, "cau-chuyen/"):
        for lang in LANGUAGES:
            tab.goto(site_server + localized(path, lang))
            empty += [(path, lang, heading) for heading in tab.evaluate(_EMPTY_LINE_BELOW)]
    assert not empty, empty[:5]
