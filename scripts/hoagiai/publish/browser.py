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
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from hoagiai.errors import UsageError

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

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
def _axe() -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def axe_violations(page: Page, within: str | None = None) -> list[str]:
    """`rule (impact): first offending element` for every axe-core violation on the page.

    `within` (a CSS selector) checks only that part of the page, for a component
    tested in a state the rest of the page is not (an open dialog on a phone).
    """
    result = _axe().run(page, context={"include": [[within]]} if within else None)
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:160]}"
        for v in result.response["violations"]
    ]


def check_page(browser: Browser, url: str) -> list[str]:
    """Every problem of one page: console errors, other hosts, accessibility."""
    own_host = urlsplit(url).netloc
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(f"console: {message.text}")
            if message.type == "error" and not message.text.startswith(_LOAD_FAILED) else None)
    page.on("response", lambda response: problems.append(
        f"HTTP {response.status}: {response.url}") if response.status >= 400 else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("request", lambda request: problems.append(f"other host: {request.url}")
            if urlsplit(request.url).netloc not in (own_host, "") else None)
    try:
        if page.goto(url, wait_until="networkidle") is None:
            problems.append("no answer")
        problems += [f"axe {violation}" for violation in axe_violations(page)]
    finally:
        page.close()
    return problems


def pages(base_url: str, paths: list[str]) -> list[str]:
    """`path: problem` for every problem on every listed page."""
    with chromium() as browser:
        return [f"{path or '/'}: {problem}"
                for path in paths for problem in check_page(browser, base_url + path)]
