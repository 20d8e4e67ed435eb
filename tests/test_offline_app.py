"""The site as an offline app, in Chromium over nginx under a sub-path (/hoa-giai/).

One browser context follows a mediator: a first visit on signal, "Save for offline" on a
module, the signal lost (context.set_offline), kept pages, the saved quiz and PDF, search,
a page not kept (the offline page), then a new release published under the open page.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from hoagiai.offline_app import catalog
from hoagiai.publish import offline
from hoagiai.render import t
from support.axe import violations
from support.nginx import serve
from support.search import search

pytestmark = [pytest.mark.build, pytest.mark.browser, pytest.mark.server]

PREFIX = "/hoa-giai/"
MODULE = "hoc-tap/ky-nang-hoa-giai/"
QUIZ = "trac-nghiem/ky-nang-hoa-giai/"
PDF = "tai-lieu-in/ky-nang-hoa-giai-hoc-vien.pdf"
NOT_KEPT = "van-ban/luat35/"
QUOTES = "trich-dan/luat35.js"  # what the module's citation notes quote (legal/quote_files.py)
CONTEST = "trac-nghiem/hoi-thi/"  # its sets' questions load on demand (kit/contest_page.py)
NOT_KEPT_WORDS = "tranh chấp đất đai"  # index parts no query fetched (not "hòa giải viên")
CACHES = """async () => {
  const found = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    found[name] = (await cache.keys()).map(request => request.url);
  }
  return found;
}"""


@pytest.fixture(scope="module")
def site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built site, which the last test publishes again."""
    copy = tmp_path_factory.mktemp("offline-app") / "site"
    shutil.copytree(built_site, copy)
    return copy


@pytest.fixture(scope="module")
def base(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(site, tmp_path_factory.mktemp("offline-app-nginx"), PREFIX) as url:
        yield url


@pytest.fixture(scope="module")
def context(browser: Browser) -> Iterator[BrowserContext]:
    opened = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                 has_touch=True, service_workers="allow")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def problems() -> list[str]:
    """Script errors, Content-Security-Policy reports and failed requests of every page."""
    return []


