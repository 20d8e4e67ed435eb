"""What a real browser fetches when it opens a page for the first time.

A page's HTML names its stylesheets and scripts, but Material's bundle then
starts more by itself (the search worker, lunr's language files, the search
index, sitemaps for the language switcher). Debian's Chromium, driven by
Playwright (installed with requirements-test.txt), opens a few pages of the
built site served from a local HTTP server and reports every file they fetch.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from hoagiai.publish.browser import CHROMIUM, chromium

QUIET_MS, QUIET_TRIES = 1000, 10


def available() -> bool:
    """Whether Playwright and Debian's Chromium are installed."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).exists()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Requests are reported by the browser, not logged here."""


@contextmanager
def static_server(site: Path, handler_class: type[SimpleHTTPRequestHandler] = _QuietHandler,
                  ) -> Iterator[str]:
    """`site` served over HTTP on a free loopback port; yields the base URL."""
    handler = functools.partial(handler_class, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _settle(page: Any, requested: list[list[str]]) -> None:
    """Wait until a whole quiet second passes on every page: scripts start fetches after
    the load event. (`page` lends its timer: Playwright delivers every page's events while
    it waits, which a plain sleep would hold back.)"""
    for _ in range(QUIET_TRIES):
        seen = [len(urls) for urls in requested]
        page.wait_for_timeout(QUIET_MS)
        if [len(urls) for urls in requested] == seen:
            return


def fetched_files(site: Path, urls: list[str]) -> dict[str, list[str]]:
    """For each site-relative page URL, the site-relative paths the browser requested.

    The pages are opened together, each in a profile of its own (a first visit, service
    workers blocked): what one page fetches does not depend on the others, and most of
    the time is spent waiting for the network to go quiet."""
    with static_server(site) as base, chromium() as browser:
        contexts = [browser.new_context(service_workers="block") for _ in urls]
        requested: list[list[str]] = [[] for _ in urls]
        pages = []
        for context, into in zip(contexts, requested, strict=True):
            page = context.new_page()
            page.on("request", lambda request, into=into: into.append(request.url))
            pages.append(page)
        for page, url in zip(pages, urls, strict=True):
            page.goto(base + url, wait_until="commit")
        for page in pages:
            page.wait_for_load_state("networkidle")
        if pages:
            _settle(pages[0], requested)
        for context in contexts:
            context.close()
    return {
        url: [urlsplit(address).path.lstrip("/") for address in into
              if address.startswith(base) and address != base + url]
        for url, into in zip(urls, requested, strict=True)
    }
