"""Pages lose their template indentation, never a space a reader would see."""

from __future__ import annotations

from pathlib import Path

from hoagiai.mkdocs_adapter.html_whitespace import collapse


def test_indentation_between_tags_becomes_one_line_break() -> None:
    html = "<ul>\n      <li>\n        <a href=\"#\">Một</a>\n      </li>\n\n\n    </ul>"
    assert collapse(html) == "<ul>\n<li>\n<a href=\"#\">Một</a>\n</li>\n</ul>"


def test_spaces_inside_a_line_are_kept() -> None:
    html = "<p><a>Điều 1</a> <a>Điều 2</a>  và   <b>khoản 3</b></p>"
    assert collapse(html) == html


def test_preformatted_text_scripts_styles_and_attributes_are_left_as_written() -> None:
    html = (
        "<pre><code>a\n    b\n\n  c</code></pre>\n   "
        "<textarea>x\n   y</textarea>\n   "
        "<script type=\"application/json\">{\n  \"a\": 1\n}</script>\n   "
        "<style>\n  p { color: red }\n</style>\n   "
        "<meta content=\"một\n   hai\">"
    )
    expected = (
        "<pre><code>a\n    b\n\n  c</code></pre>\n"
        "<textarea>x\n   y</textarea>\n"
        "<script type=\"application/json\">{\n  \"a\": 1\n}</script>\n"
        "<style>\n  p { color: red }\n</style>\n"
        "<meta content=\"một\n   hai\">"
    )
    assert collapse(html) == expected


def test_white_space_between_attributes_becomes_one_space() -> None:
    html = ('<a class="x"\n             target="_blank"  rel=\'a  b\' >Một\n   hai</a>\n'
            '<nav aria-label="Đường dẫn" >\n<img alt="x"\n   />\n<input value=a  >\n'
            '<!--  a\n   comment  -->')
    assert collapse(html) == ('<a class="x" target="_blank" rel=\'a  b\'>Một\nhai</a>\n'
                              '<nav aria-label="Đường dẫn">\n<img alt="x"/>\n<input value=a >\n'
                              '<!--  a\n   comment  -->')


def test_every_built_page_is_served_without_its_indentation(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert collapse(html) == html, f"{page}: still indented"
