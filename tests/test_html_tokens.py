"""The regular-expression tokenizer reads HTML as html.parser does, and loses no byte."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from hoagiai.html_tokens import END, MARKUP, START, TEXT, tokens

TRICKY = (
    '<!doctype html><p class="a b" data-x=\'1 > 2\'>Hòa&nbsp;giải &amp; <b>tổ</b></p>'
    '<img alt="Sơ đồ &quot;A&quot;" src=x.png/><br><BR/><DIV ID=Top Hidden>x</DIV >'
    "<!-- a <b>comment</b> --><script>if (a < b && c > d) {}</script>"
    "<style>p > a { color: red }</style>a < b, 3 <4 and <3"
    '<input disabled value="">'
)


class _Reference(HTMLParser):
    """What html.parser sees: (kind, name, attributes) of tags, text with references replaced."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.seen: list[tuple] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.seen.append((START, tag, {name: value or "" for name, value in reversed(attrs)}))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.seen.append((END, tag))

    def handle_data(self, data: str) -> None:
        if self.seen and self.seen[-1][0] == TEXT:
            self.seen[-1] = (TEXT, self.seen[-1][1] + data)
        else:
            self.seen.append((TEXT, data))


def _as_html_parser_sees(page: str) -> list[tuple]:
    parser = _Reference()
    parser.feed(page)
    parser.close()
    return parser.seen


def _as_tokens_see(page: str) -> list[tuple]:
    import html

    seen: list[tuple] = []
    for token in tokens(page):
        if token.kind == START:
            seen.append((START, token.name, token.attributes()))
        elif token.kind == END:
            seen.append((END, token.name))
        elif token.kind == TEXT:
            text = token.raw if seen and seen[-1][:2] in {(START, "script"), (START, "style")} \
                else html.unescape(token.raw)
            if seen and seen[-1][0] == TEXT:
                seen[-1] = (TEXT, seen[-1][1] + text)
            else:
                seen.append((TEXT, text))
    return seen


def test_tokens_give_the_page_back_byte_for_byte() -> None:
    assert "".join(token.raw for token in tokens(TRICKY)) == TRICKY


def test_tokens_read_tags_attributes_and_text_as_html_parser_does() -> None:
    assert _as_tokens_see(TRICKY) == _as_html_parser_sees(TRICKY)


def test_comments_declarations_and_self_closing_tags_are_told_apart() -> None:
    found = list(tokens(TRICKY))
    assert [token.raw for token in found if token.kind == MARKUP] == [
        "<!doctype html>", "<!-- a <b>comment</b> -->"]
    assert [token.name for token in found if token.self_closing] == ["img", "br"]
    script = next(index for index, token in enumerate(found) if token.name == "script")
    assert found[script + 1].raw == "if (a < b && c > d) {}"


@pytest.mark.build
def test_every_built_page_tokenizes_as_html_parser_reads_it(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages[::7]:  # every kind of page, a seventh of them: a few seconds
        html = page.read_text(encoding="utf-8")
        assert "".join(token.raw for token in tokens(html)) == html, page
        assert _as_tokens_see(html) == _as_html_parser_sees(html), page
