"""The learner's progress and record in a real Chromium emulating a 390-px touch phone:
studied mark, best quiz score, continue card, the record page (print, export, import), and
damaged storage that must never break a page."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from hoagiai.pipeline import load_site
from hoagiai.quiz.model import QuizBanks
from hoagiai.site import Paths
from support.axe import violations
from support.project import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.server]

BANK = load_site(Paths.at(ROOT)).get(QuizBanks).banks[0]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}


def phone(browser: Browser) -> BrowserContext:
    return browser.new_context(**PHONE)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh phone (empty storage); any script error on any of its pages fails the test."""
    errors: list[str] = []
    made = phone(browser)
    made.on("page", lambda tab: tab.on("pageerror", lambda error: errors.append(str(error))))
    yield made
    made.close()
    assert errors == []


def today_vi() -> str:
    return dt.date.today().strftime("%d/%m/%Y")


def no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, page.url


def test_progress_shows_after_a_quiz_and_a_reload_and_on_the_record(
        context: BrowserContext, site_server: str, tmp_path: Path) -> None:
    page = context.new_page()
    # A first visit: no card on the home page.
    page.goto(site_server)
    expect(page.locator(".hg-continue")).to_be_hidden()

    # The module is marked studied; the mark survives a reload.
    page.goto(f"{site_server}hoc-tap/{BANK.module}/")
    studied = page.locator(".hg-studied")
    expect(studied).to_be_visible()
    studied.locator("button").tap()
    expect(studied.locator(".hg-studied__status")).to_contain_text(today_vi())
    page.reload()
    expect(studied.locator(".hg-studied__status")).to_contain_text(today_vi())
    expect(studied.locator("button")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".hg-kit")).to_be_visible()
    no_sideways_scroll(page)

    # One right answer on the quiz: best score 1 of N today.
    question = BANK.questions[0]
    page.goto(f"{site_server}trac-nghiem/{BANK.id}/")
    for choice in question.correct:
        page.locator(f"label[for='{question.anchor}--{choice}']").tap()
    page.locator(f"#{question.anchor} [data-action=check]").tap()
    total = len(BANK.questions)
    best = f"Điểm cao nhất của bạn: 1/{total} ({today_vi()})"
    page.goto(f"{site_server}trac-nghiem/")
    expect(page.locator(f".hg-best[data-bank='{BANK.id}']")).to_have_text(best)
    page.reload()
    expect(page.locator(f".hg-best[data-bank='{BANK.id}']")).to_have_text(best)
    # The quiz list's card leads back to the quiz, the last thing opened.
    card = page.locator(".hg-continue")
    expect(card).to_be_visible()
    expect(card.locator("a")).to_have_attribute("href", f"/trac-nghiem/{BANK.id}/")
    page.goto(site_server)
    expect(card.locator("a")).to_have_text(f"Trắc nghiệm: {BANK.title['vi']}")

    # The record lists both, with the name and village typed in on this device.
    page.goto(f"{site_server}ho-so-tu-hoc/")
    record = page.locator(".hg-record")
    expect(record.locator(f"[data-module='{BANK.module}']")).to_have_text(f"ngày {today_vi()}")
    expect(record.locator(f".hg-record__best[data-bank='{BANK.id}']")).to_have_text(
        f"1/{total} câu đúng ({today_vi()})")
    expect(page.get_by_text("Dữ liệu của bạn không rời khỏi máy")).to_be_visible()
    expect(record.locator(".hg-record__scenarios")).to_be_hidden()  # none exist yet
    page.locator("#hg-record-name").fill("Người Học Thử")
    page.locator("#hg-record-village").fill("Thôn Thử")
    no_sideways_scroll(page)
    assert violations(page) == []

    # In print: the summary and the name stay, the buttons go.
    page.emulate_media(media="print")
    expect(record.locator(".hg-record__tools")).to_be_hidden()
    expect(page.locator("#hg-record-name")).to_have_value("Người Học Thử")
    expect(page.locator("#hg-record-name")).to_be_visible()
    expect(record.locator(".hg-record__summary")).to_contain_text("Đã học 1/")
    assert len(pypdf.PdfReader(io.BytesIO(page.pdf(format="A4"))).pages) == 1  # one A4 page
    page.emulate_media(media="screen")

    # Export, then import on another device.
    with page.expect_download() as waiting:
        record.locator("[data-action=export]").tap()
    saved = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "hoagiai-ho-so-tu-hoc"
    assert data["profile"] == {"name": "Người Học Thử", "village": "Thôn Thử"}
    assert set(data["entries"]) == {f"hoagiai-module-v1:{BANK.module}",
                                    f"hoagiai-quiz-v1:best:{BANK.id}"}

    other = phone(context.browser).new_page()
    other.goto(f"{site_server}en/ho-so-tu-hoc/")
    expect(other.locator(f"[data-module='{BANK.module}']")).to_have_text("not yet")
    other.locator("#hg-record-file").set_input_files(saved)
    expect(other.locator(".hg-record__message")).to_have_text("2 entries loaded from the file.")
    expect(other.locator(f"[data-module='{BANK.module}']")).to_contain_text("on 20")
    expect(other.locator("#hg-record-village")).to_have_value("Thôn Thử")
    # A file that is not a record is refused, and changes nothing.
    junk = tmp_path / "junk.json"
    junk.write_text('{"format": "other"}', encoding="utf-8")
    other.locator("#hg-record-file").set_input_files(junk)
    expect(other.locator(".hg-record__message")).to_contain_text("cannot be read")
    other.context.close()


