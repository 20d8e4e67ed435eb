"""Citations of a section of an authored page: `hoc-tap/ky-nang-hoa-giai#lang-nghe`.

A skill is cited by the module section that teaches it. The reference resolves
when the page exists in both languages and each version gives a heading that
anchor with attr_list (`## Lắng nghe {#lang-nghe}`); an `id="…"` on raw HTML
counts too. The heading's text becomes the citation's label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hoagiai.citations import CitationTarget
from hoagiai.problems import Text
from hoagiai.site import LANGUAGES, PageSource, Site, localized_uri

_ATTR_LIST = re.compile(r"\{:?[^}\n]*?#([A-Za-z][\w-]*)[^}\n]*\}")
_HTML_ID = re.compile(r"\bid=\"([A-Za-z][\w-]*)\"")
_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)\s*\{:?[^}\n]*\}\s*$")


def anchors_of(markdown: str) -> dict[str, str]:
    """Every anchor a page's Markdown declares, with the text of its heading (or "")."""
    found: dict[str, str] = {}
    for line in markdown.splitlines():
        heading = _HEADING.match(line)
        for anchor in _ATTR_LIST.findall(line):
            found.setdefault(anchor, heading["text"] if heading else "")
        for anchor in _HTML_ID.findall(line):
            found.setdefault(anchor, "")
    return found


def split_section_ref(ref: str) -> tuple[str, str]:
    """`hoc-tap/x#y` -> (`hoc-tap/x.md`, `y`)."""
    page, _, anchor = ref.partition("#")
    return f"{page}.md", anchor


@dataclass
class SectionResolver:
    """Resolves `page#anchor` references against the authored pages of the site."""

    site: Site

    def versions(self, base_uri: str) -> dict[str, PageSource | None]:
        return {lang: self.site.pages.get(localized_uri(base_uri, lang)) for lang in LANGUAGES}

    def resolve(self, ref: str) -> CitationTarget | None:
        if "#" not in ref or ":" in ref:
            return None
        base_uri, anchor = split_section_ref(ref)
        headings: dict[str, str] = {}
        titles: dict[str, str] = {}
        for lang, page in self.versions(base_uri).items():
            if page is None:
                return None
            anchors = anchors_of(page.body)
            if anchor not in anchors:
                return None
            titles[lang] = str(page.meta.get("title", base_uri))
            headings[lang] = anchors[anchor] or titles[lang]
        return CitationTarget(
            ref, base_uri, anchor, Text.of(headings),
            Text.each(lambda lang: f"{titles[lang]} — {headings[lang]}"),
        )
