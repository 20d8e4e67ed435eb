"""HTML to PDF with WeasyPrint, offline, remembering what it has already made.

Every PDF of the project (handouts, forms, role-play kits, posters, the plan report,
the review sheet) is made here. A PDF is stored under `.cache/handouts/` by the hash
of everything it is made from (the whole HTML, its CSS and images inlined, and the
WeasyPrint version), so a build re-renders only the PDFs whose content changed.

A PDF never fetches anything: only `data:` URLs (inlined QR codes) are read, and any
other address stops the PDF with an error naming it. `later` promises a PDF without
rendering it, so the generator can list the files of a build that nobody writes.
"""

from __future__ import annotations

import functools
import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from hoagiai.cache_files import read_cached, write_whole
from hoagiai.errors import BuildError

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
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def later(self, name: str, html: str) -> Callable[[], bytes]:
        """The PDF of `html`, made (or read from the cache) only when first asked for."""
        return functools.cache(functools.partial(self.pdf, name, html))

    def pdf(self, name: str, html: str) -> bytes:
        """The PDF of `html`; `name` (a file name without .pdf) keys the cache entry."""
        weasyprint = _weasyprint()
        key = hashlib.sha256(
            f"{CACHE_FORMAT}\n{weasyprint.__version__}\n{html}".encode()
        ).hexdigest()[:20]
        cached = self.cache / f"{name}.{key}.pdf"
        data = read_cached(cached)
        if data is not None:
            self.reused.append(name)
            return data
        started = time.perf_counter()
        data = _render(weasyprint, name, html)
        self.seconds += time.perf_counter() - started
        self.rendered.append(name)
        for stale in self.cache.glob(f"{name}.*.pdf"):
            if stale != cached:
                stale.unlink(missing_ok=True)
        write_whole(cached, data)
        return data


def _render(weasyprint: ModuleType, name: str, html: str) -> bytes:
    fetcher = _data_only_fetcher()(allowed_protocols={"data"})
    try:
        return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
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
