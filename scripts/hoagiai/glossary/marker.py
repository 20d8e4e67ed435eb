"""Mark the first use of each glossary term in a page's HTML with an accessible tooltip.

The HTML is re-emitted token by token, unchanged, except text outside elements
where a tooltip does not belong: headings, links, code, quotations (which may be
verbatim law), disclosure summaries (a link inside one would nest two controls),
our own widgets and anything marked `data-no-glossary` (quiz questions, where a
definition would give the answer away). The term becomes a link to its glossary
entry (works without JavaScript or CSS) described by a tooltip that appears on
hover and on keyboard focus and that screen readers read as its description.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hoagiai.citations import MARKDOWN_CITATION
from hoagiai.html_tokens import END, START, TEXT, Token, tokens

SKIP_TAGS = frozenset({
    "a", "abbr", "blockquote", "button", "code", "dfn", "h1", "h2", "h3", "h4", "h5", "h6",
    "kbd", "label", "option", "pre", "samp", "script", "select", "style", "summary", "svg",
    "textarea",
})
SKIP_ATTRIBUTE = "data-no-glossary"
SKIP_CLASSES = frozenset({"hg-term", "hg-share", "admonition-title", "headerlink"})
VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
})

_MAY_SKIP = re.compile(f"{SKIP_ATTRIBUTE}|{'|'.join(SKIP_CLASSES)}", re.IGNORECASE)
_REFERENCE = re.compile(r"(&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][-.a-zA-Z0-9]*);?)")

# Renders one marked term: (term id, the text as found) -> HTML.
Render = Callable[[str, str], str]


class TermFinder:
    """Finds the spellings of many terms in text, longest first, as whole words."""

    def __init__(self, spellings: dict[str, str]) -> None:
        """`spellings` maps each spelling (any case) to its term id."""
        self.ids = {spelling.casefold(): term for spelling, term in spellings.items()}
        alternatives = sorted(self.ids, key=len, reverse=True)
        pattern = "|".join(re.escape(spelling) for spelling in alternatives) or r"(?!)"
        self.pattern = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)

    def mark(self, text: str, used: set[str], render: Render) -> str:
        """`text` with the first use of each term not yet in `used` rendered; updates `used`."""
        def replace(match: re.Match[str]) -> str:
            term = self.ids[match.group().casefold()]
            if term in used:
                return match.group()
            used.add(term)
            return render(term, match.group())

        # A citation not yet rendered as a link, [[luat35:2|label]], is left as written.
        pieces = []
        last = 0
        for citation in MARKDOWN_CITATION.finditer(text):
            pieces.append(self.pattern.sub(replace, text[last:citation.start()]))
            pieces.append(citation.group())
            last = citation.end()
        pieces.append(self.pattern.sub(replace, text[last:]))
        return "".join(pieces)


def _skips(token: Token) -> bool:
    """Whether a start tag opens a zone where no term is marked."""
    if token.name in SKIP_TAGS:
        return True
    if not _MAY_SKIP.search(token.attributes_text):
        return False  # most tags: their attributes are not parsed
    attributes = token.attributes()
    return (SKIP_ATTRIBUTE in attributes
            or not SKIP_CLASSES.isdisjoint(attributes.get("class", "").split()))


def mark_terms(html: str, finder: TermFinder, render: Render) -> tuple[str, set[str]]:
    """The page HTML with first uses marked, and the ids of the terms marked."""
    used: set[str] = set()
    out: list[str] = []
    skipping: list[bool] = []  # one entry per open element: is it a no-tooltip zone?
    skipped = 0  # how many of them are
    for token in tokens(html):
        if token.kind == TEXT:
            text = token.raw
            out.append(text if skipped or text.isspace() else
                       _mark_text(text, finder, used, render))
        elif token.kind == END:
            out.append(f"</{token.name}>")
            if token.name not in VOID_TAGS and skipping:
                skipped -= skipping.pop()
        else:
            out.append(token.raw)
            if token.kind == START and token.name not in VOID_TAGS and not token.self_closing:
                skipping.append(_skips(token))
                skipped += skipping[-1]
    return "".join(out), used


def _mark_text(text: str, finder: TermFinder, used: set[str], render: Render) -> str:
    """Text between tags, marked piece by piece between its character references
    (a term is never found across `&nbsp;`)."""
    if "&" not in text:
        return finder.mark(text, used, render)
    pieces = _REFERENCE.split(text)
    return "".join(piece if index % 2 else finder.mark(piece, used, render)
                   for index, piece in enumerate(pieces))
