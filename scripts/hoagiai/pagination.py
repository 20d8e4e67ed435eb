"""Long lists split into numbered pages, so no list page grows with the site.

The first page stays where the list always was (`chu-de/dat-dai.md`), so every
link to the list keeps working however long it grows; the later pages sit
beside it (`chu-de/dat-dai-2.md`, `-3.md`…) and follow it in the navigation.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from hoagiai.frontmatter import DEFAULT_ORDER
from hoagiai.render import t

Item = TypeVar("Item")


@dataclass(frozen=True)
class ListPage(Generic[Item]):
    """One page of a list: its items and where it sits among the list's pages."""

    stem: str  # the list's path without ".md" ("cau-chuyen/chu-de/dat-dai")
    number: int  # from 1
    count: int  # pages in the whole list
    items: Sequence[Item]

    @property
    def path(self) -> str:
        return self._path_of(self.number)

    def link_to(self, number: int) -> str:
        """The Markdown link from this page to page `number` of the same list."""
        return posixpath.basename(self._path_of(number))

    def meta(self, first_page_meta: dict[str, Any], lang: str) -> dict[str, Any]:
        """This page's front matter: a later page is titled with its number and placed,
        in the navigation, right after the pages before it."""
        if self.number == 1:
            return first_page_meta
        title = t("pagination.title", lang, title=first_page_meta["title"], number=self.number,
                  count=self.count)
        order = first_page_meta.get("order", DEFAULT_ORDER) + self.number / (self.count + 1)
        return {**first_page_meta, "title": title, "order": order}

    def _path_of(self, number: int) -> str:
        return f"{self.stem}.md" if number == 1 else f"{self.stem}-{number}.md"


def paginate(stem: str, items: Sequence[Item], per_page: int) -> list[ListPage[Item]]:
    """The list's pages, `per_page` items each; an empty list still has its first page."""
    chunks = [items[start:start + per_page] for start in range(0, len(items), per_page)]
    chunks = chunks or [items]
    return [ListPage(stem, number, len(chunks), chunk)
            for number, chunk in enumerate(chunks, start=1)]
