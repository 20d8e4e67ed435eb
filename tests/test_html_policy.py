"""The content HTML policy on small Markdown texts, and the file-name suggestions."""

from __future__ import annotations

import pytest

from hoagiai.safety import html_policy
from hoagiai.safety.files import slug_name
from hoagiai.safety.html_policy import scan_markdown


def places(markdown: str) -> list[tuple[int, int, str]]:
    return [(found.line, found.column, found.what.en) for found in scan_markdown(markdown).findings]


@pytest.mark.parametrize("markdown", [
    "A <kbd>Ctrl</kbd> and <abbr title='Ủy ban'>UBND</abbr>.",
    '<div class="grid cards" markdown>\n\n- a\n\n</div>',
    "Code `<script>` and ``<iframe>`` stay text.",
    "~~~\n<script>alert(1)</script>\n~~~",
    "    ```\n    <script>x</script>\n    ```",
    "Autolinks <https://vbpl.vn/> and <mailto:a@b.c>, a < b > c, x<3.",
    "[law](https://vbpl.vn/a_(b)) and [page](../hoc-tap/index.md#muc) and [tel](tel:0123)",
    "<!-- a comment -->",
])
def test_allowed(markdown: str) -> None:
    assert places(markdown) == []


@pytest.mark.parametrize(("markdown", "expected"), [
    ("x <hg-card>y</hg-card>", [(1, 3, "the HTML element “<hg-card>” is not allowed in content")]),
    ("<a href='&#106;avascript:alert(1)'>x</a>",
     [(1, 1, "the address “javascript:alert(1)” uses “javascript:”, which is not allowed")]),
    ("[x](&#x6a;avascript:alert(1))",
     [(1, 5, "the address “&#x6a;avascript:alert(1)” uses “javascript:”, which is not allowed")]),
    ("[x]: file:///etc/passwd",
     [(1, 6, "the address “file:///etc/passwd” uses “file:”, which is not allowed")]),
    ("<p>\n  <img src='//cdn.example/a.png'>\n</p>",
     [(2, 3, "an image or file from another host “//cdn.example/a.png”: the page would "
             "request it")]),
    ("<td bgcolor=red>", [(1, 1, "the attribute “bgcolor” is not allowed on “<td>”")]),
])
def test_refused_with_place(markdown: str, expected: list[tuple[int, int, str]]) -> None:
    assert places(markdown) == expected


def test_local_images_are_listed_for_the_existence_check() -> None:
    markdown = "![a](../assets/images/a.png)\n<img src='b.svg'>\n![c](https://x.example/c.png)"
    assert sorted(scan_markdown(markdown).local_images) == [(1, 6, "../assets/images/a.png"),
                                                           (2, 1, "b.svg")]


def test_a_text_is_scanned_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs serve` checks every page after any edit: an unchanged page is not scanned
    again."""
    scanned: list[str] = []
    real = html_policy._scan
    monkeypatch.setattr(html_policy, "_scan", lambda text: scanned.append(text) or real(text))
    page = "Trang <hg-card>x</hg-card> mới, chưa quét lần nào."
    assert scan_markdown(page) == scan_markdown(page) == real(page)
    assert scanned == [page]


@pytest.mark.parametrize(("name", "slug"), [
    ("Câu chuyện mới.md", "cau-chuyen-moi.md"),
    ("Câu chuyện mới.en.md", "cau-chuyen-moi.en.md"),
    ("Ảnh Đình làng 1.PNG", "anh-dinh-lang-1.png"),
    ("thư mục", "thu-muc"),
])
def test_file_names_get_a_slug(name: str, slug: str) -> None:
    assert slug_name(name) == slug
