"""The built site in a real headless Chromium, served by nginx, and how that Chromium is
started (hoagiai.publish.browser).

Every kind of page is checked for accessibility, other hosts and console errors by
the publishing gate that tests/test_publish.py runs."""

from __future__ import annotations

import contextlib
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from hoagiai.bench.builder import process_tree
from hoagiai.publish.browser import CHROMIUM, CHROMIUM_ARGS, PLAYWRIGHT_DISABLED_FEATURES

pytestmark = [pytest.mark.browser, pytest.mark.server]

@pytest.mark.parametrize(("start", "other", "lang"), [
    ("gioi-thieu/", "en/gioi-thieu/", "en"),
    ("en/hoc-tap/", "hoc-tap/", "vi"),
])
def test_language_switcher_opens_the_twin_page(browser: Browser, site_server: str, start: str,
                                               other: str, lang: str) -> None:
    page = browser.new_page()
    page.goto(site_server + start)
    page.locator(f'a.md-select__link[hreflang="{lang}"]').first.dispatch_event("click")
    page.wait_for_url(site_server + other)
    assert page.locator("html").get_attribute("lang") == lang
    page.close()


def test_a_new_context_starts_no_page_of_chromium_s_own(browser: Browser) -> None:
    """Chromium prepares its address bar's pop-ups for every browser context unless told not
    to (hoagiai.publish.browser.UNSHOWN_FEATURES); each cost 0.85 s of CPU time."""
    context = browser.new_context()
    context.new_page().goto("about:blank")
    targets = browser.new_browser_cdp_session().send("Target.getTargets")["targetInfos"]
    context.close()
    assert [target["url"] for target in targets if target["type"] != "page"] == []


def _command_lines() -> dict[int, list[str]]:
    """Every process this one started, directly or not: pid → command line."""
    lines = {}
    for pid in process_tree(os.getpid()):
        with contextlib.suppress(OSError):
            lines[pid] = Path(f"/proc/{pid}/cmdline").read_text().split("\0")
    return lines


def _playwright_s_disabled_features() -> set[str]:
    """What Playwright turns off when it starts Chromium with no arguments of ours."""
    before = set(_command_lines())
    with sync_playwright() as playwright:
        plain = playwright.chromium.launch(executable_path=CHROMIUM)
        started = [line for pid, line in _command_lines().items() if pid not in before
                   and "--remote-debugging-pipe" in line
                   and not any(arg.startswith("--type=") for arg in line)]
        plain.close()
    # One value: a process Chromium is forking at that moment still shows the browser's line.
    [features] = {arg for line in started for arg in line if arg.startswith("--disable-features=")}
    return set(features.removeprefix("--disable-features=").split(","))


def test_our_chromium_turns_off_what_playwright_does() -> None:
    """Chromium keeps only the last --disable-features: ours must repeat Playwright's list."""
    # In a thread of its own: Playwright's sync API refuses to start in a thread where it runs.
    with ThreadPoolExecutor(max_workers=1) as elsewhere:
        playwright_s = elsewhere.submit(_playwright_s_disabled_features).result()
    [ours] = [arg for arg in CHROMIUM_ARGS if arg.startswith("--disable-features=")]
    assert playwright_s and playwright_s == set(PLAYWRIGHT_DISABLED_FEATURES)
    assert playwright_s <= set(ours.removeprefix("--disable-features=").split(","))
