"""Pages without the indentation their templates leave: a seventh of every page's bytes.

Material's and the project's templates indent the HTML they write, and that
indentation travels with every page. Between two tags a browser shows a run of
white space as one space at most, so a run that holds a line break can become a
single line break with nothing on screen changing. Inside a tag, white space only
separates attributes, so a run of it becomes one space, and none before the closing
`>` after a quoted value. Text that keeps its white space (`<pre>`, `<textarea>`)
and the contents of `<script>` and `<style>` are left exactly as written, as are
attribute values and comments.
"""

from __future__ import annotations

import re

# What is not plain text between tags: an element whose content keeps its white space, a
# comment or declaration, and a tag with white space to shorten. Any other tag holds no line
# break, so the runs below never reach into it: it is left as it is without being visited.
_KEPT = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>|<![^>]*>"
                   r"|<[^>]*?(?:  |\n|\t| (?=>))[^>]*>", re.DOTALL | re.IGNORECASE)
# White space that holds a line break; the spaces on either side of it go with it.
_LINE_BREAK_RUN = re.compile(r"[ \t\r\f]*\n\s*")
# Inside a tag: a quoted attribute value (kept) or a run of white space (made one space).
_TAG_PART = re.compile(r"\"[^\"]*\"|'[^']*'|\s+")
# White space between a quoted value and the end of its tag.
_SPACE_BEFORE_END = re.compile(r"([\"'])\s+(/?>)$")


def _tag(tag: str) -> str:
    """A start or end tag with the white space between its attributes made single spaces."""
    if tag.startswith("<!"):
        return tag  # a comment or doctype: left as written
    single = _TAG_PART.sub(lambda part: part.group(0) if part.group(0)[0] in "\"'" else " ", tag)
    return _SPACE_BEFORE_END.sub(r"\1\2", single)


def _kept(match: re.Match[str]) -> str:
    return match.group(0) if match.group(1) else _tag(match.group(0))


def collapse(html: str) -> str:
    """The page with every white-space run that holds a line break made one line break, and
    the white space inside its tags made single spaces."""
    parts: list[str] = []
    position = 0
    for kept in _KEPT.finditer(html):
        parts.append(_LINE_BREAK_RUN.sub("\n", html[position:kept.start()]))
        parts.append(_kept(kept))
        position = kept.end()
    parts.append(_LINE_BREAK_RUN.sub("\n", html[position:]))
    return "".join(parts)
