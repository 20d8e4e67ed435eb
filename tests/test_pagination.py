"""Long lists split into pages; the first page never moves."""

from __future__ import annotations

from hoagiai.pagination import paginate


def test_a_short_list_is_one_page_where_it_always_was() -> None:
    (only,) = paginate("cau-chuyen/nam/2026", ["a", "b"], per_page=20)
    assert (only.path, only.number, only.count, list(only.items)) == (
        "cau-chuyen/nam/2026.md", 1, 1, ["a", "b"])
    meta = {"title": "Năm 2026", "order": 974}
    assert only.meta(meta, "vi") is meta


def test_an_empty_list_still_has_its_first_page() -> None:
    (only,) = paginate("cau-chuyen/chu-de/nuoc", [], per_page=20)
    assert only.path == "cau-chuyen/chu-de/nuoc.md" and not only.items


def test_later_pages_sit_beside_the_first_and_follow_it_in_order() -> None:
    pages = paginate("cau-chuyen/chu-de/dat-dai", list(range(245)), per_page=20)
    assert [page.path for page in pages[:3]] == [
        "cau-chuyen/chu-de/dat-dai.md", "cau-chuyen/chu-de/dat-dai-2.md",
        "cau-chuyen/chu-de/dat-dai-3.md"]
    assert [len(page.items) for page in pages] == [20] * 12 + [5]
    assert [item for page in pages for item in page.items] == list(range(245))
    assert (pages[1].link_to(1), pages[1].link_to(13)) == ("dat-dai.md", "dat-dai-13.md")
    metas = [page.meta({"title": "Chủ đề: Đất đai", "order": 5}, "vi") for page in pages]
    assert metas[1]["title"] == "Chủ đề: Đất đai — trang 2/13"
    orders = [meta["order"] for meta in metas]
    assert orders == sorted(orders) and orders[0] == 5 and orders[-1] < 6, "page 10 after 9"
    assert pages[1].meta({"title": "Topic: Land"}, "en")["title"] == "Topic: Land — page 2 of 13"
