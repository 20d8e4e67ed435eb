"""Pages without the indentation their templates leave: a seventh of every page's bytes.

Material's and the project's templates indent the HTML they write, and that
indentation travels with every page. Between two tags a browser shows a run of
white space as one space at most, so a run that holds a line break can become a
single line break with nothing on screen changing. Text that keeps its white
space (`<pre>`, `<textarea>`) and the contents of `<script>` and `<style>` are
left exactly as written, as is everything inside a tag (attribute values).
"""

from __future__ import annotations

import re

# A part of the page left as is: an element whose content keeps its white space, or a tag.
_KEPT = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE)
# White space that holds a line break; the spaces on either side of it go with it.
_LINE_BREAK_RUN = re.compile(r"[ \t\r\f]*\n\s*")


def collapse(html: str) -> str:
    """The page with every white-space run that holds a line break made one line break."""
    parts: list[str] = []
    position = 0
    for kept in _KEPT.finditer(html):
        parts.append(_LINE_BREAK_RUN.sub("\n", html[position:kept.start()]))
        parts.append(kept.group(0))
        position = kept.end()
    parts.append(_LINE_BREAK_RUN.sub("\n", html[position:]))
    return "".join(parts)
