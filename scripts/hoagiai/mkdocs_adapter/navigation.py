"""Order the navigation and name its sections from the pages' own front matter.

MkDocs names a section after its folder ("hoc-tap" becomes "Hoc tap") and sorts
pages alphabetically. Here a section takes the title of its index page, and
items are sorted by their `order` (then title), index pages first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from hoagiai.frontmatter import DEFAULT_ORDER

MetaLookup = Callable[[str], dict[str, Any]]


def arrange(nav: Navigation, meta_of: MetaLookup) -> Navigation:
    nav.items = _sorted(nav.items, meta_of)
    nav.pages = [item for item in _walk(nav.items) if isinstance(item, Page)]
    for previous, current in zip(nav.pages, nav.pages[1:], strict=False):
        previous.next_page, current.previous_page = current, previous
    if nav.pages:
        nav.pages[0].previous_page = nav.pages[-1].next_page = None
    return nav


def _index_page(section: Section) -> Page | None:
    for child in section.children:
        if isinstance(child, Page) and child.file.name == "index":
            return child
    return None


def _sort_key(item: Any, meta_of: MetaLookup) -> tuple[int, int, str]:
    if isinstance(item, Section):
        index = _index_page(item)
        meta = meta_of(index.file.src_uri) if index else {}
        return (1, meta.get("order", DEFAULT_ORDER), item.title)
    if isinstance(item, Page):
        meta = meta_of(item.file.src_uri)
        first = 0 if item.file.name == "index" else 1
        return (first, meta.get("order", DEFAULT_ORDER), meta.get("title", item.file.name))
    return (1, DEFAULT_ORDER, str(getattr(item, "title", "")))


def _sorted(items: list[Any], meta_of: MetaLookup) -> list[Any]:
    for item in items:
        if isinstance(item, Section):
            index = _index_page(item)
            if index is not None:
                item.title = meta_of(index.file.src_uri).get("title", item.title)
            item.children = _sorted(item.children, meta_of)
    return sorted(items, key=lambda item: _sort_key(item, meta_of))


def _walk(items: list[Any]) -> list[Any]:
    found: list[Any] = []
    for item in items:
        found.append(item)
        if isinstance(item, Section):
            found += _walk(item.children)
    return found


def sections(items: list[Any]) -> Iterator[Section]:
    """Every section of the navigation, nested ones too."""
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from sections(item.children)
