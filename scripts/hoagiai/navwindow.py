"""Which pages of a long section the sidebar shows: a window around the page being read.

Material puts every page of the site in every page's sidebar, so each page
grows with the site and a build takes time proportional to pages × pages.
With `navigation.prune` only the current section is expanded; this module
bounds that too: a section with more than `limit` entries shows the `limit`
entries around the current one and says how many are left out on each side
(its index page lists them all). Plain Python over anything with `.active`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

DEFAULT_LIMIT = 15


@dataclass(frozen=True)
class Window:
    """The entries to show, and how many entries were left out before and after them."""

    items: Sequence[Any]
    hidden_before: int
    hidden_after: int


def window(entries: Sequence[Any], limit: int = DEFAULT_LIMIT) -> Window:
    """At most `limit` of `entries`, centred on the active one (the first ones if none is)."""
    if len(entries) <= limit:
        return Window(entries, 0, 0)
    active = next((i for i, entry in enumerate(entries) if getattr(entry, "active", False)), 0)
    start = min(max(active - limit // 2, 0), len(entries) - limit)
    return Window(entries[start:start + limit], start, len(entries) - start - limit)
