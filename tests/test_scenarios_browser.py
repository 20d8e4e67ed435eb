"""A scenario's player in a real headless Chromium over nginx, on an emulated phone: every
ending reached by touch, the address and saved progress, keyboard use, the no-JavaScript
tree, accessibility; and the trainer's kit PDF of the real build."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Browser, Page, expect

from hoagiai.pipeline import load_site
from hoagiai.render import t
from hoagiai.scenarios.model import Scenario, Scenarios
from hoagiai.site import Paths
from support.axe import violations
from support.project import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.server]

SCENARIO = load_site(Paths.at(ROOT)).get(Scenarios).items[0]
RESULT_KEY = f"hoagiai-scenario-v1:{SCENARIO.id}"
PROGRESS_KEY = f"hoagiai-scenario-progress-v1:{SCENARIO.id}"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}


def paths_to_endings(scenario: Scenario) -> dict[str, list[str]]:
    """A shortest path of choice ids from the start to each ending (breadth first)."""
    found: dict[str, list[str]] = {}
    seen, queue = {scenario.start}, [(scenario.start, [])]
    while queue:
        node, path = queue.pop(0)
        step = scenario.step(node)
        if step is None:
            found.setdefault(node, path)
            continue
        for choice in step.choices:
            if choice.next not in seen:
                seen.add(choice.next)
                queue.append((choice.next, [*path, choice.id]))
    return found


def two_choices_to_a_step(scenario: Scenario) -> list[str]:
    """The first path of two choices (in file order) that lands on a step, not an ending."""
    first = scenario.step(scenario.start)
    assert first is not None
    for choice in first.choices:
        second = scenario.step(choice.next)
        for then in second.choices if second else ():
            if scenario.step(then.next):
                return [choice.id, then.id]
    raise AssertionError("no step is two choices from the start")


def replay(scenario: Scenario, path: list[str]) -> tuple[str, dict[str, int]]:
    """Where a path leads and the state levels there, as the player must compute them."""
    node, state = scenario.start, {s.id: s.start for s in scenario.states}
    for choice_id in path:
        step = scenario.step(node)
        assert step is not None
        choice = next(c for c in step.choices if c.id == choice_id)
        for key, change in choice.effect.items():
            state[key] = max(0, min(4, state[key] + change))
        node = choice.next
    return node, state


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A fresh phone-sized, touch context that fails the test on any script error."""
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


def player_url(base: str, lang: str = "vi") -> str:
    return f"{base}{'' if lang == 'vi' else 'en/'}tinh-huong/{SCENARIO.id}/"


def choice_button(page: Page, choice_id: str):
    return page.locator(f".hg-sc__player .hg-sc__choice[data-choice='{choice_id}']")


