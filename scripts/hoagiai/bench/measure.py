"""Figures read from a built site: page weight, site weight, search index, assets per page.

Pure functions over a folder, so the tests can run them on a handful of files.
Sizes are bytes; "gzip" is what a server compressing at level 6 sends.
"""

from __future__ import annotations

import gzip
import re
import statistics
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from hoagiai.html_tags import start_tags

GZIP_LEVEL = 6
# Where search indexes live: Material's, plus any file a search feature names so.
SEARCH_INDEX_PATTERNS = ("search/search_index.json", "**/search_index.json", "**/search-index*",
                         "search/*.js", "search/*/*/*.js")  # heads and parts (search/shards.py)
NOT_PAGES = ("404.html",)


@cache
def _gzip_size(path: Path, mtime_ns: int) -> int:
    return len(gzip.compress(path.read_bytes(), GZIP_LEVEL))


def gzip_size(path: Path) -> int:
    """Compressed size of a file, remembered for as long as the file is unchanged."""
    return _gzip_size(path, path.stat().st_mtime_ns)


def html_pages(site: Path) -> list[Path]:
    """Every page of the site (its HTML files), without the 404 pages."""
    return sorted(p for p in site.rglob("*.html") if p.name not in NOT_PAGES)


def url_of(site: Path, page: Path) -> str:
    """Site-relative URL of a page: "en/hoc-tap/" for en/hoc-tap/index.html."""
    return page.relative_to(site).as_posix().removesuffix("index.html")


@dataclass(frozen=True)
class PageWeights:
    count: int
    median_bytes: float
    max_bytes: int
    heaviest: str  # URL of the largest page


def page_weights(site: Path) -> PageWeights:
    sizes = {url_of(site, page): page.stat().st_size for page in html_pages(site)}
    heaviest = max(sizes, key=lambda url: sizes[url])
    return PageWeights(len(sizes), statistics.median(sizes.values()), sizes[heaviest], heaviest)


def total_bytes(site: Path) -> int:
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


def search_index_files(site: Path) -> list[Path]:
    found = {path for pattern in SEARCH_INDEX_PATTERNS for path in site.glob(pattern)}
    return sorted(path for path in found if path.is_file())


@dataclass(frozen=True)
class SearchIndexWeight:
    raw_bytes: int
    gzip_bytes: int
    files: tuple[str, ...]


def search_index_weight(site: Path) -> SearchIndexWeight:
    files = search_index_files(site)
    return SearchIndexWeight(
        sum(path.stat().st_size for path in files),
        sum(gzip_size(path) for path in files),
        tuple(path.relative_to(site).as_posix() for path in files),
    )


# Only <link> and <script> tags matter: finding them first spares parsing whole pages,
# which matters for stock pages of 300 KB each.
_ASSET_TAG = re.compile(r"<(?:link|script)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class PageAssets:
    """Site-relative paths of the CSS and JS files a page references."""

    styles: tuple[str, ...]
    scripts: tuple[str, ...]


def site_path(page_url: str, href: str) -> str | None:
    """The site-relative path `href` points to from `page_url`, or None if it leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = urlsplit(urljoin(f"/{page_url}", parts.path)).path
    return PurePosixPath(path).as_posix().lstrip("/")


def page_assets(site: Path, page: Path) -> PageAssets:
    """The stylesheets and scripts the page's HTML asks the browser for."""
    tags = start_tags(page.read_text(encoding="utf-8"), _ASSET_TAG)
    styles = [attrs["href"] for tag, attrs in tags if tag == "link" and attrs.get("href")
              and "stylesheet" in attrs.get("rel", "").split()]
    scripts = [attrs["src"] for tag, attrs in tags if tag == "script" and attrs.get("src")]
    url = url_of(site, page)
    return PageAssets(_inside(url, styles), _inside(url, scripts))


def _inside(page_url: str, hrefs: list[str]) -> tuple[str, ...]:
    paths = (site_path(page_url, href) for href in hrefs)
    return tuple(path for path in paths if path)
