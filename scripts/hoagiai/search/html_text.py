"""A page's rendered HTML as searchable sections: anchor, heading and plain text.

A section starts at every `h2`–`h6` that has an `id` (the anchors MkDocs' table of
contents makes), so a result can link to the very part of a long page that
matches. What a reader does not see as text is left out: scripts, styles, inline
SVG icons, the "#" permalinks next to headings, `hidden` elements (such as the
glossary's tooltips) and any element marked `data-search-exclude` (for content
that would only clutter results, such as a citation's marker "[2]"). A space left before
punctuation by what was left out goes too: "hòa giải [2]." reads "hòa giải.", and so do the
brackets and comma left around a file's size, which a page states only once the file is made
("(PDF, A4, )" reads "(PDF, A4)"). Blocks that end without punctuation (a list item, a table
cell, a card's title) are kept apart from the words that follow by " · ", so that a result's
snippet does not run them together: "Người dân · Đọc theo câu hỏi", not "Người dân Đọc theo
câu hỏi".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hoagiai.html_tokens import END, START, TEXT, Token, text_of, tokens

SECTION_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_HIDDEN = frozenset({"script", "style", "template", "svg", "noscript"})
# Elements that do not end a word: everything else is read as a space, so that
# "<li>a</li><li>b</li>" gives two words and "<em>hòa</em> giải" stays as written.
_INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "button", "cite", "code", "data", "del", "dfn", "em", "i",
    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
    "var",
})
# Punctuation that follows a word without a space.
_CLOSING = frozenset(".,:;!?…)]")
# What keeps a block apart from the next when it ends in a word, a number or one of these.
BLOCK_SEPARATOR = " · "
_ENDS_LIKE_A_WORD = frozenset(")]\"”’»%")
# What a size left out of the text leaves behind: "A4, )" and "Learner ()".
_LEFT_EMPTY = re.compile(r"\s*,\s*(?=\))|\s*\(\s*\)")
_MAY_HIDE = re.compile("data-search-exclude|hidden|headerlink", re.IGNORECASE)
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
})


@dataclass(frozen=True)
class Section:
    """One part of a page: `anchor` is the heading's id ("" for the top of the page)."""

    anchor: str
    heading: str
    text: str


def sections(html: str) -> list[Section]:
    """The page's sections in order; the first one (anchor "") is the text before any heading."""
    reader = _SectionReader()
    for token in tokens(html):
        if token.kind == TEXT:
            reader.write(text_of(token))
        elif token.kind == START:
            reader.start(token)
        elif token.kind == END:
            reader.end(token.name)
    return reader.finish()


def _squeeze(parts: list[str]) -> str:
    return _LEFT_EMPTY.sub("", " ".join("".join(parts).split()))


def _ends_like_a_word(parts: list[str]) -> bool:
    """Whether the text read so far ends in a word (so the next block needs a separator)."""
    for part in reversed(parts):
        if part.strip():
            last = part.rstrip()[-1]
            return last.isalnum() or last in _ENDS_LIKE_A_WORD
    return False


def _drop_trailing_space(parts: list[str]) -> None:
    """Take the spaces off the end of the text read so far."""
    while parts and not parts[-1].strip():
        parts.pop()
    if parts:
        parts[-1] = parts[-1].rstrip()


def _hides(token: Token) -> bool:
    """Whether an element's content is kept out of search (the tag's own words checked first:
    most tags carry none of them, and their attributes are then not parsed)."""
    if token.name in _HIDDEN:
        return True
    if not _MAY_HIDE.search(token.attributes_text):
        return False
    values = token.attributes()
    return ("data-search-exclude" in values or "hidden" in values
            or "headerlink" in values.get("class", "").split())


class _SectionReader:
    """Collects sections from a page's tokens, in order."""

    def __init__(self) -> None:
        self._done: list[Section] = []
        self._anchor = ""
        self._heading: list[str] = []
        self._text: list[str] = []
        self._open: list[tuple[str, bool]] = []  # open elements, and whether each hides text
        self._hidden = 0  # how many open elements hide their content
        self._in_heading: str | None = None  # the heading element being read
        self._left_out = False  # something inline was left out since the last text
        self._apart = False  # a block ended in a word: the next words need a separator

    def start(self, token: Token) -> None:
        tag = token.name
        if tag in _VOID or token.self_closing:
            # Self-closed (`<br/>`, `<path/>` in an SVG): nothing stays open.
            if tag == "img":
                alt = token.attributes().get("alt")
                if alt:
                    self.write(f" {alt} ")
                    return
            if tag not in _INLINE:
                self._break(kept_apart=tag == "hr")  # a line break or a picture: a space
            return
        hides = _hides(token)
        self._open.append((tag, hides))
        self._hidden += hides
        anchor = token.attributes().get("id") if tag in SECTION_HEADINGS else None
        if not self._hidden and anchor:
            self._start_section(anchor, tag)
        elif tag not in _INLINE:
            self._break()

    def end(self, tag: str) -> None:
        if not any(name == tag for name, _ in self._open):
            return  # a stray end tag: nothing to close
        while self._open:
            name, hides = self._open.pop()
            self._hidden -= hides
            self._left_out |= hides and not self._hidden
            if name == tag:
                break
        if tag == self._in_heading:
            self._in_heading = None
        elif tag not in _INLINE:
            self._break()

    def write(self, data: str) -> None:
        if self._hidden:
            return
        parts = self._heading if self._in_heading else self._text
        if self._left_out and data[:1] in _CLOSING:
            _drop_trailing_space(parts)
        self._left_out = self._left_out and data.isspace()
        if self._apart and not self._in_heading and not data.isspace():
            self._apart = False
            if data.lstrip()[:1] not in _CLOSING:
                parts.append(BLOCK_SEPARATOR)
        parts.append(data)

    def _break(self, *, kept_apart: bool = True) -> None:
        """A word break: between blocks, a separator after a word, written with the next
        words (unless they start with punctuation, which keeps its space)."""
        self.write(" ")
        self._apart |= kept_apart and not self._in_heading and _ends_like_a_word(self._text)
        self._left_out = False

    def _start_section(self, anchor: str, tag: str) -> None:
        self._flush()
        self._anchor, self._heading, self._text, self._apart = anchor, [], [], False
        self._in_heading = tag

    def _flush(self) -> None:
        self._done.append(Section(self._anchor, _squeeze(self._heading), _squeeze(self._text)))

    def finish(self) -> list[Section]:
        self._flush()
        return self._done
