"""Long lists split into numbered pages, so no list page grows with the site.

A list that fits on one page stays where it always was (`chu-de/dat-dai.md`);
a longer one becomes a folder whose index is its first page, at the same
address (`chu-de/dat-dai/index.md`, then `2.md`, `3.md`…). Links that point at
the list never change, and the navigation shows the later pages under the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

Item = TypeVar("Item")


@dataclass(frozen=True)
class ListPage(Generic[Item]):
    """One page of a list: its items and where it sits among the list's pages."""

    stem: str  # the list's path without ".md" ("cau-chuyen/chu-de/dat-dai")
    number: int  # from 1
    count: int  # pages in the whole list
    items: Sequence[Item]

    @property
    def nested(self) -> bool:
        """The list has more than one page, so its pages live in a folder of their own."""
        return self.count > 1

    @property
    def path(self) -> str:
        if not self.nested:
            return f"{self.stem}.md"
        return f"{self.stem}/index.md" if self.number == 1 else f"{self.stem}/{self.number}.md"

    def link_to(self, number: int) -> str:
        """The Markdown link from this page to page `number` of the same list."""
        return "index.md" if number == 1 else f"{number}.md"

    def up(self, prefix: str) -> str:
        """`prefix` (a relative path written for the one-page list) as seen from this page."""
        return f"../{prefix}" if self.nested else prefix


def paginate(stem: str, items: Sequence[Item], per_page: int) -> list[ListPage[Item]]:
    """The list's pages, `per_page` items each; an empty list still has its first page."""
    chunks = [items[start:start + per_page] for start in range(0, len(items), per_page)]
    chunks = chunks or [items]
    return [ListPage(stem, number, len(chunks), chunk)
            for number, chunk in enumerate(chunks, start=1)]