def watched(context: BrowserContext, problems: list[str]) -> Page:
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    page.on("console", lambda message: problems.append(f"{page.url}: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text else None)
    page.on("response", lambda response: problems.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    return page


def kept(page: Page) -> dict[str, list[str]]:
    return page.evaluate(CACHES)


def test_first_visit_keeps_the_core_and_a_saved_module(
        context: BrowserContext, base: str, site: Path, problems: list[str]) -> None:
    page = watched(context, problems)
    page.goto(base + MODULE)
    release = json.loads((site / "offline.json").read_text(encoding="utf-8"))["release"]
    expect(page.locator("html")).to_have_attribute("data-hg-offline", release, timeout=20000)

    manifest = page.evaluate("document.querySelector('link[rel=manifest]').href")
    assert manifest == base + "manifest-vi.json"
    app = page.request.get(manifest).json()
    assert (app["start_url"], app["scope"], app["theme_color"]) == ("./", "./", "#8b1a1a")
    assert {icon["sizes"] for icon in app["icons"]} == {"192x192", "512x512"}

    caches = kept(page)
    assert sorted(caches) == [f"hoagiai-{release}-core", f"hoagiai-{release}-opened"]
    core = set(caches[f"hoagiai-{release}-core"])
    for path in ("", "hoc-tap/", "van-ban/", "ngoai-tuyen/", "search/vi.js",
                 "assets/js/theme.js", "assets/css/site.css", "offline.json"):
        assert base + path in core, path
    assert base + "search/en.js" not in core  # only the reader's language
    assert base + MODULE in caches[f"hoagiai-{release}-opened"]

    box = page.locator("[data-hg-offline-save]")
    expect(box).to_be_visible()
    expect(box.locator(".hg-offline-save__hint")).to_contain_text("KB")
    box.locator("button").click()
    expect(box).to_have_attribute("data-hg-saved", "yes", timeout=20000)
    saved = set(kept(page)[f"hoagiai-{release}-saved"])
    assert {base + QUIZ, base + PDF, base + "hoc-tap/y-chinh/", base + "assets/js/quiz.js",
            base + QUOTES} <= saved  # the words its citation notes quote, too
    assert violations(page) == []

    # The split search index: the parts a query fetched are kept for the same words offline.
    page.locator(".md-header__button[for=__search]").first.click()
    assert search(page, "hòa giải viên", base).pages
    page.wait_for_timeout(300)
    parts = kept(page).get(f"hoagiai-{release}-search", [])
    assert any(url.startswith(base + "search/vi/w/") for url in parts), parts
    page.close()


def test_without_signal_kept_pages_the_saved_quiz_pdf_and_search_work(
        context: BrowserContext, base: str, problems: list[str]) -> None:
    context.set_offline(True)
    try:
        page = watched(context, problems)
        page.goto(base + "hoc-tap/")
        assert page.locator("main h1").first.inner_text().strip()

        page.goto(base + QUIZ)
        expect(page.locator(".hg-quiz__summary")).to_be_visible()
        page.locator("[data-action=check]").first.click()  # the quiz script runs
        expect(page.locator(".hg-q__feedback").first).not_to_be_empty()
        pdf = page.evaluate(f"""fetch({json.dumps(base + PDF)})
            .then(async r => [r.status, (await r.text()).slice(0, 5)])""")
        assert pdf == [200, "%PDF-"]

        page.locator(".md-header__button[for=__search]").first.click()
        outcome = search(page, "hòa giải viên", base)
        assert outcome.pages, outcome
        expect(page.locator("#hg-search-results .hg-not-kept").first).to_be_visible()
        page.wait_for_timeout(300)  # every result checked
        marked = page.evaluate("""async () => Promise.all(
            [...document.querySelectorAll('#hg-search-results a')].map(async link => [
              Boolean(await caches.match(link.href.split('#')[0])),
              Boolean(link.querySelector('.hg-not-kept'))]))""")
        assert [kept for kept, _ in marked] == [not note for _, note in marked]
        assert any(kept for kept, _ in marked), "no kept page among the results"

        # Words whose part of the index was never fetched: the status says so, and how.
        outcome = search(page, NOT_KEPT_WORDS, base)
        assert outcome.status == t("search.not_kept", "vi") and not outcome.pages, outcome
        assert "Lưu toàn bộ trang" in outcome.status

        page.goto(base + MODULE)  # a saved module: its citation notes show the law's words
        page.locator(".hg-cite").first.click()
        expect(page.locator(".hg-cite-note:popover-open blockquote")).not_to_be_empty()

        page.goto(base + NOT_KEPT)
        page.wait_for_url(f"{base}ngoai-tuyen/?trang=*")
        assert page.locator("main h1").first.inner_text() == "Dùng không cần mạng"
        expect(page.locator("[data-hg-offline-missing]")).to_contain_text(NOT_KEPT)
        expect(page.locator("html")).to_have_attribute("data-hg-kept", re.compile(r"\d+"))
        assert int(page.locator("html").get_attribute("data-hg-kept")) > 5
        titles = page.locator("[data-hg-offline-list] a").all_inner_texts()
        assert {"Kỹ năng hòa giải", "Học tập"} <= set(titles)
        assert not [title for title in titles if title.endswith("#")]  # no heading links
        expect(page.locator("[data-hg-offline-usage]")).to_contain_text("MB")
        expect(page.locator("[data-hg-offline-all]")).to_contain_text("MB")
        assert violations(page) == []

        page.goto(base + "en/" + NOT_KEPT)  # the other language: its own offline page
        page.wait_for_url(f"{base}en/ngoai-tuyen/?trang=*")
        assert page.locator("main h1").first.inner_text() == "Use without a network"
        page.close()
    finally:
        context.set_offline(False)


def test_words_not_kept_are_found_once_the_signal_is_back(
        context: BrowserContext, base: str, problems: list[str]) -> None:
    page = watched(context, problems)
    page.goto(base + "hoc-tap/")
    page.locator(".md-header__button[for=__search]").first.click()
    context.set_offline(True)
    try:
        outcome = search(page, NOT_KEPT_WORDS, base)
        assert outcome.status == t("search.not_kept", "vi") and not outcome.pages
    finally:
        context.set_offline(False)
    page.fill("input[name=q]", "")  # the same words again, now with signal
    assert search(page, NOT_KEPT_WORDS, base).pages
    page.close()


def test_a_contest_paper_is_drawn_again_offline_from_the_sets_kept(
        context: BrowserContext, base: str, problems: list[str]) -> None:
    """The sets a paper was drawn from are kept (never evicted); offline, the same paper is
    drawn again, and a set never loaded is said plainly."""
    page = watched(context, problems)
    page.goto(base + CONTEST)
    form = page.locator(".hg-contest")
    expect(form).to_have_class(re.compile("is-ready"))
    expect(page.locator("html")).to_have_attribute("data-hg-offline", re.compile(r"\w"))
    release = page.locator("html").get_attribute("data-hg-offline")
    boxes = form.locator("input[name=bank]").all()
    sets = [box.get_attribute("value") for box in boxes]
    for box in boxes[2:]:
        box.set_checked(False)
    form.locator("#hg-contest-count").fill("6")
    form.locator("#hg-contest-seed").fill("HT2026")
    form.get_by_role("button", name="Rút đề").tap()
    expect(page.locator(".hg-contest__q")).to_have_count(6)
    paper = page.locator(".hg-contest__q").all_inner_texts()
    page.wait_for_timeout(300)  # the worker keeps what was fetched
    folder = f"{base}{CONTEST}cau-hoi/"
    held = sorted(url for url in kept(page).get(f"hoagiai-{release}-search", [])
                  if url.startswith(folder))
    assert held == [f"{folder}{name}.js" for name in sorted(sets[:2])]

    context.set_offline(True)
    try:
        page.reload()
        expect(form).to_have_class(re.compile("is-ready"))
        form.locator("#hg-contest-count").fill("6")
        form.locator("#hg-contest-seed").fill("HT2026")
        for box in boxes[2:]:
            box.set_checked(False)
        form.get_by_role("button", name="Rút đề").tap()
        expect(form.locator(".hg-contest__status")).to_contain_text("Đã rút đề 6 câu")
        assert page.locator(".hg-contest__q").all_inner_texts() == paper
        boxes[2].set_checked(True)
        form.locator("#hg-contest-count").fill("9")
        form.get_by_role("button", name="Rút đề").tap()
        status = form.locator(".hg-contest__status")
        expect(status).to_contain_text("Chưa tải được câu hỏi của “")
        expect(status).to_contain_text("Lưu toàn bộ trang")
        expect(page.locator(".hg-contest__result")).to_be_hidden()
        assert violations(page) == []
    finally:
        context.set_offline(False)
    page.close()


def test_a_new_release_refreshes_what_is_kept_and_offers_a_reload(
        context: BrowserContext, base: str, site: Path, problems: list[str]) -> None:
    page = watched(context, problems)
    page.goto(base + QUIZ)
    old = page.locator("html").get_attribute("data-hg-offline")
    page.evaluate("window.stillHere = true")
    index = site / "hoc-tap" / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "</main>", "<p>Nội dung mới.</p></main>"), encoding="utf-8")
    new = catalog.write(site)
    assert new != old

    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    notice = page.locator(".hg-update")
    expect(notice).to_contain_text("Có nội dung mới — tải lại trang", timeout=20000)
    assert page.evaluate("window.stillHere") is True  # nothing reloaded the page
    assert violations(page) == []
    with page.expect_navigation():
        notice.locator("button").click()
    expect(page.locator("html")).to_have_attribute("data-hg-offline", new)
    page.goto(base + "hoc-tap/")
    expect(page.locator("main")).to_contain_text("Nội dung mới.")
    caches = kept(page)
    assert all(name.startswith(f"hoagiai-{new}-") for name in caches), sorted(caches)
    assert base + PDF in caches[f"hoagiai-{new}-saved"]  # what was saved is kept again
    core = caches[f"hoagiai-{new}-core"]
    assert base + "hoc-tap/" in core
    page.close()
    assert problems == []


def test_the_usb_copy_is_offered_where_publish_put_it(
        context: BrowserContext, base: str, site: Path, tmp_path: Path,
        problems: list[str]) -> None:
    page = watched(context, problems)
    page.goto(base + "tai-lieu-in/")  # built, not published: no copy, no link
    page.wait_for_load_state("networkidle")
    expect(page.locator("[data-hg-usb]")).to_be_hidden()
    archive = tmp_path / "hoa-giai-thuong-phuc-20261204-230000.zip"
    archive.write_bytes(b"PK" + bytes(2_400_000))
    note = offline.offer(site, archive, "20261204-230000")
    assert json.loads(note.read_text(encoding="utf-8"))["bytes"] == 2_400_002
    for path, label in (("tai-lieu-in/", "Dùng không cần mạng: tải bản USB (2,4 MB)"),
                        ("gioi-thieu/", "Dùng không cần mạng: tải bản USB (2,4 MB)"),
                        ("en/ngoai-tuyen/",
                         "Use without a network: download the USB copy (2.4 MB)")):
        page.goto(base + path)
        link = page.locator("[data-hg-usb] a")
        expect(link).to_have_text(label)
        href = link.get_attribute("href")
        assert href == f"{base}tai-ve/{archive.name}"
        assert page.request.get(href).body()[:2] == b"PK"
    assert violations(page) == []
    assert not [url for urls in kept(page).values() for url in urls if "/tai-ve/" in url]
    page.close()
    assert problems == []
