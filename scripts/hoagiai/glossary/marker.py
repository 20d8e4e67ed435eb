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
from html.parser import HTMLParser

from hoagiai.citations import MARKDOWN_CITATION

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


class _Rewriter(HTMLParser):
    def __init__(self, finder: TermFinder, render: Render) -> None:
        super().__init__(convert_charrefs=False)
        self.finder = finder
        self.render = render
        self.used: set[str] = set()
        self.out: list[str] = []
        self.skipping: list[bool] = []  # one entry per open element: is it a no-tooltip zone?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")
        if tag in VOID_TAGS:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        self.skipping.append(
            tag in SKIP_TAGS or bool(classes & SKIP_CLASSES) or SKIP_ATTRIBUTE in attributes
        )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")
        if tag not in VOID_TAGS and self.skipping:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if any(self.skipping):
            self.out.append(data)
        else:
            self.out.append(self.finder.mark(data, self.used, self.render))

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def mark_terms(html: str, finder: TermFinder, render: Render) -> tuple[str, set[str]]:
    """The page HTML with first uses marked, and the ids of the terms marked."""
    rewriter = _Rewriter(finder, render)
    rewriter.feed(html)
    rewriter.close()
    return "".join(rewriter.out), rewriter.used
