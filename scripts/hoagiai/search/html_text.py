"""A page's rendered HTML as searchable sections: anchor, heading and plain text.

A section starts at every `h2`–`h6` that has an `id` (the anchors MkDocs' table of
contents makes), so a result can link to the very part of a long page that
matches. What a reader does not see as text is left out: scripts, styles, inline
SVG icons, the "#" permalinks next to headings, `hidden` elements (such as the
glossary's tooltips) and any element marked `data-search-exclude` (for content
that would only clutter results).
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

SECTION_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_HIDDEN = frozenset({"script", "style", "template", "svg", "noscript"})
# Elements that do not end a word: everything else is read as a space, so that
# "<li>a</li><li>b</li>" gives two words and "<em>hòa</em> giải" stays as written.
_INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins",
    "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
})
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
    parser = _SectionParser()
    parser.feed(html)
    parser.close()
    return parser.finish()


def _squeeze(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


class _SectionParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._done: list[Section] = []
        self._anchor = ""
        self._heading: list[str] = []
        self._text: list[str] = []
        self._open: list[tuple[str, bool]] = []  # open elements, and whether each hides text
        self._hidden = 0  # how many open elements hide their content
        self._in_heading: str | None = None  # the heading element being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in _VOID:
            if tag == "img" and values.get("alt"):
                self._write(f" {values['alt']} ")
            elif tag not in _INLINE:
                self._write(" ")
            return
        hides = (tag in _HIDDEN or "data-search-exclude" in values or "hidden" in values
                 or "headerlink" in (values.get("class") or "").split())
        self._open.append((tag, hides))
        self._hidden += hides
        if not self._hidden and tag in SECTION_HEADINGS and values.get("id"):
            self._start_section(str(values["id"]), tag)
        elif tag not in _INLINE:
            self._write(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # Self-closed (`<br/>`, `<path/>` in an SVG): read like a void element, nothing stays open.
        if tag == "img":
            self.handle_starttag(tag, attrs)
        elif tag not in _INLINE:
            self._write(" ")

    def handle_endtag(self, tag: str) -> None:
        if not any(name == tag for name, _ in self._open):
            return  # a stray end tag: nothing to close
        while self._open:
            name, hides = self._open.pop()
            self._hidden -= hides
            if name == tag:
                break
        if tag == self._in_heading:
            self._in_heading = None
        elif tag not in _INLINE:
            self._write(" ")

    def handle_data(self, data: str) -> None:
        self._write(data)

    def _write(self, data: str) -> None:
        if not self._hidden:
            (self._heading if self._in_heading else self._text).append(data)

    def _start_section(self, anchor: str, tag: str) -> None:
        self._flush()
        self._anchor, self._heading, self._text = anchor, [], []
        self._in_heading = tag

    def _flush(self) -> None:
        self._done.append(Section(self._anchor, _squeeze(self._heading), _squeeze(self._text)))

    def finish(self) -> list[Section]:
        self._flush()
        return self._done