def test_every_ending_is_reached_by_touch_on_a_phone(phone: Page, site_server: str) -> None:
    phone.goto(player_url(site_server))
    root = phone.locator(".hg-sc")
    expect(root).to_have_attribute("data-learning-kind", "scenario")
    expect(root).to_have_attribute("data-learning-id", SCENARIO.id)
    expect(root).to_have_attribute("data-learning-title", SCENARIO.title["vi"])
    expect(phone.locator(".hg-sc__tree")).to_be_hidden()
    endings = paths_to_endings(SCENARIO)
    assert sorted(endings) == sorted(e.id for e in SCENARIO.endings)
    for ending_id, path in endings.items():
        ending = SCENARIO.ending(ending_id)
        assert ending is not None
        for number, choice_id in enumerate(path, start=1):
            choice_button(phone, choice_id).tap()
            if number < len(path):
                expect(phone.locator(".hg-sc__player .hg-sc__heading")).to_contain_text(
                    f"Bước {number + 1}:")
        heading = phone.locator(".hg-sc__ending .hg-sc__heading")
        expect(heading).to_contain_text(ending.title["vi"])
        expect(heading).to_contain_text(t(f"scenarios.kind.{ending.kind}", "vi"))
        assert phone.url.endswith(f"#buoc={ending_id}&duong={'.'.join(path)}")
        # The path taken, with a way back to every step of it, and the sources met.
        expect(phone.locator(".hg-sc__path > li")).to_have_count(len(path))
        expect(phone.locator(".hg-sc__path .hg-sc__try")).to_have_count(len(path))
        expected_refs = {c.ref for step_choice in _choices_on(path) for c in step_choice.cite}
        expected_refs |= {c.ref for c in ending.cite}
        expect(phone.locator(".hg-sc__cites li")).to_have_count(len(expected_refs))
        saved = json.loads(phone.evaluate(f"localStorage.getItem('{RESULT_KEY}')"))
        assert saved["ending"] == ending_id and saved["kind"] == ending.kind.value
        assert saved["steps"] == len(path) and saved["title"] == SCENARIO.title["vi"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", saved["date"])
        assert phone.evaluate(f"localStorage.getItem('{PROGRESS_KEY}')") is None
        # Nothing on the page is wider than the phone.
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        phone.locator(".hg-sc__player [data-action=restart]").tap()
        expect(phone.locator(".hg-sc__player .hg-sc__heading")).to_contain_text("Bước 1:")


def _choices_on(path: list[str]):
    node = SCENARIO.start
    for choice_id in path:
        step = SCENARIO.step(node)
        assert step is not None
        choice = next(c for c in step.choices if c.id == choice_id)
        yield choice
        node = choice.next


def test_the_address_resumes_the_same_step_and_state(phone: Page, site_server: str) -> None:
    path = two_choices_to_a_step(SCENARIO)
    node, state = replay(SCENARIO, path)
    step = SCENARIO.step(node)
    assert step is not None
    phone.goto(f"{player_url(site_server)}#buoc={node}&duong={'.'.join(path)}")
    heading = phone.locator(".hg-sc__player .hg-sc__heading")
    expect(heading).to_have_text(f"Bước 3: {step.title['vi']}")
    for item in SCENARIO.states:
        value = phone.locator(f".hg-sc-state[data-state='{item.id}'] .hg-sc-state__value")
        expect(value).to_contain_text(f"({state[item.id]}/4)")
        expect(phone.locator(f".hg-sc-state[data-state='{item.id}'] .is-on")).to_have_count(
            state[item.id])
    expect(phone.locator(".hg-sc__feedback")).to_contain_text("Bạn đã chọn:")
    # The browser's Back button undoes the last choice.
    choice_button(phone, step.choices[0].id).tap()
    phone.go_back()
    expect(heading).to_have_text(f"Bước 3: {step.title['vi']}")
    # Opened again without an address: the saved progress brings the learner back here.
    phone.goto(player_url(site_server))
    expect(heading).to_have_text(f"Bước 3: {step.title['vi']}")
    expect(phone.locator(".hg-sc__notice")).to_have_text(t("scenarios.msg.restored", "vi"))
    # A link to a step of the tree ("cited by" lists make them) opens that step.
    phone.goto(f"{player_url(site_server)}#{step.anchor}")
    expect(heading).to_contain_text(step.title["vi"])
    # An address that does not fit the scenario starts again, and says so.
    phone.goto(f"{player_url(site_server)}#buoc=khong-co&duong=z")
    expect(heading).to_contain_text("Bước 1:")
    expect(phone.locator(".hg-sc__notice")).to_have_text(t("scenarios.msg.bad_address", "vi"))


def test_keyboard_only_and_accessibility(browser: Browser, site_server: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(player_url(site_server, "en"))
    assert violations(page) == []
    first = page.locator(".hg-sc__player .hg-sc__choice").first
    first.focus()
    page.keyboard.press("Enter")
    # Focus lands on the feedback, which a screen reader then reads.
    expect(page.locator(".hg-sc__feedback")).to_be_focused()
    expect(page.locator(".hg-sc__feedback")).to_contain_text("You chose:")
    path = next(iter(paths_to_endings(SCENARIO).values()))
    page.goto(f"{player_url(site_server, 'en')}#buoc={replay(SCENARIO, path)[0]}"
              f"&duong={'.'.join(path)}")
    expect(page.locator(".hg-sc__ending")).to_be_visible()
    # The page scrolled to the ending, so the header's title fades in: axe reads its colours
    # once the fade is over (mid-fade it sees a half-transparent title).
    page.wait_for_timeout(500)
    assert violations(page) == []
    # The tree the page shows without JavaScript, every disclosure open (axe needs a script).
    page.evaluate("""() => {
        document.querySelector('.hg-sc').classList.remove('hg-sc--js');
        document.querySelectorAll('.hg-sc__tree details').forEach(d => { d.open = true; });
    }""")
    assert violations(page, ".hg-sc__tree") == []
    # The other new kinds of page: the index and a trainer's kit.
    for path in ("tinh-huong/", f"tinh-huong/dong-vai/{SCENARIO.id}/"):
        page.goto(f"{site_server}{path}")
        assert violations(page) == [], path
    context.close()


def test_without_javascript_the_whole_scenario_is_a_tree(browser: Browser,
                                                         site_server: str) -> None:
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(player_url(site_server))
    expect(page.locator(".hg-sc__player")).to_be_hidden()
    expect(page.locator(".hg-sc__tree")).to_be_visible()
    for step in SCENARIO.steps:
        expect(page.locator(f"section#{step.anchor}")).to_have_count(1)
    for ending in SCENARIO.endings:
        expect(page.locator(f"section#{ending.anchor}")).to_have_count(1)
    # Open the first choice, then the first choice of the step it leads to: nested disclosures.
    start = page.locator(f"#buoc-{SCENARIO.start}")
    start.locator("> details > summary").first.tap()
    opened = start.locator("> details").first
    expect(opened.locator(":scope > .hg-sc-choice__feedback")).to_be_visible()
    expect(opened.locator(":scope > .hg-sc-cite a").first).to_be_visible()
    inner = opened.locator(":scope > section > details > summary").first
    expect(inner).to_be_visible()
    inner.tap()
    expect(opened.locator(":scope > section > details").first).to_have_attribute("open", "")
    context.close()


def words(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_trainers_kit_pdf(built_site: Path, lang: str) -> None:
    prefix = "" if lang == "vi" else "en/"
    pdf = built_site / f"{prefix}tinh-huong/dong-vai/{SCENARIO.id}.pdf"
    text = words(" ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages))
    assert words(t("scenarios.kit_title", lang, title=SCENARIO.title[lang])) in text
    for party in SCENARIO.parties:
        assert words(t("scenarios.kit_card_for", lang, name=party.name[lang])) in text
    assert words(t("scenarios.kit_mediator", lang)) in text
    for step in SCENARIO.steps:
        assert words(step.title[lang]) in text
    assert words(t("scenarios.kit_debrief", lang)) in text
    # Citations are printed as their labels, never as [[…]] or bare references.
    assert "[[" not in text and "luat35:" not in text
    label = "khoản 4 Điều 10" if lang == "vi" else "Article 10(4)"
    assert label in text
    # The session build has no SITE_URL: the kit prints no address (never this computer's).
    assert "localhost" not in text and "http" not in text
