"""Nghe đọc / Listen: reading a page aloud with the device's voice, on a phone.

Chromium here has no voices, so each test injects a stand-in speech engine
(page.add_init_script) with the voices a phone might have: it records what it is asked
to say, and a test ends the utterance being spoken when it wants the next one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from hoagiai.site import LANGUAGES
from support.axe import violations
from support.phone import phone_context

pytestmark = [pytest.mark.browser, pytest.mark.server]

# The stand-in for window.speechSynthesis: voices as given, utterances kept in order.
ENGINE = """voices => {
  const said = [];
  const engine = {
    speaking: false, paused: false,
    getVoices: () => voices,
    speak(utterance) { said.push(utterance); this.speaking = true; },
    pause() { this.paused = true; },
    resume() { this.paused = false; },
    cancel() { said.length = 0; this.speaking = false; this.paused = false; },
    addEventListener() {}, onvoiceschanged: null,
  };
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  Object.defineProperty(window, "speechSynthesis", {value: engine, configurable: true});
  window.hgSpeech = {
    engine,
    said: () => said.map(u => ({text: u.text, lang: u.lang, voice: u.voice && u.voice.name})),
    finish() { const u = said.shift(); if (u && u.onend) u.onend(); },
  };
}"""
VI_VOICE = {"name": "Giọng Việt", "lang": "vi-VN", "voiceURI": "vi"}
EN_VOICE = {"name": "English voice", "lang": "en-US", "voiceURI": "en"}
CONTROL = "[data-hg-listen]"
# Pages that carry the control, and one kind that does not.
READ_ALOUD = ("hoc-tap/ky-nang-hoa-giai/", "nguoi-dan/cach-nho-hoa-giai/", "nguoi-dan/hoi-dap/",
              "cau-chuyen/loi-di-chung/")
NOT_READ_ALOUD = ("van-ban/luat35/", "trac-nghiem/trinh-tu-hoa-giai/", "hoc-tap/y-chinh/", "")
WORDS = {"vi": ("Nghe đọc", "Tạm dừng", "Đọc tiếp"), "en": ("Listen", "Pause", "Resume")}


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = phone_context(browser)
    yield context
    context.close()


def with_voices(phone: BrowserContext, voices: list[dict]) -> Page:
    page = phone.new_page()
    page.add_init_script(f"({ENGINE})({json.dumps(voices)})")
    return page


def said(page: Page) -> list[dict]:
    return page.evaluate("hgSpeech.said()")


def current(page: Page) -> list[str]:
    return page.eval_on_selector_all(".hg-listen__current", "found => found.map(e => e.id || "
                                     "e.textContent.trim().slice(0, 30))")


def test_the_control_is_on_pages_read_through_and_only_there(built_site: Path) -> None:
    for lang in LANGUAGES:
        root = built_site / ("" if lang == "vi" else "en")
        for path in READ_ALOUD:
            html = (root / path / "index.html").read_text("utf-8")
            assert html.count("data-hg-listen") == 1 and "assets/js/listen.js" in html, path
        for path in NOT_READ_ALOUD:
            html = (root / path / "index.html").read_text("utf-8")
            assert "data-hg-listen" not in html and "listen.js" not in html, path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_reads_paragraph_by_paragraph_with_pause_resume_and_stop(phone: BrowserContext,
                                                                 site_server: str,
                                                                 lang: str) -> None:
    page = with_voices(phone, [EN_VOICE, VI_VOICE])
    page.goto(site_server + ("" if lang == "vi" else "en/") + READ_ALOUD[1])
    listen, pause, resume = WORDS[lang]
    control = page.locator(CONTROL)
    play = control.locator("[data-action=play]")
    expect(control).to_be_visible()
    expect(play).to_have_text(listen)
    assert violations(page, CONTROL) == []
    play.tap()
    first = said(page)
    assert len(first) == 1
    assert first[0]["voice"] == (VI_VOICE if lang == "vi" else EN_VOICE)["name"]
    heading = page.locator(".md-content h1").inner_text().strip()
    assert first[0]["text"] == heading.rstrip("#").strip(), "starts with the page's title"
    assert current(page) and page.locator("h1.hg-listen__current").count() == 1
    page.evaluate("hgSpeech.finish()")
    second = said(page)
    assert len(second) == 1 and second[0]["text"] != first[0]["text"]
    highlighted = page.locator(".hg-listen__current")
    expect(highlighted).to_have_count(1)
    assert " ".join(highlighted.inner_text().split()) .startswith(second[0]["text"][:20])
    assert "hg-term__tip" not in second[0]["text"]
    expect(play).to_have_text(pause)
    play.tap()
    assert page.evaluate("speechSynthesis.paused") is True
    expect(play).to_have_text(resume)
    play.tap()
    assert page.evaluate("speechSynthesis.paused") is False
    expect(play).to_have_text(pause)
    control.locator("[data-action=stop]").tap()
    expect(page.locator(".hg-listen__current")).to_have_count(0)
    expect(play).to_have_text(listen)
    expect(control.locator("[data-action=stop]")).to_be_hidden()
    assert said(page) == []
    page.close()


def test_hidden_when_the_device_has_no_voice_for_the_language(phone: BrowserContext,
                                                              site_server: str) -> None:
    page = with_voices(phone, [EN_VOICE])
    page.goto(site_server + READ_ALOUD[0])
    expect(page.locator(CONTROL)).to_be_hidden()
    page.goto(site_server + "en/" + READ_ALOUD[0])
    expect(page.locator(CONTROL)).to_be_visible()
    page.close()
    page = phone.new_page()  # Chromium as it is here: no voice at all
    page.goto(site_server + READ_ALOUD[0])
    expect(page.locator(CONTROL)).to_be_hidden()
    page.close()


def test_the_jump_list_is_not_read(phone: BrowserContext, site_server: str) -> None:
    """Before the first question is read where it is answered, none of the questions of the
    list at the top of the page is read."""
    page = with_voices(phone, [VI_VOICE])
    page.goto(site_server + "nguoi-dan/hoi-dap/")
    listed = page.locator("nav.hg-jump a").all_inner_texts()
    first_question = page.locator(".md-content h2[id]").first.inner_text().rstrip("#").strip()
    assert first_question in listed
    page.locator("[data-action=play]").tap()
    before = []
    for _ in range(12):
        text = said(page)[0]["text"]
        if text == first_question:
            break
        before.append(text)
        page.evaluate("hgSpeech.finish()")
    else:
        pytest.fail(f"the first question is not read: {before}")
    assert before and not set(before) & set(listed)
    page.close()
