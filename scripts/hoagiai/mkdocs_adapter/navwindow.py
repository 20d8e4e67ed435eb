"""Which pages of a long section the sidebar shows: a window around the page being read.

Material puts every page of the site in every page's sidebar, so each page
grows with the site and a build takes time proportional to pages × pages.
The sidebar partial (overrides/partials/nav-item.html) opens only the current
section; this module bounds that too: a section with more than `limit`
entries shows the `limit` entries around the current one and says how many are
left out on each side (a line leads to the section's index page).

Finding the current entry by scanning a section for every page of it would be
quadratic again, so `NavPositions` records once per build where every entry
sits. Plain Python over objects with `children`, `parent` and `is_index`, as
MkDocs' navigation has.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

DEFAULT_LIMIT = 15


@dataclass(frozen=True)
class Window:
    """The entries to show, and how many entries were left out before and after them."""

    items: Sequence[Any]
    hidden_before: int
    hidden_after: int


def window_at(entries: Sequence[Any], active: int, limit: int = DEFAULT_LIMIT) -> Window:
    """At most `limit` of `entries`, centred on position `active`."""
    if len(entries) <= limit:
        return Window(entries, 0, 0)
    start = min(max(active - limit // 2, 0), len(entries) - limit)
    return Window(entries[start:start + limit], start, len(entries) - start - limit)


class NavPositions:
    """Each section's entries as the sidebar lists them (its index page is the section's own
    link, so it is left out), and the position of every entry among them."""

    def __init__(self, items: Iterable[Any]) -> None:
        self._entries: dict[int, tuple[Any, list[Any]]] = {}
        self._positions: dict[int, int] = {}
        self._record(items)

    def _record(self, items: Iterable[Any]) -> None:
        for item in items:
            children = getattr(item, "children", None)
            if not children:
                continue
            entries = [child for child in children if not getattr(child, "is_index", False)]
            self._entries[id(item)] = (item, entries)  # the item is kept so its id stays unique
            self._positions.update((id(entry), number) for number, entry in enumerate(entries))
            self._record(children)

    def window(self, section: Any, page: Any, limit: int = DEFAULT_LIMIT) -> Window:
        """The entries of `section` around the one that is, or contains, `page`."""
        entries = self._entries.get(id(section), (None, []))[1]
        current = page
        while current is not None and current.parent is not section:
            current = current.parent
        return window_at(entries, self._positions.get(id(current), 0), limit)
