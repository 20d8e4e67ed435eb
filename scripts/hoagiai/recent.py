"""Results of a costly function of a text, kept for the texts seen last.

`mkdocs serve` makes the whole site again after any edit; a result kept under a digest
of its text is made again only for a text the edit changed. The text itself is not kept,
so a build that sees each text once holds little more than the results.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Generic, TypeVar

Result = TypeVar("Result")
_MISSING = object()


def digest(text: str, *salt: str) -> bytes:
    """A 16-byte digest of `text` and of the `salt` strings that also decide the result."""
    hasher = hashlib.blake2b(text.encode(), digest_size=16)
    for part in salt:
        hasher.update(b"\x00" + part.encode())
    return hasher.digest()


class Recent(Generic[Result]):
    """The results for the last `size` texts, the one used longest ago let go first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: dict[bytes, Result] = {}  # the one used longest ago first

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, text: str, make: Callable[[str], Result], *salt: str) -> Result:
        """`make(text)`, kept from an earlier call with the same `text` and `salt` if any.
        `make` must depend on nothing but its text and the salt."""
        key = digest(text, *salt)
        kept = self._kept.pop(key, _MISSING)  # put back below as the newest
        result: Result = make(text) if kept is _MISSING else kept  # type: ignore[assignment]
        self._kept[key] = result
        if len(self._kept) > self.size:
            del self._kept[next(iter(self._kept))]
        return result
