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
"""

from __future__ import annotations

import re

NO_BREAK_SPACE = "\u00a0"
_INLINE_ENDS = ("a", "abbr", "b", "code", "em", "i", "mark", "q", "span", "strong")
_AFTER_WORDS = "|".join([r"(?<=[^\s>])", *(f"(?<=</{tag}>)" for tag in _INLINE_ENDS)])
# The markers: on a page (templates/legal/cite-marker.html.j2), with the punctuation that
# follows it, and on paper (cite-print-marker.html.j2). A page's marker written right
# after a word or a bracket, as in "([[luat35:24.2]])", is held with that word.
_PAGE_MARKER = re.compile(
    rf"(?:(?:{_AFTER_WORDS})(?P<spaces>[ \t\r\n]+)|(?P<word>[^\s<>]+))"
    r'(?P<marker><button type="button" class="hg-cite"[^>]*>[^<]*</button>[.,:;!?…)\]]*)')
_PRINTED_MARKER = re.compile(rf'(?:{_AFTER_WORDS})[ \t\r\n]+(?=<sup class="cite">)')


def keep_markers_with_their_words(html: str) -> str:
    """`html` with the spaces before each citation marker made one no-break space, held
    together with a page's marker."""
    def hold(found: re.Match[str]) -> str:
        before = NO_BREAK_SPACE if found["spaces"] else found["word"]
        return f'<span class="hg-cite-at">{before}{found["marker"]}</span>'

    return _PRINTED_MARKER.sub(NO_BREAK_SPACE, _PAGE_MARKER.sub(hold, html))
