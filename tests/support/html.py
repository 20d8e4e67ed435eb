"""Reading built HTML without a browser: pages, their language, their links."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


class Tags(HTMLParser):
    """Every start tag of a document, with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags(path: Path) -> list[tuple[str, dict[str, str]]]:
    parser = Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


def html_pages(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))


def url_of(site: Path, page: Path) -> str:
    """The site-relative URL a page is served at ("en/hoc-tap/")."""
    rel = page.relative_to(site).as_posix()
    return rel.removesuffix("index.html")


def resolve(site: Path, page: Path, href: str) -> Path | None:
    """The built file a relative link from `page` points to, if it is inside the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    base = "/" + url_of(site, page)
    target = urlsplit(urljoin(base, parts.path)).path.lstrip("/")
    candidate = site / target
    if target == "" or target.endswith("/"):
        candidate = candidate / "index.html"
    return candidate


def language(path: Path) -> str:
    return next(attrs.get("lang", "") for tag, attrs in tags(path) if tag == "html")


def site_pages(site: Path) -> Iterator[Path]:
    """The pages MkDocs built (each `index.html` of directory URLs, and the 404 pages).

    Printable sheets (`trac-nghiem/tap-huan/*.html`) are standalone documents for
    paper, not pages of the site, and are left out.
    """
    return (page for page in html_pages(site) if page.name in ("index.html", "404.html"))
