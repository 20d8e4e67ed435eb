"""How much of a page's reading text is citation text: the measure behind issue 16's 8 % limit.

Main content is the page's `<article>` as a reader sees it on screen: what is hidden
until asked for (a citation's popover, the notes printed on paper, glossary tooltips,
"#" permalinks) is not reading text. Citation text is the text of the citation markers
in it. A word is a whitespace-separated token holding a letter or a digit ("–" is not).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag

# What a reader does not see in the flow of the text.
NOT_READ = ("script", "style", "svg", "template", "[hidden]", "[popover]", ".headerlink",
            ".hg-cite-notes")
# The citations the site renders today: compact markers.
MARKERS = ".hg-cite"
# Before issue 16 a citation was a link titled with its article, into the legal library or a
# module's section (link_citations): the selector used to measure the old build.
OLD_MARKERS = 'a[title][href*="van-ban/"], a[title][href*="hoc-tap/"]'

# The pages the limit applies to (site-relative folders, Vietnamese; English under en/).
MEASURED = {
    "lesson": "hoc-tap/",
    "citizens' page": "nguoi-dan/",
    "story": "cau-chuyen/",
}
NOT_MEASURED = ("hoc-tap/index.html", "hoc-tap/y-chinh/", "nguoi-dan/index.html",
                "cau-chuyen/index.html", "cau-chuyen/chu-de/", "cau-chuyen/nam/")


@dataclass(frozen=True)
class Share:
    page: str  # site-relative path of the HTML file
    kind: str
    citation_words: int
    words: int

    @property
    def percent(self) -> float:
        return 100 * self.citation_words / self.words if self.words else 0.0


def count_words(text: str) -> int:
    return sum(1 for token in text.split() if any(char.isalnum() for char in token))


def citation_share(html: str, markers: str = MARKERS) -> tuple[int, int]:
    """(words of citation text, words of main content) of one page's HTML."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article")
    if not isinstance(article, Tag):
        return 0, 0
    for hidden in article.select(", ".join(NOT_READ)):
        hidden.decompose()
    cited = sum(count_words(marker.get_text(" ")) for marker in article.select(markers))
    return cited, count_words(article.get_text(" "))


def kind_of(relative: str) -> str:
    """The kind of a measured page ("lesson"…), "FAQ", or "" for pages the limit skips."""
    path = relative.removeprefix("en/")
    if path.startswith("nguoi-dan/hoi-dap/"):
        return "FAQ"
    if any(path.startswith(skipped) for skipped in NOT_MEASURED):
        return ""
    return next((kind for kind, folder in MEASURED.items() if path.startswith(folder)), "")


def shares(site: Path, markers: str = MARKERS) -> Iterator[Share]:
    """The citation share of every measured page of a built site, Vietnamese pages first."""
    pages = sorted(site.rglob("index.html"), key=lambda p: (p.relative_to(site).parts[0] == "en",
                                                             p.as_posix()))
    for page in pages:
        relative = page.relative_to(site).as_posix()
        kind = kind_of(relative)
        if kind:
            cited, words = citation_share(page.read_text(encoding="utf-8"), markers)
            yield Share(relative.removesuffix("index.html"), kind, cited, words)
