"""On paper a link to another website keeps its address: mark those links for print.

The print stylesheet (docs/assets/css/print.css) shows `data-print-url` after each
link that leaves the site (an official database, a newspaper): a reader of the sheet
has no other way to find it. Links within the site print as their text only — the
page's own address is in the browser's print header, citations print as numbered
notes with their full reference (legal/links.py), and a column of addresses after
every link made printed lessons hard to read. The feature runs after every feature
that adds links to finished HTML (glossary terms).
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import urlsplit

from hoagiai.feature import Feature, PageContext
from hoagiai.site import DEFAULT_LANGUAGE, Site
from hoagiai.urls import language_root

_ANCHOR = re.compile(r'<a\s(?P<attrs>[^>]*?)href="(?P<href>[^"]*)"(?P<rest>[^>]*)>')


def leaves_site(href: str, site_url: str) -> bool:
    """Whether a link goes to another website (not a page, file or anchor of this one)."""
    parts = urlsplit(href)
    if parts.scheme not in ("http", "https"):
        return False
    return not href.startswith(language_root(site_url, DEFAULT_LANGUAGE))


def mark_print_urls(html: str, site_url: str) -> str:
    """Add `data-print-url` to the links that leave the site."""
    def mark(match: re.Match[str]) -> str:
        href = unescape(match["href"])
        if not leaves_site(href, site_url) or "data-print-url" in match.group(0):
            return match.group(0)
        return f'{match.group(0)[:-1]} data-print-url="{escape(href, quote=True)}">'
    return _ANCHOR.sub(mark, html)


class PrintLinksFeature(Feature):
    name = "print-links"

    def page_html(self, site: Site, page: PageContext, html: str) -> str:
        return mark_print_urls(html, site.site_url)
