"""A page's HTML as a flat run of tokens, split by regular expressions: tags, text, markup.

The features that read or rewrite every rendered page (the glossary marks terms, search
takes the text) need no tree, only the tokens in order. html.parser gives them through
a callback per token after parsing every attribute of every tag in Python; splitting
with one regular expression and parsing a tag's attributes only when asked costs a
fraction of that, and a build does it for every page. The tokens read the HTML the way
html.parser does: tag and attribute names in lower case, attribute values unescaped,
`<script>` and `<style>` content as raw text, a "<" that opens no tag as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import NamedTuple

TEXT, START, END, MARKUP = "text", "start", "end", "markup"
RAW_TEXT = frozenset({"script", "style"})  # their content is text up to their end tag

_TOKEN = re.compile(
    r"<!--.*?(?:--!?>|\Z)"  # a comment (an unclosed one runs to the end, as in html.parser)
    r"|<(/?)([a-zA-Z][^\t\n\r\f />\x00]*)"  # a start or end tag and its name...
    r"""((?:[^>"']|"[^"]*"|'[^']*')*)>"""  # ...its attributes, quoted values may hold ">"
    r"|<[!?][^>]*>",  # a declaration (<!doctype …>) or a processing instruction
    re.DOTALL,
)
_ATTRIBUTE = re.compile(
    r"""([^\s/>=][^\s/=>]*)(?:\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?""")
_RAW_TEXT_END = {name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in RAW_TEXT}


class Token(NamedTuple):
    """One piece of the HTML: `raw` is exactly as written; `name` is a tag's, in lower case.
    (A named tuple: a page has thousands of tokens, and a tuple is the quickest to make.)"""

    kind: str  # TEXT, START, END or MARKUP (comments, declarations)
    raw: str
    name: str = ""
    attributes_text: str = ""  # a tag's source after its name

    @property
    def self_closing(self) -> bool:
        """`<br/>`: a start tag that closes itself."""
        return self.kind == START and self.attributes_text.rstrip().endswith("/")

    def attributes(self) -> dict[str, str]:
        """A start tag's attributes, names in lower case, values unescaped ("" when bare)."""
        found: dict[str, str] = {}
        for match in _ATTRIBUTE.finditer(self.attributes_text):
            name, value = match.group(1).lower(), match.group(2) or ""
            if value[:1] in {"'", '"'} and value[:1] == value[-1:] and len(value) > 1:
                value = value[1:-1]
            found.setdefault(name, html.unescape(value) if "&" in value else value)
        return found


def tokens(page: str) -> Iterator[Token]:
    """Every token of `page`, in order; joining their `raw` gives `page` back."""
    position = 0
    length = len(page)
    while position < length:
        found = _TOKEN.search(page, position)
        if found is None:
            yield Token(TEXT, page[position:])
            return
        if found.start() > position:
            yield Token(TEXT, page[position:found.start()])
        position = found.end()
        name = found.group(2)
        if name is None:
            yield Token(MARKUP, found.group())
            continue
        name = name.lower()
        if found.group(1):
            yield Token(END, found.group(), name)
            continue
        yield Token(START, found.group(), name, found.group(3))
        if name in RAW_TEXT:
            end = _RAW_TEXT_END[name].search(page, position)
            stop = end.start() if end else length
            if stop > position:
                yield Token(TEXT, page[position:stop])
            position = stop


def text_of(token: Token) -> str:
    """A text token as a reader sees it: character references replaced."""
    return html.unescape(token.raw) if "&" in token.raw else token.raw
