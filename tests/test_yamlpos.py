"""Loading YAML keeps the place of every value, and explains syntax errors in both languages."""

from __future__ import annotations

import pytest

from hoagiai.yamlpos import load_yaml


def test_positions_of_values_and_keys() -> None:
    document, problems = load_yaml("a: 1\nb:\n  - x: 2025-07-01\n    y: [1, 2]\n", "f.yml")
    assert problems == []
    assert document.data == {"a": 1, "b": [{"x": "2025-07-01", "y": [1, 2]}]}
    assert str(document.location(("b", 0, "y", 1))) == "f.yml:4:12"
    assert str(document.location(("b", 0, "x"), key=True)) == "f.yml:3:5"


def test_missing_path_falls_back_to_nearest_parent() -> None:
    document, _ = load_yaml("a:\n  b: 1\n", "f.yml")
    assert str(document.location(("a", "missing", 3))) == "f.yml:2:3"


def test_line_offset_is_added_for_front_matter() -> None:
    document, _ = load_yaml("title: x\n", "page.md", line_offset=1)
    assert str(document.location(("title",))) == "page.md:2:8"


def test_dates_become_iso_text() -> None:
    document, _ = load_yaml("when: 2026-11-26\n", "f.yml")
    assert document.data == {"when": "2026-11-26"}


def test_duplicate_key_is_reported_where_it_repeats() -> None:
    _, problems = load_yaml("a: 1\nb: 2\na: 3\n", "f.yml")
    assert [p.format() for p in problems] == [
        "f.yml:3:1: trường “a” được viết hai lần — xóa một lần hoặc đổi tên trường\n"
        "    (en) the field “a” is written twice — remove one of them or rename it"
    ]


@pytest.mark.parametrize(
    ("text", "where", "what_vi"),
    [
        ("a: b: c\n", "f.yml:1:5", "YAML sai cú pháp: có dấu hai chấm “:” không đúng chỗ"),
        ("x: 1\na: \"open\n", "f.yml:2:4", "YAML sai cú pháp: thiếu dấu ngoặc kép đóng"),
        ("a:\n\t- b\n", "f.yml:2:1",
         "YAML sai cú pháp: có ký tự không được phép ở đầu (thường là phím Tab)"),
        ("a:\n  - b\n c: d\n", "f.yml:3:2", "YAML sai cú pháp: thụt lề không khớp với dòng trên"),
    ],
)
def test_syntax_errors_point_at_the_place(text: str, where: str, what_vi: str) -> None:
    document, problems = load_yaml(text, "f.yml")
    assert document.data is None
    assert len(problems) == 1
    first_line = problems[0].format().splitlines()[0]
    assert first_line.startswith(f"{where}: {what_vi} — kiểm tra thụt lề")


def test_empty_file_is_not_an_error() -> None:
    document, problems = load_yaml("", "f.yml")
    assert document.data is None
    assert problems == []


def test_each_load_of_the_same_text_gets_its_own_copy() -> None:
    """Parsed documents are kept for `mkdocs serve`; a caller changing one changes no other."""
    first, _ = load_yaml("a:\n  - 1\n", "f.yml")
    first.data["a"].append(2)
    first.values.clear()
    second, _ = load_yaml("a:\n  - 1\n", "f.yml")
    assert second.data == {"a": [1]}
    assert str(second.location(("a", 0))) == "f.yml:2:5"
    # The place is part of what is kept: the same text elsewhere says where it is.
    elsewhere, _ = load_yaml("a:\n  - 1\n", "g.yml", line_offset=3)
    assert str(elsewhere.location(("a", 0))) == "g.yml:5:5"
