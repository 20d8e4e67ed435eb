"""What a search query costs a phone: the requests and gzip bytes it causes after page load.

The built site is served gzip-compressed from localhost; Chromium opens the Vietnamese
home page, waits until it is quiet, then types `QUERIES` one after the other into the
search box. Every response that ends between a query's first keystroke and its results
on screen is counted with its body size as sent (gzip). The first query pays for the
search engine and the head of the index too; each further one only for what it adds.
Works on the project's site (our search box) and on stock Material's (its own box,
whose index loads with the page: that is counted apart, as `at_load`).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hoagiai.bench.browser import static_server
from hoagiai.bench.search import GzipHandler
from hoagiai.publish.browser import chromium

if TYPE_CHECKING:
    from playwright.sync_api import Page

# Twenty queries as people type them on the Vietnamese site: with and without accents,
# capitals, old tone placement, short and long.
QUERIES = (
    "hòa giải ở cơ sở là gì", "hoa giai vien", "kỹ năng hòa giải", "lang nghe",
    "đối thoại tại tòa án", "to hoa giai 5 tot", "thu lao", "bieu mau", "quyền riêng tư",
    "tranh chấp đất đai", "HÒA GIẢI THÀNH", "số hoá", "công nhận kết quả", "bạo lực gia đình",
    "trưởng thôn", "thuong phuc", "mâu thuẫn hàng xóm", "quyết định", "biên bản", "luật",
)
OUR_BOX, OUR_DONE = ".md-search input[name=q]", "#hg-search-results:not([aria-busy])"
STOCK_BOX = "input[data-md-component=search-query]"
SETTLE_MS, SETTLE_TRIES = 100, 50
QUIET_MS = 400  # stock Material shows results without a busy flag: wait for quiet instead


@dataclass(frozen=True)
class QueryTransfer:
    query: str
    requests: int
    gzip_bytes: int
    urls: tuple[str, ...] = ()  # what it fetched


@dataclass(frozen=True)
class SearchTransfer:
    """The queries in the order typed; `at_load` is what the page fetched for search itself."""

    queries: tuple[QueryTransfer, ...]
    at_load_gzip: int

    @property
    def first(self) -> QueryTransfer:
        return self.queries[0]

    @property
    def further(self) -> tuple[QueryTransfer, ...]:
        return self.queries[1:]

    @property
    def median_gzip(self) -> float:
        return statistics.median(query.gzip_bytes for query in self.queries)

    @property
    def heaviest_further(self) -> QueryTransfer | None:
        return max(self.further, key=lambda query: query.gzip_bytes, default=None)


def measure_search_transfer(site: Path, queries: tuple[str, ...] = QUERIES) -> SearchTransfer:
    """Serve `site` gzip-compressed and weigh `queries` typed on its Vietnamese home page."""
    with static_server(site, GzipHandler) as base, chromium() as browser:
        page = browser.new_page(service_workers="block")  # the network, not the offline cache
        try:
            return weigh_queries(page, base, queries)
        finally:
            page.close()


def weigh_queries(page: Page, base: str, queries: tuple[str, ...] = QUERIES) -> SearchTransfer:
    """Open `base` (a site's Vietnamese home page) in `page` and weigh each query typed."""
    sizes: list[tuple[str, int]] = []
    started: list[str] = []
    page.on("request", lambda request: started.append(request.url))
    page.on("requestfinished", lambda request: sizes.append(
        (request.url, request.sizes()["responseBodySize"])))
    page.on("requestfailed", lambda request: sizes.append((request.url, 0)))
    page.goto(base, wait_until="networkidle")
    ours = page.query_selector("[data-hg-search]") is not None
    at_load = sum(size for url, size in sizes if "search" in url.removeprefix(base))
    measured = []
    for query in queries:
        sizes.clear()
        started.clear()
        _type(page, query, ours)
        _settle(page, started, sizes)
        measured.append(QueryTransfer(query, len(sizes), sum(size for _, size in sizes),
                                      tuple(url for url, _ in sizes)))
    return SearchTransfer(tuple(measured), at_load)


def _type(page: Page, query: str, ours: bool) -> None:
    if ours:
        page.fill(OUR_BOX, query)
        page.wait_for_selector(OUR_DONE, state="attached")
        return
    page.fill(STOCK_BOX, query)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(QUIET_MS)


def _settle(page: Page, started: list[str], sizes: list[tuple[str, int]]) -> None:
    """Wait until every request the query started has finished (events can lag behind)."""
    for _ in range(SETTLE_TRIES):
        if len(sizes) >= len(started):
            return
        page.wait_for_timeout(SETTLE_MS)
