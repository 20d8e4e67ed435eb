"""HTML to PDF with WeasyPrint, offline, remembering what it has already made.

A PDF is stored under `.cache/handouts/` by the hash of everything it is made
from (the whole HTML, its CSS and images inlined, and the WeasyPrint version), so
a build re-renders only the PDFs whose module, template or date changed.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from hoagiai.errors import BuildError

# Bump to throw every cached PDF away (for a change the hash cannot see).
CACHE_FORMAT = "1"


@dataclass
class PdfMaker:
    """Renders PDFs into a content-hash cache; counts what it rendered and reused."""

    cache: Path
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def pdf(self, name: str, html: str) -> bytes:
        """The PDF of `html`; `name` (a file name without .pdf) keys the cache entry."""
        weasyprint = _weasyprint()
        key = hashlib.sha256(
            f"{CACHE_FORMAT}\n{weasyprint.__version__}\n{html}".encode()
        ).hexdigest()[:20]
        cached = self.cache / f"{name}.{key}.pdf"
        if cached.exists():
            self.reused.append(name)
            return cached.read_bytes()
        started = time.perf_counter()
        # Only data: URLs (inlined QR codes) may be read: a PDF never fetches anything.
        fetcher = weasyprint.urls.URLFetcher(allowed_protocols={"data"})
        data = weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
        self.seconds += time.perf_counter() - started
        self.rendered.append(name)
        self.cache.mkdir(parents=True, exist_ok=True)
        for stale in self.cache.glob(f"{name}.*.pdf"):
            stale.unlink(missing_ok=True)
        # Written whole, then renamed: parallel builds (the tests' workers) share the cache.
        part = cached.with_name(f"{cached.name}.{os.getpid()}.part")
        part.write_bytes(data)
        part.replace(cached)
        return data


def _weasyprint() -> ModuleType:
    """WeasyPrint, imported when first needed: it loads Debian's Pango, which may be missing."""
    try:
        import weasyprint
        import weasyprint.urls
    except OSError as error:
        raise BuildError(
            "Không tạo được PDF: thiếu thư viện Pango — cài gói Debian "
            "“libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core” rồi chạy lại. / "
            "Cannot make PDFs: the Pango library is missing — install the Debian packages "
            f"“libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core” and run again. ({error})"
        ) from error
    return weasyprint
