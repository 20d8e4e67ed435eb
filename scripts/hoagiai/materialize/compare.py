"""What a stock build of the materialized project loses against the real site.

Both sites are read as files: which HTML pages exist, which anchors (`id`s) each page has,
the text of each page's article, and the other files. Differences are summed up over the
site (an anchor kind or a line of text missing from how many pages), so the list says what
is lost, not only how much.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "div", "section",
           "details", "summary", "blockquote", "pre", "figcaption", "aside", "br", "table"}
_SKIPPED = {"script", "style", "template"}
_VOID = {"input", "img", "br", "hr", "meta", "link", "source", "wbr"}
_DIGITS = re.compile(r"\d+")
TOP = 15  # how many kinds of difference a summary lists


class _ArticleText(HTMLParser):
    """The ids, scripts and stylesheets of a whole page, and the links and visible text lines
    of its `<article>` (elements marked `hidden`, such as glossary tooltips, are left out of
    the text: a reader does not see them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.assets: set[str] = set()
        self.links: set[str] = set()
        self.attributes: set[str] = set()  # `a[data-print-url]`: which element has which
        self.lines: list[str] = []
        self._current: list[str] = []
        self._article = 0
        self._skipped = 0
        self._hidden: list[str] = []  # the hidden element being skipped, and same-named inside

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.attributes.update(f"{tag}[{name}]" for name in found)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "script" and found.get("src"):
            self.assets.add(str(found["src"]))
        if tag == "link" and found.get("rel") == "stylesheet" and found.get("href"):
            self.assets.add(str(found["href"]))
        if tag == "a" and self._article and found.get("href"):
            self.links.add(str(found["href"]))
        if self._hidden:
            if tag == self._hidden[0]:
                self._hidden.append(tag)
            return
        if any(name == "hidden" for name, _ in attrs) and tag not in _VOID:
            self._hidden.append(tag)
        elif tag == "article":
            self._article += 1
        elif tag in _SKIPPED:
            self._skipped += 1
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if self._hidden:
            if tag == self._hidden[0]:
                self._hidden.pop()
            return
        if tag == "article":
            self._article -= 1
            self._break()
        elif tag in _SKIPPED:
            self._skipped = max(0, self._skipped - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._article and not self._skipped and not self._hidden:
            self._current.append(data)

    def _break(self) -> None:
        line = " ".join("".join(self._current).split())
        if line:
            self.lines.append(line)
        self._current = []


@dataclass(frozen=True)
class PageFacts:
    ids: frozenset[str]
    assets: frozenset[str]
    links: frozenset[str]
    attributes: frozenset[str]
    lines: tuple[str, ...]


def read_page(path: Path) -> PageFacts:
    parser = _ArticleText()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return PageFacts(frozenset(parser.ids), frozenset(parser.assets), frozenset(parser.links),
                     frozenset(parser.attributes), tuple(parser.lines))


@dataclass
class Comparison:
    """The real site against another build of the same content."""

    pages: int = 0  # HTML pages of the real site
    missing_pages: list[str] = field(default_factory=list)
    extra_pages: list[str] = field(default_factory=list)
    anchors: int = 0  # ids on the real site's pages that the other build also has
    missing_anchors: int = 0
    anchor_kinds: Counter[str] = field(default_factory=Counter)  # id, digits as N -> pages
    asset_kinds: Counter[str] = field(default_factory=Counter)  # script/stylesheet -> pages
    link_kinds: Counter[str] = field(default_factory=Counter)  # link, as a kind -> pages
    attribute_kinds: Counter[str] = field(default_factory=Counter)  # a[data-x] -> pages
    same_text: int = 0
    reordered: int = 0  # pages with the same lines of text in another order
    lost_lines: Counter[str] = field(default_factory=Counter)  # text line -> pages
    added_lines: Counter[str] = field(default_factory=Counter)
    missing_files: Counter[str] = field(default_factory=Counter)  # folder/*.ext -> files
    extra_files: Counter[str] = field(default_factory=Counter)


def compare(real: Path, other: Path, moved: dict[str, str] | None = None) -> Comparison:
    """Compare two built sites file by file (`real` is the reference); `moved` maps a real
    page to where the other build has it instead."""
    moved = moved or {}
    other_files = _files(other)
    real_files = {moved.get(name, name) for name in _files(real)}
    back = {place: name for name, place in moved.items()}
    result = Comparison()
    for name in sorted(real_files - other_files):
        if name.endswith(".html"):
            result.missing_pages.append(name)
        else:
            result.missing_files[_kind(name)] += 1
    for name in sorted(other_files - real_files):
        if name.endswith(".html"):
            result.extra_pages.append(name)
        else:
            result.extra_files[_kind(name)] += 1
    for name in sorted(real_files):
        if not name.endswith(".html"):
            continue
        result.pages += 1
        if name not in other_files:
            continue
        mine, theirs = read_page(real / back.get(name, name)), read_page(other / name)
        missing = mine.ids - theirs.ids
        result.anchors += len(mine.ids) - len(missing)
        result.missing_anchors += len(missing)
        result.anchor_kinds.update({_DIGITS.sub("N", anchor) for anchor in missing})
        result.asset_kinds.update({_link_kind(asset) for asset in mine.assets - theirs.assets})
        result.link_kinds.update({_link_kind(link) for link in mine.links - theirs.links})
        result.attribute_kinds.update(mine.attributes - theirs.attributes)
        if mine.lines == theirs.lines:
            result.same_text += 1
            continue
        lost = {_short(line) for line in set(mine.lines) - set(theirs.lines)}
        added = {_short(line) for line in set(theirs.lines) - set(mine.lines)}
        if not lost and not added:
            result.reordered += 1
        result.lost_lines.update(lost)
        result.added_lines.update(added)
    return result


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def _kind(name: str) -> str:
    """`search/vi/p/3.js` -> `search/vi/p/*.js`: files summed up by folder and extension."""
    path = PurePosixPath(name)
    return str(path.parent / f"*{path.suffix}") if path.suffix else name


def _link_kind(href: str) -> str:
    """`../../thuat-ngu/#hoa-giai-vien` -> `thuat-ngu/#…`, `tel:0243…` -> `tel:…`: a link
    by where it goes, whatever page it is on."""
    if href.startswith(("tel:", "mailto:")):
        return href.split(":", 1)[0] + ":…"
    path, hash_mark, _ = re.sub(r"^(\.\./|\./)+", "", href).partition("#")
    return _DIGITS.sub("N", path) + ("#…" if hash_mark else "")


def _short(line: str) -> str:
    line = _DIGITS.sub("N", line)
    return line if len(line) <= 90 else line[:87] + "…"


def markdown_report(result: Comparison, title: str) -> str:
    """The comparison as a Markdown report (counts first, then the most frequent kinds)."""
    lines = [
        f"# {title}", "",
        f"- Trang HTML / HTML pages: {result.pages - len(result.missing_pages)} / "
        f"{result.pages} có mặt / present; thiếu / missing: "
        f"{', '.join(result.missing_pages) or 'không / none'}",
        f"- Trang thêm / extra pages: {', '.join(result.extra_pages) or 'không / none'}",
        f"- Neo (id) / anchors: {result.anchors} / {result.anchors + result.missing_anchors} "
        f"có mặt / present",
        f"- Chữ giống hệt / identical article text: {result.same_text} / "
        f"{result.pages - len(result.missing_pages)} trang / pages; cùng chữ, khác thứ tự / "
        f"same lines, another order: {result.reordered}",
        "",
    ]
    lines += _section("Tệp khác bị thiếu / other files missing", result.missing_files)
    lines += _section("Tệp khác thêm vào / other files added", result.extra_files)
    lines += _section("Loại neo bị thiếu (số trang) / missing anchor kinds (pages)",
                      result.anchor_kinds)
    lines += _section("Script và CSS bị thiếu (số trang) / scripts and stylesheets missing "
                      "(pages)", result.asset_kinds)
    lines += _section("Liên kết bị thiếu trong bài (số trang) / links missing from the "
                      "article (pages)", result.link_kinds)
    lines += _section("Thuộc tính HTML bị thiếu (số trang) / HTML attributes missing (pages)",
                      result.attribute_kinds)
    lines += _section("Dòng chữ chỉ trang thật có (số trang) / lines only the real site has "
                      "(pages)", result.lost_lines)
    lines += _section("Dòng chữ chỉ bản dựng kia có (số trang) / lines only the other build "
                      "has (pages)", result.added_lines)
    return "\n".join(lines).rstrip() + "\n"


def _section(heading: str, counts: Counter[str]) -> list[str]:
    if not counts:
        return [f"## {heading}", "", "Không có. / None.", ""]
    rows = [f"| {count} | `{_cell(name)}` |" for name, count in counts.most_common(TOP)]
    more = len(counts) - TOP
    tail = ["", f"… và {more} loại khác / and {more} more kinds."] if more > 0 else []
    return [f"## {heading}", "", "| số / count | mục / item |", "|---:|---|", *rows, *tail, ""]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("`", "'")
