"""Text kept compressed until it is asked for.

A build makes every generated page and printable of both languages before MkDocs renders
the first language, and holds them until each is written; packed, they take a sixth of the
memory (compressing at level 1 costs a few milliseconds per megabyte).
"""

from __future__ import annotations

import zlib


class PackedText:
    """`text`, compressed; calling it gives the text back."""

    def __init__(self, text: str) -> None:
        self._packed = zlib.compress(text.encode("utf-8"), 1)

    @property
    def packed_bytes(self) -> int:
        return len(self._packed)

    def __call__(self) -> str:
        return zlib.decompress(self._packed).decode("utf-8")
