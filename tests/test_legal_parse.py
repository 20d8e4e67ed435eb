"""The vendored texts parse into the structure the sources have: chapters to points, verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoagiai.legal.library import LegalLibrary
from hoagiai.legal.model import Document, Kind, Paragraph, Role, Unit
from hoagiai.legal.parse import Line, parse_body
from hoagiai.pipeline import load_site
from hoagiai.site import Paths
from support.project import hoagiai


@pytest.fixture(scope="module")
def library(project_root: Path) -> LegalLibrary:
    return load_site(Paths.at(project_root)).get(LegalLibrary)


def lines(text: str, first: int = 1) -> list[Line]:
    return [Line(first + i, line) for i, line in enumerate(text.split("\n"))]


def kinds(document: Document, kind: Kind) -> list[str]:
    return [unit.locator or unit.anchor for unit in document.units() if unit.kind is kind]


def test_every_source_document_is_in_the_library(library: LegalLibrary) -> None:
    assert sorted(library.documents) == [
        "blttds", "ghichep", "kehoach", "luat35", "luat58", "nd120", "nd15", "nqlt01", "qd2372",
        "qd315", "sodienthoai", "sukien", "tt56",
    ]


@pytest.mark.parametrize(("doc", "articles"), [
    ("luat35", [str(n) for n in range(1, 34)]),
    ("luat58", [str(n) for n in range(1, 43)]),
    ("blttds", ["416", "417", "418", "419"]),
    ("tt56", [str(n) for n in range(1, 8)]),
    ("nd15", ["1", "5", "17", "19", "20"]),
    ("nd120", ["1", "18", "23", "24"]),
    ("nqlt01", ["1", "15", "16"]),
    ("qd315", ["1"]),
    ("qd2372", ["1", "2", "3"]),
])
def test_articles_are_exactly_those_of_the_source(library: LegalLibrary, doc: str,
                                                   articles: list[str]) -> None:
    assert kinds(library.documents[doc], Kind.ARTICLE) == articles


def test_law_keeps_chapters_sections_clauses_and_points(library: LegalLibrary) -> None:
    luat35 = library.documents["luat35"]
    assert kinds(luat35, Kind.CHAPTER) == [f"chuong-{n}" for n in ("i", "ii", "iii", "iv", "v")]
    assert kinds(luat35, Kind.SECTION) == ["chuong-ii-muc-1", "chuong-ii-muc-2"]
    chapter_one = next(unit for unit in luat35.units() if unit.anchor == "chuong-i")
    assert (chapter_one.heading, chapter_one.title) == ("Chương I", "NHỮNG QUY ĐỊNH CHUNG")
    article = luat35.index["24"]
    assert article.heading == "Điều 24. Hòa giải thành"
    assert [point.number for point in luat35.index["24.2"].subunits] == list("abcdđegh")
    assert luat35.index["24.2.đ"].anchor == "dieu-24-khoan-2-diem-dd"
    assert luat35.index["24.2.đ"].own_paragraphs[0].text == (
        "đ) Thỏa thuận đạt được và giải pháp thực hiện;")


def test_unnumbered_paragraphs_stay_with_the_unit_they_follow(library: LegalLibrary) -> None:
    clause = library.documents["luat35"].index["5.1"]
    assert [p.text[:20] for p in clause.own_paragraphs] == [
        "1. Khuyến khích các ", "Khuyến khích những n"]
    intro = library.documents["luat35"].index["7"].own_paragraphs[0]
    assert intro.text.startswith("Người được bầu làm hòa giải viên")


def test_placeholders_between_articles_are_not_inside_them(library: LegalLibrary) -> None:
    nd120 = library.documents["nd120"]
    assert not any(p.is_editorial for p in nd120.index["1"].paragraphs())
    chapter_one = next(unit for unit in nd120.units() if unit.anchor == "chuong-i")
    omitted = [p for p in chapter_one.own_paragraphs if p.role is Role.OMITTED]
    assert [p.text for p in omitted] == ["[… Điều 2 – Điều 17 không chép …]"]
    # Inside Article 24 the placeholder stands for its clauses 1–3, so it stays there.
    inside = [p.text for p in nd120.index["24"].own_paragraphs]
    assert inside == ["[… khoản 1 – 3 (hộ tịch, chứng thực, bồi thường nhà nước) không chép …]"]


def test_editorial_comments_are_never_wording(library: LegalLibrary) -> None:
    nd15 = library.documents["nd15"]
    first = nd15.index["17"].own_paragraphs[0]
    assert first.role is Role.EDITORIAL and first.text.startswith("nguồn: trang hỏi đáp")
    for document in library.documents.values():
        for paragraph in (p for unit in document.units() for p in unit.own_paragraphs):
            assert not (paragraph.role is Role.TEXT and paragraph.text.startswith(("<!--", "[…")))


def test_inline_placeholder_is_marked_inside_its_paragraph(library: LegalLibrary) -> None:
    paragraph = library.documents["qd315"].index["1"].own_paragraphs[0]
    assert [(span.text, span.editorial) for span in paragraph.spans] == [
        ("Điều 1. Phê duyệt ", False),
        ("[…phần còn lại không có trong kho lưu trữ…]", True),
    ]


def test_decisions_write_articles_as_paragraphs(library: LegalLibrary) -> None:
    article = library.documents["qd2372"].index["2"]
    assert article.heading == ""
    assert article.own_paragraphs[0].text.startswith("Điều 2. Quyết định này có hiệu lực")


def test_annex_section_is_citable_to_the_point(library: LegalLibrary) -> None:
    nd120 = library.documents["nd120"]
    assert nd120.index["PL.III"].anchor == "pl-iii"
    assert nd120.index["PL.III.1.đ"].anchor == "pl-iii-1-dd"
    assert nd120.index["PL.III.3"].own_paragraphs[0].text.startswith(
        "3. Trong thời hạn 07 ngày làm việc")
    annex = next(unit for unit in nd120.units() if unit.kind is Kind.ANNEX)
    assert annex.title == "THỦ TỤC HÀNH CHÍNH TRONG LĨNH VỰC HÀNH CHÍNH TƯ PHÁP"


def test_remarks_after_the_rule_are_kept_apart_as_markdown(library: LegalLibrary) -> None:
    remarks = [unit for unit in library.documents["nd15"].units() if unit.kind is Kind.REMARKS]
    assert [unit.heading[:30] for unit in remarks] == [
        "Tên một số điều khác (chỉ tên,", "Các điều của Nghị định này đượ"]
    assert "\n\n- Điều 2 — được dẫn" in remarks[1].markdown
    assert "6" not in library.documents["nd15"].index


def test_plan_parts_items_and_points(library: LegalLibrary) -> None:
    plan = library.documents["kehoach"]
    assert kinds(plan, Kind.PART) == ["I", "II", "III", "IV", "V", "VI"]
    assert [unit.locator for unit in plan.index["I.2"].subunits] == ["I.2.b", "I.2.c"]
    task = plan.index["IV.4.b"]
    assert task.anchor == "muc-iv-4-b"
    assert [p.text for p in task.own_paragraphs][:2] == [
        "b) Số hóa và đăng tải các tài liệu tập huấn, bồi dưỡng, các ấn phẩm khác về hòa giải ở "
        "cơ sở trên Trang thông tin điện tử của xã và trên trang mạng xã hội xã.",
        "- Đơn vị chủ trì: Văn phòng HĐND và UBND xã.",
    ]
    closing = [child for child in plan.body if isinstance(child, Paragraph)][-4:]
    assert [p.text for p in closing] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                        "Trần Ngọc Tuấn"]
    assert not any(p.text.startswith("Trên đây") for p in plan.index["VI.7"].paragraphs())


def test_notes_keep_numbered_headings_over_markdown(library: LegalLibrary) -> None:
    notes = library.documents["sukien"]
    assert [unit.locator for unit in notes.top_units()] == ["1", "2", "3", "4"]
    assert [unit.locator for unit in notes.index["4"].subunits] == ["4.1", "4.2", "4.3", "4.4"]
    assert notes.index["2.4"].title == "Kỹ năng được nêu tên ở các nguồn khác"
    assert notes.index["2.4"].markdown.startswith("\n- Kỹ năng **lắng nghe**")


def unit_tree(body: list[Paragraph | Unit]) -> list:
    return [(child.kind.value, child.locator, unit_tree(child.children))
            if isinstance(child, Unit) else child.text for child in body]


def test_trailing_placeholder_moves_after_its_article() -> None:
    body, problems = parse_body(lines(
        "#### Điều 1. A\n\n1. x\n\na) y\n\n[… Điều 2 – Điều 3 không chép …]\n\n#### Điều 4. B\n\nz"
    ), "law", "t.md")
    assert problems == []
    assert unit_tree(body) == [
        ("dieu", "1", [("khoan", "1.1", ["1. x", ("diem", "1.1.a", ["a) y"])])]),
        "[… Điều 2 – Điều 3 không chép …]",
        ("dieu", "4", ["z"]),
    ]


@pytest.mark.parametrize(("text", "layout", "closing", "message"), [
    ("#### Điều 1. A\n\n<!-- không đóng", "law", "",
     "t.md:3:1: không đọc được cấu trúc văn bản: ghi chú “<!--” phải đóng “-->” trên cùng một "
     "dòng — sửa dòng này cho đúng mẫu của tệp nguồn (xem materials/legal/README.md)"),
    ("I. A\n\n1. b", "plan", "Trên đây là",
     "t.md:3:1: không đọc được cấu trúc văn bản: không thấy đoạn kết bắt đầu bằng “Trên đây là” "
     "— sửa dòng này cho đúng mẫu của tệp nguồn (xem materials/legal/README.md)"),
    ("## 1.1. Trước mục lớn", "notes", "",
     "t.md:1:1: không đọc được cấu trúc văn bản: mục “1.1” đứng trước mọi mục cấp trên — sửa "
     "dòng này cho đúng mẫu của tệp nguồn (xem materials/legal/README.md)"),
])
def test_unreadable_structure_is_reported_with_its_line(text: str, layout: str, closing: str,
                                                         message: str) -> None:
    _, problems = parse_body(lines(text), layout, "t.md", closing)
    assert [problem.format().splitlines()[0] for problem in problems] == [message]


def test_van_ban_command_counts_what_the_library_publishes(project_root: Path) -> None:
    result = hoagiai(project_root, "van-ban")
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[1:]}
    assert rows["luat35"] == ["full", "33", "98", "28", "0", "0", "0"]
    assert rows["kehoach"] == ["full", "0", "0", "15", "6", "20", "0"]
    assert rows["tổng/all"] == ["13", "102", "334", "226", "7", "23", "25"]
