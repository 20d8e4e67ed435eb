"""Comparison tables shown as one card per row on a phone (stacked_tables.py, site.css)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from hoagiai.publish.browser import axe_violations
from hoagiai.stacked_tables import label_stacked_tables
from support.phone import page_width, phone_context

TABLE = """<table>
<thead>
<tr>
<th>Điểm so sánh</th>
<th>Ở <em>cơ sở</em></th>
<th>Tại "Tòa án"</th>
</tr>
</thead>
<tbody>
<tr>
<td>Ai hòa giải</td>
<td>Hòa giải viên</td>
<td>Hòa giải viên tại Tòa án</td>
</tr>
<tr>
<td>Chi phí</td>
<td align="center">Nhà nước hỗ trợ</td>
<td>Ngân sách</td>
</tr>
</tbody>
</table>"""


def test_each_body_cell_gets_its_columns_heading_as_plain_text() -> None:
    html = label_stacked_tables(f'<p>x</p>\n<div class="hg-stacked">\n{TABLE}\n</div>')
    labels = ['data-label="Điểm so sánh"', 'data-label="Ở cơ sở"',
              'data-label="Tại &quot;Tòa án&quot;"']
    assert html.count(labels[0]) == html.count(labels[1]) == html.count(labels[2]) == 2
    assert '<td data-label="Ở cơ sở" align="center">Nhà nước hỗ trợ</td>' in html
    assert "<th data-label" not in html  # the heading row stays as it is
    assert html.replace(" " + labels[0], "").replace(" " + labels[1], "").replace(
        " " + labels[2], "") == f'<p>x</p>\n<div class="hg-stacked">\n{TABLE}\n</div>'


def test_tables_outside_a_stacked_block_are_left_alone() -> None:
    page = f"<div class=\"admonition\">\n{TABLE}\n</div>\n{TABLE}"
    assert label_stacked_tables(page) == page


LESSON = "hoc-tap/hoa-giai-tai-toa-an/"


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_court_comparison_is_one_card_per_row_on_a_phone(browser: Browser, site_server: str,
                                                              lang: str) -> None:
    context = phone_context(browser)
    page = context.new_page()
    page.goto(site_server + lang + LESSON)
    table = page.locator(".hg-stacked table")
    table.scroll_into_view_if_needed()
    assert page_width(page) <= 390
    # Nothing to swipe sideways: the table is no wider than the text column.
    assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth"), lang
    cell = page.locator(".hg-stacked tbody tr").first.locator("td").nth(2)
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    heading = page.locator(".hg-stacked thead th").nth(2).inner_text()
    assert label == f'"{heading}"' and heading
    # The heading row is read by screen readers, not shown.
    assert page.locator(".hg-stacked thead").evaluate("e => e.offsetHeight") <= 1
    assert axe_violations(page, ".md-content") == []
    # Printed, it is a table again.
    page.emulate_media(media="print")
    assert cell.evaluate("td => getComputedStyle(td).display") == "table-cell"
    assert cell.evaluate("td => getComputedStyle(td, '::before').content") == "none"
    context.close()


@pytest.mark.browser
@pytest.mark.server
def test_a_wide_screen_keeps_the_table(browser: Browser, site_server: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_server + "en/" + LESSON)
    cell = page.locator(".hg-stacked tbody td").nth(1)
    assert cell.evaluate("td => getComputedStyle(td).display") == "table-cell"
    assert page.locator(".hg-stacked thead th").first.is_visible()
    page.close()


@pytest.mark.browser
@pytest.mark.server
def test_no_table_is_wider_than_a_phone(browser: Browser, built_site: Path,
                                        site_server: str) -> None:
    """Every page with a table, both languages: nothing to swipe sideways on a phone."""
    pages = sorted(path.parent.relative_to(built_site).as_posix()
                   for path in built_site.rglob("index.html")
                   if "<table" in path.read_text(encoding="utf-8"))
    assert len(pages) > 20
    context = phone_context(browser)
    page = context.new_page()
    too_wide = []
    for path in pages:
        page.goto(f"{site_server}{path}/".replace("/./", "/"))
        too_wide += [f"{path}: {width}" for width in page.evaluate(
            "[...document.querySelectorAll('article table')].filter(t => t.offsetParent)"
            ".filter(t => t.scrollWidth > t.parentElement.clientWidth + 1)"
            ".map(t => t.scrollWidth + ' px in ' + t.parentElement.clientWidth)")]
    context.close()
    assert too_wide == [], "wrap these tables in <div class=\"hg-stacked\" markdown>"
