"""On paper a link is its address: mark every link of a page with the full URL to print.

The print stylesheet (docs/assets/css/print.css) shows `data-print-url` after
each link. Relative links are made absolute from `site_url` and the page's own
URL, since "../van-ban/luat35/" means nothing on a sheet of paper. The feature
runs after every feature that adds links to finished HTML (glossary terms).
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import urljoin

from hoagiai.feature import Feature, PageContext
from hoagiai.site import Site

_ANCHOR = re.compile(r'<a\s(?P<attrs>[^>]*?)href="(?P<href>[^"]*)"(?P<rest>[^>]*)>')


def mark_print_urls(html: str, site_url: str, page_url: str) -> str:
    """Add `data-print-url` to links leaving the page (not to "#…" links within it)."""
    base = urljoin(site_url if site_url.endswith("/") else site_url + "/", page_url)

    def mark(match: re.Match[str]) -> str:
        href = unescape(match["href"])
        if not href or href.startswith("#") or "data-print-url" in match.group(0):
            return match.group(0)
        absolute = escape(urljoin(base, href), quote=True)
        return f'{match.group(0)[:-1]} data-print-url="{absolute}">'
    return _ANCHOR.sub(mark, html)


class PrintLinksFeature(Feature):
    name = "print-links"

    def page_html(self, site: Site, page: PageContext, html: str) -> str:
        # Without a published address a printout names no address (never this computer's).
        return mark_print_urls(html, site.public_url, page.url) if site.public_url else html
