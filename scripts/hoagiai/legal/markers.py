"""A citation marker stays on the line of the words it follows.

Authors write a citation after a space ("… yêu cầu hòa giải [[luat35:16.1]];"), often at
the start of a wrapped line. In the page that space is a place to break the line, so on a
phone one marker in ten began a line of its own, away from the words it is about. In the
converted HTML, the spaces between a word (or the end of an inline element: bold, a
link, a glossary term) and a marker become one no-break space. Spaces after the start of
a block are left alone: there the marker opens the line anyway.

On paper the marker is text (`<sup>`), which the no-break space holds to the word. On a
page it is a button, and Chromium breaks the line before a button even after a no-break
space, so the space (or a bracket written right before the marker), the marker and the
punctuation right after it go in one span that does not wrap (`hg-cite-at`,
docs/assets/css/citations.css).

The markers are found first and the text before each is read backwards from it: a pattern
that looked for words before markers would try every word of the page (and every long
address in it) over and over.
"""

from __future__ import annotations

import re

NO_BREAK_SPACE = "\u00a0"
SPACES = " \t\r\n"
# The markers: on a page (templates/legal/cite-marker.html.j2), with the punctuation that
# follows it, and on paper (cite-print-marker.html.j2).
_MARKER = re.compile(r'<(?:(?P<page>button type="button" class="hg-cite"[^>]*>[^<]*</button>'
                     r'[.,:;!?…)\]]*)|sup class="cite">)')
_INLINE_ENDS = tuple(f"</{tag}>" for tag in ("a", "abbr", "b", "code", "em", "i", "mark", "q",
                                              "span", "strong"))


def keep_markers_with_their_words(html: str) -> str:
    """`html` with the spaces before each citation marker made one no-break space, held
    together with a page's marker."""
    pieces: list[str] = []
    done = 0
    for marker in _MARKER.finditer(html):
        start = _glued_from(html, done, marker.start())
        pieces += [html[done:start], _held(html[start:marker.start()], marker)]
        done = marker.end()
    pieces.append(html[done:])
    return "".join(pieces)


def _held(before: str, marker: re.Match[str]) -> str:
    """The marker and what holds it to the words before it: `before` is the spaces between,
    a word written right before it, or nothing (at a block's start)."""
    if not before:
        return marker[0]
    held = NO_BREAK_SPACE if before[0] in SPACES else before
    if marker["page"] is None:  # on paper the no-break space is enough
        return held + marker[0]
    return f'<span class="hg-cite-at">{held}{marker[0]}</span>'


def _glued_from(html: str, done: int, at: int) -> int:
    """Where the marker at `at` is held from: the spaces before it when a word or an
    inline element ends there; else the word written right before it (a bracket: "(");
    else the marker itself."""
    start = at
    while start > done and html[start - 1] in SPACES:
        start -= 1
    if start < at:
        return start if _ends_words(html, start) else at
    while start > done and html[start - 1] not in SPACES + "<>":
        start -= 1
    return start


def _ends_words(html: str, at: int) -> bool:
    """Whether the text before `at` ends with a word or an inline element (not a block's
    start tag)."""
    return at > 0 and (html[at - 1] not in SPACES + ">" or html.endswith(_INLINE_ENDS, 0, at))
