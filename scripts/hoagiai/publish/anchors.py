"""Every `#anchor` a page links to exists in the page it names.

LinkChecker's own anchor check downloads and parses a page again for every distinct
anchor that points into it (the Law page has more than a hundred): eight minutes of
CPU for this site, more as the site grows. Here each page of the built site is parsed
once and every link is resolved as a browser would; LinkChecker still checks, over
HTTP, that every linked page and file answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

# The same elements LinkChecker's AnchorCheck looks at.
_LINK_TAGS = ("a", "area")
_ORIGIN = "http://site.invalid"


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, int]] = field(default_factory=list)  # (href with '#', line)


class _PageParser(HTMLParser):
    """Collects a page's ids (and old-style `<a name>`) and its links that carry a `#`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.page.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.page.ids.add(values["name"])
        href = values.get("href")
        if tag in _LINK_TAGS and href and "#" in href:
            self.page.links.append((href, self.getpos()[0]))


def _parse(path: Path) -> _Page:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.page


def _page_url(name: str) -> str:
    """`van-ban/luat35/index.html` → `van-ban/luat35/`, as the pages are addressed."""
    return name.removesuffix("index.html")


def missing(site: Path, prefix: str = "/") -> list[str]:
    """One line per link to an anchor that its target page lacks, for the site in `site`
    as served at `prefix`. Links to missing pages and other hosts are left to LinkChecker."""
    pages = {path.relative_to(site).as_posix(): _parse(path)
             for path in sorted(site.rglob("*.html"))}
    problems: list[str] = []
    for name, page in pages.items():
        for href, line in page.links:
            target, fragment = urldefrag(urljoin(f"{_ORIGIN}{prefix}{name}", href))
            parts = urlsplit(target)
            path = unquote(parts.path)
            if not fragment or f"{parts.scheme}://{parts.netloc}" != _ORIGIN \
                    or not path.startswith(prefix):
                continue
            path = path.removeprefix(prefix)
            linked = pages.get(path + "index.html" if path.endswith("/") or not path else path)
            if linked is None:
                linked = pages.get(f"{path}/index.html")
            anchor = unquote(fragment)
            if linked is not None and anchor not in linked.ids:
                problems.append(
                    f"{_page_url(name) or '/'} (dòng/line {line}): '{href}' → "
                    f"trang đích không có mục #{anchor} / anchor #{anchor} not found"
                )
    return problems
