"""HTML to PDF with WeasyPrint, offline, remembering what it has already made.

Every PDF of the project (handouts, forms, role-play kits, posters, the plan report,
the review sheet) is made here. A PDF is stored under `.cache/handouts/` by the hash
of everything it is made from (the whole HTML, its CSS and images inlined, and the
WeasyPrint version), so a build re-renders only the PDFs whose content changed. Beside
it, a note named by the hash of everything the build read (`inputs.py`) says which PDF
that build made: a build that reads exactly the same finds its PDFs without making
their HTML again.

A PDF never fetches anything: only `data:` URLs (inlined QR codes) are read, and any
other address stops the PDF with an error naming it. `later` promises a PDF without
rendering it, so the generator can list the files of a build that nobody writes; a
build renders each promise in worker processes (`workers.py`) from the moment it is made,
so PDFs are rendered on the other cores while the build goes on.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import re
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from hoagiai.cache_files import read_cached, write_whole
from hoagiai.errors import BuildError
from hoagiai.packed import PackedText
from hoagiai.workers import Workers

# Bump to throw every cached PDF away (for a change the hash cannot see).
CACHE_FORMAT = "1"
CACHE_VARIABLE = "HOAGIAI_CACHE_DIR"


def pdf_cache(root: Path) -> Path:
    """Where finished PDFs are kept: `.cache/handouts/` of the project, or $HOAGIAI_CACHE_DIR.

    PDFs are keyed by the hash of their content, so copies of the project (tests,
    CI) can safely share one cache through the variable.
    """
    shared = os.environ.get(CACHE_VARIABLE)
    return Path(shared) if shared else root / ".cache" / "handouts"


@dataclass
class PdfMaker:
    """Renders PDFs into a content-hash cache; counts what it rendered and reused."""

    cache: Path
    inputs: str = ""  # the hash of what the build reads (inputs.py); "" when unknown
    workers: Workers | None = None  # a build's workers: promised PDFs start there at once
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def later(self, name: str, html: str | Callable[[], str]) -> LaterPdf:
        """The PDF of `html`, made (or read from the cache) only when first asked for, or
        ahead in `workers` from now on. Given as a function, the HTML is made only when the
        build that read the same inputs left no note of its PDF."""
        promise = LaterPdf(self, name, html)
        if self.workers is not None:
            promise.start(self.workers)
        return promise

    def pdf(self, name: str, html: str) -> bytes:
        """The PDF of `html`; `name` (a file name without .pdf) keys the cache entry."""
        return self.made_at(name, self.cached_path(name, html), lambda: html)

    def made_at(self, name: str, cached: Path, html: Callable[[], str]) -> bytes:
        """The PDF kept at `cached`, rendered from `html()` when the cache has none."""
        data = read_cached(cached)
        if data is not None:
            self.reused.append(name)
            return data
        return self.keep(name, cached, *_timed_render(name, html()))

    def cached_path(self, name: str, html: str) -> Path:
        """Where the PDF of `html` is kept: its name and the hash of what makes it."""
        key = hashlib.sha256(
            f"{CACHE_FORMAT}\n{_weasyprint_version()}\n{html}".encode()
        ).hexdigest()[:20]
        return self.cache / f"{name}.{key}.pdf"

    def keep(self, name: str, cached: Path, data: bytes, seconds: float) -> bytes:
        """Count a PDF just rendered and store it in the cache in place of older versions."""
        self.seconds += seconds
        self.rendered.append(name)
        self._remove_others(name, "pdf", cached)
        write_whole(cached, data)
        return data

    def noted(self, name: str) -> Path | None:
        """Where the PDF `name` is kept, as the note of a build that read the same inputs
        says; None without such a note."""
        if not self.inputs:
            return None
        note = read_cached(self._note(name))
        kept = note.decode(errors="replace") if note else ""
        return self.cache / kept if _kept_name(name, "pdf").fullmatch(kept) else None

    def note(self, name: str, cached: Path) -> None:
        """Note that a build reading these inputs keeps the PDF `name` at `cached`."""
        if self.inputs:
            note = self._note(name)
            self._remove_others(name, "input", note)
            write_whole(note, cached.name.encode())

    def _note(self, name: str) -> Path:
        return self.cache / f"{name}.{self.inputs}.input"

    def _remove_others(self, name: str, suffix: str, kept: Path) -> None:
        """Remove the files of `name` with `suffix` but `kept` (not those of a longer name
        that starts the same, "x.en" beside "x"), which is about to be written."""
        own = _kept_name(name, suffix)
        for stale in [other for other in self._names if own.fullmatch(other)]:
            if stale != kept.name:
                (self.cache / stale).unlink(missing_ok=True)
                self._names.discard(stale)
        self._names.add(kept.name)

    @functools.cached_property
    def _names(self) -> set[str]:
        """The names of the files in the cache, listed once (a build writes every note)."""
        try:
            return {entry.name for entry in os.scandir(self.cache)}
        except FileNotFoundError:
            return set()


def _kept_name(name: str, suffix: str) -> re.Pattern[str]:
    """The file names of `name` in the cache: `name.<20 hex digits>.<suffix>`."""
    return re.compile(rf"{re.escape(name)}\.[0-9a-f]{{20}}\.{suffix}")


class LaterPdf:
    """A PDF `PdfMaker.later` promised: made when first called, in this process, or ahead
    in a worker process once `start`ed; either way cached like `PdfMaker.pdf` and kept."""

    def __init__(self, maker: PdfMaker, name: str, html: str | Callable[[], str]) -> None:
        self._maker, self._name = maker, name
        noted = maker.noted(name) if callable(html) else None
        self._html: Callable[[], str] | None  # until the PDF is made
        if noted is not None:
            self._cached, self._html = noted, html  # the HTML is made only if the PDF is gone
        else:
            text = html() if callable(html) else html
            self._cached = maker.cached_path(name, text)
            self._html = PackedText(text)
            if callable(html):
                maker.note(name, self._cached)
        self._started: tuple[Future, Workers] | None = None
        self._data: bytes | None = None

    def start(self, workers: Workers) -> None:
        """Render in `workers` now, unless the cache already has this PDF."""
        if self._html is not None and self._started is None and not self._cached.is_file():
            packed = PackedText(self._html())
            self._started = workers.submit(_timed_render_packed, self._name, packed), workers

    def __call__(self) -> bytes:
        if self._data is None:
            if self._started is not None:  # a refused address raises here, as in this process
                rendering, workers = self._started
                try:
                    self._data = self._maker.keep(self._name, self._cached, *rendering.result())
                finally:
                    workers.collected()
            else:
                assert self._html is not None
                self._data = self._maker.made_at(self._name, self._cached, self._html)
            self._html = None  # no longer needed: the page text is not kept to the end
        return self._data


def _timed_render(name: str, html: str) -> tuple[bytes, float]:
    """The PDF of `html` and the seconds it took."""
    started = time.perf_counter()
    data = _render(_weasyprint(), name, html)
    return data, time.perf_counter() - started


def _timed_render_packed(name: str, html: PackedText) -> tuple[bytes, float]:
    """`_timed_render` in a worker process (the HTML travels packed)."""
    return _timed_render(name, html())


def _render(weasyprint: ModuleType, name: str, html: str) -> bytes:
    fetcher = _data_only_fetcher()(allowed_protocols={"data"})
    try:
        return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(
            font_config=_font_config())
    except weasyprint.urls.FatalURLFetchingError as refused:
        raise BuildError(
            f"Không tạo được PDF “{name}”: tài liệu in không được tải gì từ ngoài, mà nó trỏ "
            f"tới {refused} — hãy nhúng nội dung đó vào (địa chỉ data:) hoặc bỏ đi. / "
            f"Cannot make the PDF “{name}”: a printable may not load anything, but it points "
            f"to {refused} — inline it (a data: URL) or remove it."
        ) from None


@functools.cache
def _data_only_fetcher() -> Any:
    """A WeasyPrint URL fetcher class that reads `data:` URLs and stops the PDF at any other.

    WeasyPrint only warns about a resource it cannot load; a fatal error stops it."""
    urls = _weasyprint().urls

    class DataOnly(urls.URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.lower().startswith("data:"):
                raise urls.FatalURLFetchingError(url)
            return super().fetch(url, headers)

    return DataOnly


@functools.cache
def _font_config() -> Any:
    """One font configuration for every PDF a process renders: the fonts found once serve
    them all (the same bytes as a configuration per PDF, a sixth less time and memory)."""
    return importlib.import_module("weasyprint.text.fonts").FontConfiguration()


@functools.cache
def _weasyprint_version() -> str:
    """WeasyPrint's version, without importing it (40 MB) where PDFs are rendered elsewhere."""
    try:
        return importlib.metadata.version("weasyprint")
    except importlib.metadata.PackageNotFoundError:
        return _weasyprint().__version__  # stops with the message on what to install


def _weasyprint() -> ModuleType:
    """WeasyPrint, imported when first needed: it loads Debian's Pango, which may be missing."""
    try:
        import weasyprint
        import weasyprint.urls
    except (ImportError, OSError) as error:  # OSError: the Pango library is missing
        raise BuildError(
            "Không tạo được PDF: thiếu thư viện Pango — cài gói Debian "
            "“libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core” rồi chạy lại. / "
            "Cannot make PDFs: the Pango library is missing — install the Debian packages "
            f"“libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core” and run again. ({error})"
        ) from error
    return weasyprint
