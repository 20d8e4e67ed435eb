"""Search benchmark: index size per language, indexing time, time to first result.

Figures, not a test: `python -m hoagiai.bench.search` prints them, and
`benchmark(root)` returns them for `hoagiai bench`. Measured on the real site (built
into a temporary folder) and on a large made-up site (`search_pages.py`), whose index
replaces the Vietnamese one in a copy of the real build, so the real page and client
are timed. Time to first result is measured in Chromium (Playwright, the test
dependency), from the first keystroke to results on screen: it includes loading the
engine and index on first use and the client's 100 ms pause after typing. The site is
served gzip-compressed from localhost, once as is and once through a slow phone link
(Chromium's network and CPU throttling).
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from hoagiai.bench.browser import static_server
from hoagiai.bench.search_pages import pages as synthetic_pages
from hoagiai.publish.browser import chromium
from hoagiai.search.html_text import sections
from hoagiai.search.index import IndexedPage, build_index
from hoagiai.search.shards import split_index
from hoagiai.urls import language_of_url, localized_path

if TYPE_CHECKING:
    from playwright.sync_api import Browser

# A slow mobile link (like Chrome's "Slow 3G") and a phone four times slower than this CPU.
SLOW_LINK = {"offline": False, "latency": 400, "downloadThroughput": 50_000,
             "uploadThroughput": 50_000}
SLOW_CPU = 4
QUERIES = {"vi": ("hoa giai", "hòa giải ở cơ sở"), "en": ("mediation", "mediator skills")}
_TIME_TO_RESULTS = """async query => {
  const list = document.getElementById("hg-search-results");
  const box = document.querySelector(".md-search input[name=q]");
  const start = performance.now();
  const shown = new Promise(resolve => new MutationObserver((_, observer) => {
    if (!list.hasAttribute("aria-busy")) { observer.disconnect(); resolve(); }
  }).observe(list, {attributes: true, attributeFilter: ["aria-busy"]}));
  box.focus();
  box.value = query;
  box.dispatchEvent(new Event("input", {bubbles: true}));
  await shown;
  return [performance.now() - start, list.children.length];
}"""


@dataclass(frozen=True)
class Figure:
    """One measured number."""

    subject: str  # what was measured: "real site, vi"
    name: str  # "index size (gzip)"
    value: float
    unit: str  # "KB", "ms", "s", ""

    def __str__(self) -> str:
        whole = self.value >= 100 or not self.unit
        shown = f"{self.value:,.0f}" if whole else f"{self.value:.1f}"
        return f"{self.subject:<24} {self.name:<52} {shown:>9} {self.unit}"


def benchmark(root: Path, synthetic: int = 2000, report: Callable[[Figure], None] = print,
              timings: bool = True, browser: Browser | None = None,
              built: Path | None = None) -> list[Figure]:
    """Every figure, each passed to `report` as soon as it is known.

    `timings=False` skips Chromium; `browser` is a Playwright browser to use (one is
    launched otherwise); `built` is the site already built from `root` (read, never
    changed; built here otherwise, and the build timed).
    """
    figures: list[Figure] = []

    def note(subject: str, name: str, value: float, unit: str) -> None:
        figures.append(Figure(subject, name, value, unit))
        report(figures[-1])

    with tempfile.TemporaryDirectory(prefix="hoagiai-search-bench-") as work:
        site = built or Path(work) / "site"
        if built is None:
            started = time.perf_counter()
            _build(root, site)
            note("real site", "mkdocs build, both languages", time.perf_counter() - started, "s")
        for name in ("search.js", "search-engine.js"):
            _sizes(note, "client", name, (site / "assets" / "js" / name).read_bytes())
        for lang in ("vi", "en"):
            subject = f"real site, {lang}"
            _sizes(note, subject, "index", (site / "search" / f"{lang}.js").read_bytes())
            _part_sizes(note, subject, site / "search" / lang)
            _indexing(note, subject, list(_built_pages(site, lang)), lang)
        subject = f"synthetic, {synthetic} pages"
        index = _indexing(note, subject, list(synthetic_pages(synthetic)), "vi")
        synthetic_site = Path(work) / "synthetic"
        shutil.copytree(site, synthetic_site)
        split_index(index, "search/vi.js").write_into(synthetic_site)
        _sizes(note, subject, "index", (synthetic_site / "search" / "vi.js").read_bytes())
        _part_sizes(note, subject, synthetic_site / "search" / "vi")
        if timings:
            with _chromium(browser) as chromium:
                for lang in ("vi", "en"):
                    _time_to_results(note, f"real site, {lang}", site, lang, chromium)
                _time_to_results(note, subject, synthetic_site, "vi", chromium)
    return figures


def _build(root: Path, site: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                   cwd=root, check=True, capture_output=True)


def _sizes(note: Callable, subject: str, name: str, data: bytes) -> None:
    note(subject, f"{name} size (raw)", len(data) / 1024, "KB")
    note(subject, f"{name} size (gzip)", len(gzip.compress(data, 9)) / 1024, "KB")


def _part_sizes(note: Callable, subject: str, folder: Path) -> None:
    """The parts beside the head (shards.py), each compressed on its own as it is sent."""
    for kind, name in (("w", "term shards"), ("p", "page outlines"), ("s", "section texts")):
        sizes = [len(gzip.compress(path.read_bytes(), 9)) for path in (folder / kind).glob("*.js")]
        note(subject, f"{name}: files", len(sizes), "")
        note(subject, f"{name}: largest (gzip)", max(sizes, default=0) / 1024, "KB")


def _indexing(note: Callable, subject: str, found: list[tuple[str, str, str, str]],
              lang: str) -> dict:
    """Time what the build adds per language: HTML to sections, then the index."""
    started = time.perf_counter()
    indexed = [IndexedPage(url, title, description, tuple(sections(html)))
               for url, title, description, html in found]
    index = build_index(indexed, lang)
    split_index(index, f"search/{lang}.js")
    note(subject, "indexing time (sections + index)", (time.perf_counter() - started) * 1000,
         "ms")
    note(subject, "pages", len(indexed), "")
    note(subject, "sections", len(index["docs"]), "")
    note(subject, "distinct words", sum(len(forms) for _, forms in index["words"]), "")
    return index


def _built_pages(site: Path, lang: str) -> Iterator[tuple[str, str, str, str]]:
    """The article of every built page of `lang`: close to what the build indexes."""
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        if language_of_url(url) != lang or url.startswith("search/"):
            continue
        html = path.read_text(encoding="utf-8")
        start = html.find("<article")
        if start >= 0:
            yield url, url, "", html[start:html.index("</article>", start)]


@contextmanager
def _chromium(browser: Browser | None) -> Iterator[Browser]:
    """The browser given (pytest's), or Debian's Chromium launched for this run."""
    if browser is not None:
        yield browser
        return
    with chromium() as launched:
        yield launched


def _time_to_results(note: Callable, subject: str, site: Path, lang: str,
                     browser: Browser) -> None:
    start_page = localized_path("", lang)
    first, second = QUERIES[lang]
    with static_server(site, GzipHandler) as base:
        # Compress the index before timing: a real host does it once, not per visitor.
        index = urllib.request.Request(f"{base}search/{lang}.js",
                                       headers={"Accept-Encoding": "gzip"})
        urllib.request.urlopen(index).read()
        for link, slow in (("localhost", False), ("slow 3G, 4x slower CPU", True)):
            page = browser.new_page()
            if slow:
                session = page.context.new_cdp_session(page)
                session.send("Network.enable")
                session.send("Network.emulateNetworkConditions", SLOW_LINK)
                session.send("Emulation.setCPUThrottlingRate", {"rate": SLOW_CPU})
            page.goto(base + start_page, wait_until="load")
            cold, count = page.evaluate(_TIME_TO_RESULTS, first)
            warm, _ = page.evaluate(_TIME_TO_RESULTS, second)
            note(subject, f"first result, first search ({link})", cold, "ms")
            note(subject, f"first result, next search ({link})", warm, "ms")
            note(subject, f"results listed for '{first}'", count, "")
            page.close()


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed once and kept, as a web host would; quiet."""

    compressed: ClassVar[dict[Path, bytes]] = {}

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        if path not in self.compressed:
            self.compressed[path] = gzip.compress(path.read_bytes(), 6)
        body = self.compressed[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def log_message(self, *args: object) -> None:
        pass


class _Body:
    """The minimal file object `SimpleHTTPRequestHandler` copies a response from."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Search benchmark: index size and speed.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    parser.add_argument("--pages", type=int, default=2000, help="pages of the made-up site")
    parser.add_argument("--no-browser", action="store_true", help="skip Chromium timings")
    parser.add_argument("--site", type=Path, help="the project's site, already built")
    args = parser.parse_args(argv)
    benchmark(args.root, args.pages, timings=not args.no_browser, built=args.site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
