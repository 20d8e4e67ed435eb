"""The start tags of a page that a pattern picks out, each parsed by html.parser.

Finding the few tags that matter with a regular expression first, then parsing only those,
spares parsing whole pages (our pages and stock Material's weigh up to 300 KB each). The
pattern must find every tag of interest whole, from "<" to its ">". A tag inside an HTML
comment counts unless the pattern also matches the comments (`<!--.*?-->`: a comment fed
to the parser gives no tag); so would a tag written inside a <script> or <style> element
(the site's CSP allows neither inline).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

StartTag = tuple[str, dict[str, str]]  # the tag's name and attributes (a bare one is "")


class _StartTags(HTMLParser):
    """The start tags of the text fed to it, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[StartTag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {name: value or "" for name, value in attrs}))


def start_tags(html: str, pattern: re.Pattern[str]) -> list[StartTag]:
    """Name and attributes of each start tag `pattern` finds in `html`, in the page's order.
    Each match is parsed on its own, so a <script> match does not swallow the next tag."""
    found: list[StartTag] = []
    for match in pattern.finditer(html):
        parser = _StartTags()
        parser.feed(match.group())
        found.extend(parser.found)
    return found
