"""One page of every kind in headless Chromium, served as in production (CSP enforced).

For each page: axe-core finds no accessibility violation of any impact, the console
shows no error (a Content-Security-Policy violation is one), and nothing is requested
from another host. Playwright and axe-core come with requirements-test.txt; they are
imported only when this gate runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
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


def _watched_page(context: BrowserContext, url: str, problems: list[str]) -> Page:
    """A new tab for `url` that records console errors, failed answers and requests to
    other hosts into `problems`."""
    own_host = urlsplit(url).netloc
    page = context.new_page()
    page.add_init_script(_axe_script())  # loaded with the page, in its own process
    page.on("request", lambda request: problems.append(f"other host: {request.url}")
            if urlsplit(request.url).netloc not in (own_host, "") else None)
    page.on("console", lambda message: problems.append(f"console: {message.text}")
            if message.type == "error" and not message.text.startswith(_LOAD_FAILED) else None)
    page.on("response", lambda response: problems.append(
        f"HTTP {response.status}: {response.url}") if response.status >= 400 else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    return page


def check_pages(browser: Browser, urls: list[str]) -> dict[str, list[str]]:
    """Every problem of each page: console errors, other hosts, accessibility.

    The pages are tabs of one browser profile, as a reader's visits are: the style sheets,
    scripts and axe-core are loaded and compiled once, which halves the gate's CPU time.
    A shared file is still checked, on the first page that asks for it.
    """
    context = browser.new_context()
    try:
        return _check_pages_in(context, urls)
    finally:
        context.close()


def _check_pages_in(context: BrowserContext, urls: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for start in range(0, len(urls), PAGES_AT_ONCE):
        opened: list[tuple[str, Page]] = []
        for url in urls[start:start + PAGES_AT_ONCE]:
            problems = found.setdefault(url, [])
            page = _watched_page(context, url, problems)
            if page.goto(url, wait_until="commit") is None:
                problems.append("no answer")
            opened.append((url, page))
        try:
            for _, page in opened:
                page.wait_for_load_state("networkidle")
                _start_axe(page)
            for url, page in opened:
                found[url] += [f"axe {violation}" for violation in _axe_findings(page)]
        finally:
            for _, page in opened:
                page.close()
    return found


def pages(base_url: str, paths: list[str]) -> list[str]:
    """`path: problem` for every problem on every listed page."""
    with chromium() as browser:
        found = check_pages(browser, [base_url + path for path in paths])
    return [f"{path or '/'}: {problem}"
            for path in paths for problem in found[base_url + path]]
