"""The legal pages in headless Chromium: deep links land on the article.

Accessibility of every kind of legal page (PAGE_KINDS): the publication gate in
tests/test_publish.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

pytestmark = [pytest.mark.browser, pytest.mark.server]

@pytest.mark.parametrize(("path", "anchor", "starts"), [
    ("van-ban/luat35/", "dieu-12", "Điều 12. Tổ hòa giải"),
    ("van-ban/luat35/", "dieu-24-khoan-2-diem-dd", "đ) Thỏa thuận đạt được"),
    ("en/van-ban/luat35/", "dieu-12", "Article 12. Mediation teams"),
    ("en/van-ban/luat35/", "dieu-24-khoan-2-diem-dd", "đ"),
    ("van-ban/nd120/", "pl-iii-3", "3. Trong thời hạn 07 ngày làm việc"),
])
def test_deep_link_opens_on_the_cited_unit(browser: Browser, site_server: str, path: str,
                                           anchor: str, starts: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 800})  # a phone
    page.goto(f"{site_server}{path}#{anchor}")
    target = page.locator(f"#{anchor}")
    assert target.inner_text().startswith(starts)
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 800, "the cited unit is not on screen"
    page.close()


def test_english_summary_takes_the_reader_to_the_vietnamese_article(browser: Browser,
                                                                    site_server: str) -> None:
    page = browser.new_page()
    page.goto(site_server + "en/van-ban/luat35/#dieu-12-khoan-1")
    assert page.locator("#dieu-12-khoan-1").inner_text() == "1"
    page.locator("#dieu-12").locator("xpath=..").locator("a.hg-twin").click()
    page.wait_for_url(site_server + "van-ban/luat35/#dieu-12")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("#dieu-12-khoan-1").inner_text().startswith("1. Tổ hòa giải có tổ trưởng")
    page.close()


def test_citation_in_the_status_box_opens_the_decree_article(browser: Browser,
                                                               site_server: str) -> None:
    page = browser.new_page()
    page.goto(site_server + "van-ban/luat35/")
    note_id = page.locator('.hg-cite-note:has(a[href$="#dieu-18"])').first.get_attribute("id")
    page.locator(f'#trang-thai .hg-cite[popovertarget="{note_id}"]').first.click()
    note = page.locator(".hg-cite-note:popover-open")
    assert note.locator("a").get_attribute("href") == "../nd120/#dieu-18"
    assert "Điều 18 — Nghị định 120/2025/NĐ-CP" in note.inner_text()
    page.close()
