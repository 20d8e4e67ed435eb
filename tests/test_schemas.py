"""Schema errors become bilingual messages at the exact place of the bad value."""

from __future__ import annotations

import pytest

from hoagiai.schemas import SchemaSet
from hoagiai.yamlpos import load_yaml
from support.project import ROOT

SCHEMAS = SchemaSet(ROOT / "materials" / "schemas")

GOOD_PAGE = (
    "title: Học tập\n"
    "description: Các bài học về hòa giải ở cơ sở cho hòa giải viên ở thôn.\n"
    "audience: [hoa-giai-vien]\n"
)


def first_lines(text: str, schema: str) -> list[str]:
    document, problems = load_yaml(text, "p.md", line_offset=1)
    assert problems == []
    return [p.format().splitlines()[0] for p in SCHEMAS.validate(document, schema)]


def test_good_page_front_matter_passes() -> None:
    assert first_lines(GOOD_PAGE, "page") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            GOOD_PAGE.replace("title: Học tập\n", ""),
            "p.md:2:1: thiếu trường bắt buộc “title” — thêm dòng “title: …” vào mục này",
        ),
        (
            GOOD_PAGE + "ordr: 3\n",
            "p.md:5:1: trường “ordr” không dùng được ở đây — có phải ý bạn là “order”? "
            "các trường dùng được: audience, description, hide, order, reviewed, scripts, search, "
            "styles, title",
        ),
        (
            GOOD_PAGE.replace("[hoa-giai-vien]", "[hoa-giai-vein]"),
            "p.md:4:12: audience[1]: giá trị “hoa-giai-vein” không hợp lệ — có phải ý bạn là "
            "“hoa-giai-vien”? chọn một trong: hoa-giai-vien, tap-huan-vien, nguoi-dan",
        ),
        (
            GOOD_PAGE + "order: ba\n",
            "p.md:5:8: order phải là một số nguyên, nhưng đang là một đoạn chữ — "
            "sửa lại thành một số nguyên",
        ),
        (
            GOOD_PAGE + "reviewed: 2026-13-01\n",
            "p.md:5:11: reviewed: “2026-13-01” không phải là ngày hợp lệ — viết ngày theo dạng "
            "NĂM-THÁNG-NGÀY, ví dụ 2025-07-01",
        ),
        (
            GOOD_PAGE.replace("Các bài học về hòa giải ở cơ sở cho hòa giải viên ở thôn.", "Ngắn"),
            "p.md:3:14: description quá ngắn (4 ký tự) — viết một hai câu (30–220 ký tự) nói "
            "trang này giúp người đọc điều gì",
        ),
        (
            GOOD_PAGE.replace("audience: [hoa-giai-vien]", "audience: []"),
            "p.md:4:11: audience có 0 mục — cần ít nhất 1 mục",
        ),
    ],
)
def test_bad_page_front_matter(text: str, expected: str) -> None:
    assert first_lines(text, "page") == [expected]


def test_english_line_follows_each_message() -> None:
    document, _ = load_yaml(GOOD_PAGE + "ordr: 3\n", "p.md", line_offset=1)
    (problem,) = SCHEMAS.validate(document, "page")
    assert problem.format().splitlines()[1] == (
        "    (en) the field “ordr” is not allowed here — did you mean “order”? allowed fields: "
        "audience, description, hide, order, reviewed, scripts, search, styles, title"
    )


def test_bilingual_text_needs_both_languages() -> None:
    text = (
        "audiences:\n  - id: nguoi-dan\n    title: {vi: Người dân}\n"
        "    summary: {vi: x, en: y}\n"
    )
    document, _ = load_yaml(text, "a.yml")
    lines = [p.format().splitlines()[0] for p in SCHEMAS.validate(document, "audiences")]
    assert lines == [
        "a.yml:3:12: audiences[1].title: thiếu trường bắt buộc “en” — "
        "viết cả hai dòng “vi: …” (tiếng Việt) và “en: …” (tiếng Anh)"
    ]


def test_schema_sets_from_the_same_files_are_one_for_kept_results(tmp_path) -> None:
    """Validation results are kept across loads by schema set: an edited schema is a new set."""
    folder = tmp_path / "schemas"
    folder.mkdir()
    (folder / "x.schema.json").write_text('{"type": "object"}', encoding="utf-8")
    first, again = SchemaSet(folder), SchemaSet(folder)
    assert first == again and hash(first) == hash(again)
    (folder / "x.schema.json").write_text('{"type": "array"}', encoding="utf-8")
    edited = SchemaSet(folder)
    assert edited != first
    document, _ = load_yaml("a: 1\n", "x.yml")
    assert first.validate(document, "x") == [] and edited.validate(document, "x") != []