def test_scenarios_from_the_role_play_pages_are_listed(context: BrowserContext,
                                                       site_server: str) -> None:
    page = context.new_page()
    page.add_init_script("""localStorage.setItem("hoagiai-scenario-v1:thu-nghiem",
        JSON.stringify({ending: "tot", kind: "good", date: "2026-11-30", steps: 4,
                        title: "Tranh chấp lối đi"}));""")
    page.goto(f"{site_server}ho-so-tu-hoc/")
    scenarios = page.locator(".hg-record__scenarios")
    expect(scenarios).to_be_visible()
    expect(scenarios.locator("li")).to_have_text(["Tranh chấp lối đi — 30/11/2026"])


DAMAGED = """
for (const [key, value] of [
  ["hoagiai-last-v1:vi", "{not json"],
  ["hoagiai-last-v1:en", JSON.stringify({kind: "quiz", title: "x", url: "javascript:alert(1)",
                                         date: "2026-01-01"})],
  ["hoagiai-module-v1:MODULE", "[1, 2]"],
  ["hoagiai-quiz-v1:best:BANK", JSON.stringify({right: 99, total: 2, date: "hôm qua"})],
  ["hoagiai-scenario-v1:x", "null"],
  ["hoagiai-profile-v1", "5"],
]) { localStorage.setItem(key, value); }
""".replace("MODULE", BANK.module).replace("BANK", BANK.id)


def test_damaged_or_old_storage_is_ignored(context: BrowserContext, site_server: str) -> None:
    page = context.new_page()
    page.add_init_script(DAMAGED)  # before every page load
    for path in ("", "en/"):
        page.goto(f"{site_server}{path}")
        expect(page.locator("h1").first).to_be_visible()
        expect(page.locator(".hg-continue")).to_be_hidden()
    page.goto(f"{site_server}trac-nghiem/")
    expect(page.locator(f".hg-best[data-bank='{BANK.id}']")).to_be_hidden()
    page.goto(f"{site_server}ho-so-tu-hoc/")
    expect(page.locator(f"[data-module='{BANK.module}']")).to_have_text("chưa")
    expect(page.locator(f".hg-record__best[data-bank='{BANK.id}']")).to_have_text("chưa")
    expect(page.locator(".hg-record__scenarios")).to_be_hidden()
    expect(page.locator("#hg-record-name")).to_have_value("")
    page.goto(f"{site_server}hoc-tap/{BANK.module}/")
    expect(page.locator(".hg-studied button")).to_have_attribute("aria-pressed", "false")
