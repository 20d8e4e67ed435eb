"""One page of every kind in headless Chromium, served as in production (CSP enforced).

For each page: axe-core finds no accessibility violation of any impact, the console
shows no error (a Content-Security-Policy violation is one), and nothing is requested
from another host. Playwright and axe-core come with requirements-test.txt; they are
imported only when this gate runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from hoagiai.errors import UsageError

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

# Chromium's console line for a failed download names no address; the response
# listener reports those failures with their address instead.
_LOAD_FAILED = "Failed to load resource"
CHROMIUM = "/usr/bin/chromium"
# Playwright starts Chromium with `--disable-features=` and a list of its own; Chromium keeps
# only the last `--disable-features` it is given, so ours repeats Playwright's (for the version
# pinned in requirements-test.txt; tests/test_browser.py fails when they part) and adds its own.
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
    "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin", "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled",
    "PreconnectToSearch", "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion",
)
# Chromium 156 prepares the address bar's suggestion pop-ups (web pages of its own, in a renderer
# process of their own) for every browser context, though a headless browser never shows them:
# 0.85 s of CPU time for each new context (measured on this project's 2-core machine), three
# times what opening one of our pages in a tab already open costs.
UNSHOWN_FEATURES = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-features=" + ",".join((*PLAYWRIGHT_DISABLED_FEATURES, *UNSHOWN_FEATURES)),
]


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as missing:
        raise UsageError(
            "Thiếu Playwright: chạy `pip install -r requirements-test.txt`.\n"
            "(en) Playwright is missing: run `pip install -r requirements-test.txt`."
        ) from missing
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@cache
def _axe_script() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


# Starts axe-core on the page without waiting for it: its promise is kept in the page, so
# several pages can be checked at the same time.
# (setTimeout: axe.run does much of its work before its first pause, which would hold the
# caller until then.)
_AXE_START = ("context => { window.__hgAxe = new Promise(resolve => setTimeout(() => resolve("
              "axe.run(context || document, {resultTypes: ['violations']})))); }")
_AXE_VIOLATIONS = "() => window.__hgAxe.then(results => results.violations)"


def _start_axe(page: Page, within: str | None = None) -> None:
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(_axe_script())
    page.evaluate(_AXE_START, {"include": [[within]]} if within else None)


def _axe_findings(page: Page) -> list[str]:
    """`rule (impact): first offending element` for every violation axe-core found."""
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:160]}"
            for v in page.evaluate(_AXE_VIOLATIONS)]


def axe_violations(page: Page, within: str | None = None) -> list[str]:
    """Every axe-core violation on the page, of any impact (see `_axe_findings`).

    `within` (a CSS selector) checks only that part of the page, for a component
    tested in a state the rest of the page is not (an open dialog on a phone).
    """
    _start_axe(page, within)
    return _axe_findings(page)


# Pages checked at once: their loading overlaps (most of it is waiting for the network to
# settle) and axe-core runs in all of them together, one renderer process each.
PAGES_AT_ONCE = 4


@dataclass
class _Tab:
    """A tab that checks one page after another: what it sees is recorded into the
    problems of the page it shows now."""

    page: Page
    url: str = ""
    problems: list[str] = field(default_factory=list)

    def open(self, url: str, problems: list[str]) -> None:
        self.url, self.problems = url, problems
        if self.page.goto(url, wait_until="commit") is None:
            problems.append("no answer")

    def other_host(self, address: str) -> bool:
        return urlsplit(address).netloc not in (urlsplit(self.url).netloc, "")


def _watched_tab(context: BrowserContext) -> _Tab:
    """A new tab that records console errors, failed answers and requests to other hosts
    into the problems of the page it shows."""
    tab = _Tab(context.new_page())
    page = tab.page
    page.add_init_script(_axe_script())  # loaded with every page, in its own process
    page.on("request", lambda request: tab.problems.append(f"other host: {request.url}")
            if tab.other_host(request.url) else None)
    page.on("console", lambda message: tab.problems.append(f"console: {message.text}")
            if message.type == "error" and not message.text.startswith(_LOAD_FAILED) else None)
    page.on("response", lambda response: tab.problems.append(
        f"HTTP {response.status}: {response.url}") if response.status >= 400 else None)
    page.on("pageerror", lambda error: tab.problems.append(f"script error: {error}"))
    return tab


def check_pages(browser: Browser, urls: list[str]) -> dict[str, list[str]]:
    """Every problem of each page: console errors, other hosts, accessibility.

    The pages are tabs of one browser profile, as a reader's visits are: the style sheets,
    scripts and axe-core are loaded and compiled once, which halves the gate's CPU time.
    A shared file is still checked, on the first page that asks for it. Each tab goes on
    to its next page once the last is checked, keeping its renderer process: a new tab
    per page cost half as much CPU time again (134 against 87 s on the real site).
    """
    context = browser.new_context()
    try:
        return _check_pages_in(context, urls)
    finally:
        context.close()


def _check_pages_in(context: BrowserContext, urls: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {url: [] for url in urls}
    tabs = [_watched_tab(context) for _ in range(min(PAGES_AT_ONCE, len(urls)))]
    for start in range(0, len(urls), PAGES_AT_ONCE):
        showing = list(zip(tabs, urls[start:start + PAGES_AT_ONCE], strict=False))
        for tab, url in showing:
            tab.open(url, found[url])
        for tab, _ in showing:
            tab.page.wait_for_load_state("networkidle")
            _start_axe(tab.page)
        for tab, url in showing:
            found[url] += [f"axe {violation}" for violation in _axe_findings(tab.page)]
    return found


def pages(base_url: str, paths: list[str]) -> list[str]:
    """`path: problem` for every problem on every listed page."""
    with chromium() as browser:
        found = check_pages(browser, [base_url + path for path in paths])
    return [f"{path or '/'}: {problem}"
            for path in paths for problem in found[base_url + path]]
