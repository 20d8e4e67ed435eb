"""What a search query costs a phone on the real site, served by nginx (gzip as deployed):
the requests it causes after the page has loaded, and their bytes as sent."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from hoagiai.bench.searchquery import QUERIES, weigh_queries
from hoagiai.bench.targets import FURTHER_QUERY_LIMIT, REAL_FIRST_QUERY_LIMIT

pytestmark = [pytest.mark.browser, pytest.mark.server]

# What a query may fetch: the engine, its stylesheet and the head of the index on the first
# query only, then the index's parts (see scripts/hoagiai/search/shards.py).
FIRST_ONLY = re.compile(r"^(assets/js/search-engine\.js|assets/css/search\.css|search/vi\.js)$")
PARTS = re.compile(r"^search/vi/(w/[a-z0-9_]+|p/\d+|s/\d+)\.js$")


def test_queries_fetch_only_the_parts_they_need(browser: Browser, site_server: str) -> None:
    page = browser.new_page(service_workers="block")  # what the network carries
    transfer = weigh_queries(page, site_server, QUERIES)
    page.close()
    first, further = transfer.first, transfer.further
    assert 0 < first.gzip_bytes <= REAL_FIRST_QUERY_LIMIT, first
    assert all(query.gzip_bytes <= FURTHER_QUERY_LIMIT for query in further), further
    paths = [url.removeprefix(site_server) for query in transfer.queries for url in query.urls]
    assert all(url.startswith(site_server) for query in transfer.queries for url in query.urls)
    assert {urlsplit(site_server).netloc} == {urlsplit(url).netloc for q in transfer.queries
                                              for url in q.urls}
    assert all(FIRST_ONLY.match(path) or PARTS.match(path) for path in paths), paths
    first_paths = {url.removeprefix(site_server) for url in first.urls}
    assert {path for path in paths if FIRST_ONLY.match(path)} <= first_paths
    assert len(paths) == len(set(paths)), "a part was fetched twice"
    # A query repeated fetches nothing more; a query sharing no shard fetches something.
    page = browser.new_page(service_workers="block")
    again = weigh_queries(page, site_server, (QUERIES[0], QUERIES[0]))
    page.close()
    assert again.further[0].requests == 0 and again.first.requests > 3
