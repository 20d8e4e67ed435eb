"""QR codes that lead from paper to the module's page (segno, pure Python)."""

from __future__ import annotations

import functools
import io

import segno

_STYLE = {"scale": 4, "border": 2, "dark": "#000", "light": "#fff"}


def _code(url: str) -> segno.QRCode:
    # Medium error correction still reads from a smudged photocopy.
    return segno.make(url, error="m", micro=False)


@functools.lru_cache(maxsize=256)  # mkdocs serve remakes every handout after any edit
def qr_svg(url: str, title: str) -> str:
    """A standalone SVG file of the QR code for `url`."""
    buffer = io.BytesIO()
    _code(url).save(buffer, kind="svg", title=title, **_STYLE)
    return buffer.getvalue().decode("utf-8")


@functools.lru_cache(maxsize=256)
def qr_data_uri(url: str) -> str:
    """The same code as a `data:` URI, to inline in a PDF's HTML."""
    return _code(url).svg_data_uri(**_STYLE)
