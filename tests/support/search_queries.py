"""The table of queries the search must answer, as people type them, on the real site.

Used by tests/test_search_browser.py (served by nginx) and tests/test_search_offline.py
(file://). Extend it as content arrives: each row is typed on `start` ("" for the
Vietnamese site, "en/" for the English one).
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


class Query(NamedTuple):
    """Typed on `start`: the first result must open `first`; every page in `also` is found."""

    start: str
    query: str
    first: str
    also: tuple[str, ...] = ()


# Pages that exist on the real site today; extend the table as content arrives.
QUERIES = [
    Query("", "hòa giải ở cơ sở là gì", "hoc-tap/hoa-giai-o-co-so-la-gi/"),
    Query("", "hoa giai o co so la gi", "hoc-tap/hoa-giai-o-co-so-la-gi/"),
    Query("", "HÒA GIẢI Ở CƠ SỞ LÀ GÌ", "hoc-tap/hoa-giai-o-co-so-la-gi/"),
    Query("", nfd("hòa giải ở cơ sở là gì"), "hoc-tap/hoa-giai-o-co-so-la-gi/"),
    Query("", "hoà giải viên", "hoc-tap/hoa-giai-vien-va-to-hoa-giai/",
          ("danh-cho/hoa-giai-vien/",)),
    Query("", nfd("hoà giải viên"), "hoc-tap/hoa-giai-vien-va-to-hoa-giai/"),
    Query("", "kỹ năng hòa giải", "hoc-tap/ky-nang-hoa-giai/"),
    Query("", "ky nang hoa giai", "hoc-tap/ky-nang-hoa-giai/"),
    Query("", "KỸ NĂNG", "hoc-tap/ky-nang-hoa-giai/"),
    Query("", "lắng nghe", "hoc-tap/ky-nang-hoa-giai/"),
    Query("", "lang nghe", "hoc-tap/ky-nang-hoa-giai/"),
    Query("", "dat cau hoi", "hoc-tap/ky-nang-hoa-giai/"),
    Query("", "số hoá", "gioi-thieu/"),
    Query("", "so hoa tai lieu", "gioi-thieu/"),
    Query("gioi-thieu/", "dien tu", "gioi-thieu/"),
    Query("", "đối thoại tại tòa án", "hoc-tap/hoa-giai-tai-toa-an/"),
    Query("", "doi thoai tai toa", "hoc-tap/hoa-giai-tai-toa-an/"),
    Query("", "thuong phuc", "gioi-thieu/", ("ke-hoach/",)),
    Query("", "quyen rieng tu", "gioi-thieu/"),
    Query("", "tổ hòa giải 5 tốt", "hoc-tap/to-hoa-giai-5-tot/"),
    Query("", "thu lao", "hoc-tap/kinh-phi-va-ho-tro/"),
    Query("", "Cong nhan ket qua hoa giai thanh", "hoc-tap/cong-nhan-tai-toa-an/"),
    Query("", "bieu mau", "hoc-tap/ghi-chep-va-bieu-mau/", ("tai-lieu-in/",)),
    Query("en/", "mediation skills", "en/hoc-tap/ky-nang-hoa-giai/"),
    Query("en/", "MEDIATION SKILLS", "en/hoc-tap/ky-nang-hoa-giai/"),
    Query("en/", "mediator", "en/hoc-tap/hoa-giai-vien-va-to-hoa-giai/"),
    Query("en/", "privacy", "en/gioi-thieu/"),
    Query("en/", "thuong phuc", "", ("en/gioi-thieu/", "en/ke-hoach/")),
    Query("en/", "court recognition", "en/hoc-tap/cong-nhan-tai-toa-an/"),
    Query("en/", "five-good team", "en/hoc-tap/to-hoa-giai-5-tot/"),
]
