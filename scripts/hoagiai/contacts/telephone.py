"""Published phone numbers in running text become `tel:` links, on every page.

An author writes "gọi 113" in prose (Markdown or a YAML answer); any number that
contacts.yml publishes, with its source, is then a link a phone can dial. Legal
texts (van-ban/) are left exactly as written, and so are links, headings and code
(the glossary's rules for where a link may not go).
"""

from __future__ import annotations

import re

from markupsafe import escape

from hoagiai.glossary.marker import Render, mark_terms


class NumberFinder:
    """Finds the published numbers as whole words and links every use (not just the first)."""

    def __init__(self, numbers: dict[str, str]) -> None:
        """`numbers` maps a number as written ("113") to the digits it dials."""
        self.numbers = numbers
        alternatives = "|".join(re.escape(n) for n in sorted(numbers, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<![\w.])(?:{alternatives or '(?!)'})(?![\w]|\.\d)")

    def mark(self, text: str, used: set[str], render: Render) -> str:
        def replace(match: re.Match[str]) -> str:
            used.add(match.group())
            return render(self.numbers[match.group()], match.group())

        return self.pattern.sub(replace, text)


def link_numbers(html: str, numbers: dict[str, str], label: str) -> str:
    """`html` with every published number outside links, headings and code made a tel: link.

    `label` ("Gọi {number}") names the link for screen readers and as its tooltip.
    """
    if not numbers:
        return html

    def render(digits: str, text: str) -> str:
        title = escape(label.format(number=text))
        return f'<a class="hg-tel" href="tel:{escape(digits)}" title="{title}">{text}</a>'

    finder = NumberFinder(numbers)
    if finder.pattern.search(html) is None:
        # No published number anywhere in the page, tags included: nothing to link, and the
        # page is not parsed (most pages; parsing each one cost more than rendering it).
        return html
    marked, _ = mark_terms(html, finder, render)  # type: ignore[arg-type]
    return marked
