"""Long lists split into pages at stable addresses."""

from __future__ import annotations

from hoagiai.pagination import paginate


def test_a_short_list_stays_one_page_where_it_was() -> None:
    (only,) = paginate("cau-chuyen/nam/2026", ["a", "b"], per_page=20)
    assert (only.path, only.number, only.count, list(only.items)) == (
        "cau-chuyen/nam/2026.md", 1, 1, ["a", "b"])
    assert only.up("../") == "../"


def test_an_empty_list_still_has_its_first_page() -> None:
    (only,) = paginate("cau-chuyen/chu-de/nuoc", [], per_page=20)
    assert only.path == "cau-chuyen/chu-de/nuoc.md" and not only.items


def test_a_long_list_becomes_a_folder_whose_index_is_its_first_page() -> None:
    pages = paginate("cau-chuyen/chu-de/dat-dai", list(range(45)), per_page=20)
    assert [page.path for page in pages] == [
        "cau-chuyen/chu-de/dat-dai/index.md", "cau-chuyen/chu-de/dat-dai/2.md",
        "cau-chuyen/chu-de/dat-dai/3.md"]
    assert [len(page.items) for page in pages] == [20, 20, 5]
    assert [item for page in pages for item in page.items] == list(range(45))
    assert {page.count for page in pages} == {3}
    assert (pages[1].link_to(1), pages[1].link_to(3)) == ("index.md", "3.md")
    assert pages[2].up("../") == "../../"
