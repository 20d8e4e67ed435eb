"""Comparison tables that a phone shows as one card per row.

A table of long texts side by side (the lesson comparing grassroots and court mediation)
is wider than a 390-px phone: the reader swipes it sideways, cell by cell. An author wraps
such a table in `<div class="hg-stacked" markdown>` … `</div>`; on a narrow screen
site.css then shows each row as a card, its first cell as the card's title and each other
cell under its column's heading. The headings reach the cells here, as `data-label`
(CSS can show an attribute, not another cell's text). Print and wide screens keep the table.
"""

from __future__ import annotations

import re
from html import escape, unescape

from hoagiai.feature import Feature, PageContext
from hoagiai.site import Site

STACKED_CLASS = "hg-stacked"

_STACKED = re.compile(rf'<div class="{STACKED_CLASS}">.*?</table>', re.DOTALL)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.DOTALL)
_HEADING = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_BODY_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<td\b")
_TAG = re.compile(r"<[^>]+>")


def _plain(html: str) -> str:
    """The text of a heading cell, as an attribute value."""
    return escape(" ".join(unescape(_TAG.sub("", html)).split()), quote=True)


def _label_table(table: str) -> str:
    head = _HEAD.search(table)
    if head is None:
        return table
    labels = [_plain(heading) for heading in _HEADING.findall(head[1])]

    def label_row(row: re.Match[str]) -> str:
        cells = iter(labels)
        return _CELL.sub(lambda cell: f'<td data-label="{next(cells, "")}"', row[0])

    body_start = head.end()
    return table[:body_start] + _BODY_ROW.sub(label_row, table[body_start:])


def label_stacked_tables(html: str) -> str:
    """Give each body cell of a table inside `div.hg-stacked` its column's heading."""
    if STACKED_CLASS not in html:
        return html
    return _STACKED.sub(lambda found: _label_table(found[0]), html)


class StackedTablesFeature(Feature):
    name = "stacked-tables"

    def page_html(self, site: Site, page: PageContext, html: str) -> str:
        return label_stacked_tables(html)
