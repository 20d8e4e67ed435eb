"""What a search query costs a phone: the requests and gzip bytes it causes after page load.

The built site is served gzip-compressed from localhost; Chromium opens the Vietnamese
home page, waits until it is quiet, then types `QUERIES` one after the other into the
search box. Every response that ends between a query's first keystroke and its results
on screen is counted with its body size as sent (gzip). The first query pays for the
search engine and the head of the index too; each further one only for what it adds.
Works on the project's site (our search box) and on stock Material's (its own box,
whose index loads with the page: that is counted apart, as `at_load`).

The same pass times each query as a phone feels it (`visible_ms`): the page is a 390-px
Android phone whose CPU Chromium slows down 4× (`Emulation.setCPUThrottlingRate`), and
a probe in the page (`PROBE`) notes, with resource timing, when the last byte of what the
query fetched arrived, and, with a MutationObserver on the results list, the animation
frame that drew its last change. The time between the two (or from the keystroke when
the query fetched nothing) is how long the reader waits once the network is done.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hoagiai.bench.browser import static_server
from hoagiai.bench.search import GzipHandler
from hoagiai.publish.browser import chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

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
SEARCH_BUTTON = ".md-header__button[for=__search]"  # the magnifier that opens search on a phone
OUR_LIST, STOCK_LIST = "#hg-search-results", ".md-search-result"
SETTLE_MS, SETTLE_TRIES = 100, 50
QUIET_MS = 400  # stock Material shows results without a busy flag: wait for quiet instead
DRAWN_QUIET_MS = 250  # the results list counts as drawn once it has not changed for this long
# The phone of the issue: Chromium's Android emulation, its CPU slowed down 4 times.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}
CPU_SLOWDOWN = 4
PROBE = (Path(__file__).with_name("search_probe.js")).read_text(encoding="utf-8")


@dataclass(frozen=True)
class QueryTransfer:
    query: str
    requests: int
    gzip_bytes: int
    urls: tuple[str, ...] = ()  # what it fetched
    visible_ms: float | None = None  # last byte (or keystroke) to results drawn; None: unseen


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

    @property
    def visible_times(self) -> tuple[float, ...]:
        """Each query's wait for its results (ms); a query whose results never showed counts
        as infinitely long."""
        return tuple(math.inf if q.visible_ms is None else q.visible_ms for q in self.queries)

    @property
    def median_visible_ms(self) -> float:
        return statistics.median(self.visible_times)

    @property
    def slowest(self) -> QueryTransfer:
        return max(self.queries, key=lambda q: math.inf if q.visible_ms is None else q.visible_ms)


def measure_search_transfer(site: Path, queries: tuple[str, ...] = QUERIES) -> SearchTransfer:
    """Serve `site` gzip-compressed and weigh `queries` typed on its Vietnamese home page, on
    a phone whose CPU is slowed down `CPU_SLOWDOWN` times."""
    with static_server(site, GzipHandler) as base, chromium() as browser:
        page = slow_phone(browser)
        try:
            return weigh_queries(page, base, queries)
        finally:
            page.context.close()


def slow_phone(browser: Browser) -> Page:
    """A page in a fresh phone context, its CPU slowed down, service workers blocked (what
    the network carries, not the offline cache)."""
    context = browser.new_context(service_workers="block", **PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return page


def weigh_queries(page: Page, base: str, queries: tuple[str, ...] = QUERIES) -> SearchTransfer:
    """Open `base` (a site's Vietnamese home page) in `page` and weigh each query typed."""
    sizes: list[tuple[str, int]] = []
    started: list[str] = []
    page.on("request", lambda request: started.append(request.url))
    page.on("requestfinished", lambda request: sizes.append(
        (request.url, request.sizes()["responseBodySize"])))
    page.on("requestfailed", lambda request: sizes.append((request.url, 0)))
    page.add_init_script(PROBE)
    page.goto(base, wait_until="networkidle")
    ours = page.query_selector("[data-hg-search]") is not None
    page.evaluate("list => window.hoagiaiProbe.watch(list)", OUR_LIST if ours else STOCK_LIST)
    at_load = sum(size for url, size in sizes if "search" in url.removeprefix(base))
    measured = []
    for query in queries:
        sizes.clear()
        started.clear()
        page.evaluate("window.hoagiaiProbe.start()")
        _type(page, query, ours)
        _settle(page, started, sizes)
        visible = page.evaluate("quiet => window.hoagiaiProbe.visibleAfter(quiet)", DRAWN_QUIET_MS)
        measured.append(QueryTransfer(query, len(sizes), sum(size for _, size in sizes),
                                      tuple(url for url, _ in sizes), visible))
    return SearchTransfer(tuple(measured), at_load)


def _type(page: Page, query: str, ours: bool) -> None:
    box = page.locator(OUR_BOX if ours else STOCK_BOX).first
    magnifier = page.locator(SEARCH_BUTTON).first
    if not box.is_visible() and magnifier.count() and magnifier.is_visible():
        magnifier.click()  # on a phone the box hides behind the header's magnifier
    if ours:
        page.fill(OUR_BOX, query)
        page.wait_for_selector(OUR_DONE, state="attached")
        return
    page.fill(STOCK_BOX, query)
    page.press(STOCK_BOX, "End")  # Material searches on keyup, which filling does not send
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(QUIET_MS)


def _settle(page: Page, started: list[str], sizes: list[tuple[str, int]]) -> None:
    """Wait until every request the query started has finished (events can lag behind)."""
    for _ in range(SETTLE_TRIES):
        if len(sizes) >= len(started):
            return
        page.wait_for_timeout(SETTLE_MS)
