"""The content HTML policy: the HTML an author may write in Markdown, in one place.

Markdown covers almost everything a page needs; raw HTML is allowed only for the
few things it cannot say (a fold-out `<details>`, a key `<kbd>`, an abbreviation
`<abbr>`, a table with merged cells, a `<div markdown>` grid of cards) and with the
attributes those need and the Markdown extensions write (`class`, `id`, `markdown`).
Anything else — another element, an event attribute (`onclick`), `style`, a
`javascript:`/`data:` address, an image or file from another host — is a located
problem. Code (fenced blocks and `code spans`) is text, not HTML, and is skipped.

Text from YAML is never HTML: every template escapes it (see render.py), so this
policy applies to authored Markdown: docs/**/*.md and materials/**/*.md.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

from hoagiai.problems import Text
from hoagiai.recent import Recent

# Element -> the attributes it may carry besides GLOBAL_ATTRIBUTES.
ALLOWED_ELEMENTS: dict[str, frozenset[str]] = {
    **{name: frozenset() for name in (
        "p", "br", "hr", "span", "div", "section", "blockquote", "pre", "code",
        "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
        "kbd", "abbr", "dfn", "var", "samp", "wbr", "figure", "figcaption", "summary",
        "ul", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "caption", "thead", "tbody", "tfoot", "tr",
    )},
    "a": frozenset({"href", "hreflang", "rel"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "details": frozenset({"open"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "th": frozenset({"colspan", "rowspan", "scope", "align"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "q": frozenset({"cite"}),
    "time": frozenset({"datetime"}),
}
# On every allowed element: what attr_list and md_in_html write, accessible names, and
# `data-search-exclude` (the site's own search leaves that content out: search/html_text.py).
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "markdown",
                               "data-search-exclude"})
GLOBAL_PREFIXES = ("aria-",)
# Attributes holding an address; `src` loads a resource (a request when the page opens).
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
RESOURCE_ATTRIBUTES = frozenset({"src"})
# Schemes a link may use; anything else (javascript:, data:, file:, vbscript:) is refused.
LINK_SCHEMES = ("http:", "https:", "mailto:", "tel:")
GUIDE = "HUONG-DAN-BIEN-SOAN.md"


@dataclass(frozen=True)
class Finding:
    """One breach of the policy, at a line and column (from 1) of the checked text."""

    line: int
    column: int
    what: Text
    fix: Text


@dataclass(frozen=True)
class Scan:
    """What the policy finds in one Markdown text, and the site's own images it shows."""

    findings: tuple[Finding, ...]  # in the order of the text
    local_images: tuple[tuple[int, int, str], ...]  # (line, column, address): do they exist?


RECENT_SCANS = 20_000  # every page of a large site: mkdocs serve checks again only edited ones
_scans: Recent[Scan] = Recent(RECENT_SCANS)


def scan_markdown(text: str) -> Scan:
    """Every breach of the policy in one Markdown text (raw HTML, links and images), and
    every image of this site's own it shows (`![alt](x.png)` or `<img src>`)."""
    return _scans.get(text, _scan)


def _scan(text: str) -> Scan:
    masked = mask_code(text)
    checker = _HtmlChecker()
    checker.feed(masked)
    checker.close()
    links = list(markdown_links(masked))
    wrong_links = [Finding(line, column, *wrong) for line, column, url, image in links
                   if (wrong := url_finding(url, resource=image))]
    images = [(line, column, url) for line, column, url, image in links
              if image and _is_local(url)]
    images += [(line, column, url) for line, column, url in checker.images if _is_local(url)]
    return Scan(tuple(sorted(checker.findings + wrong_links,
                             key=lambda found: (found.line, found.column))),
                tuple(images))


def url_finding(url: str, *, resource: bool) -> tuple[Text, Text] | None:
    """What is wrong with an address in a link (or, `resource`, an image or file), if anything."""
    cleaned = re.sub(r"[\x00-\x20]+", "", html.unescape(url)).lower()
    shown = _shorten(url)
    scheme = re.match(r"[a-z][a-z0-9+.-]*:", cleaned)
    if scheme and scheme[0] not in LINK_SCHEMES:
        return (
            Text(f"địa chỉ “{shown}” dùng kiểu “{scheme[0]}” không được phép",
                 f"the address “{shown}” uses “{scheme[0]}”, which is not allowed"),
            Text("chỉ dẫn tới trang khác bằng http://, https://, mailto:, tel: hoặc đường dẫn "
                 "tới một tệp trong docs/",
                 "link with http://, https://, mailto:, tel: or a path to a file in docs/"),
        )
    if resource and (scheme or cleaned.startswith("//")):
        return (
            Text(f"ảnh hoặc tệp lấy từ máy chủ khác “{shown}”: trang sẽ gửi yêu cầu ra ngoài",
                 f"an image or file from another host “{shown}”: the page would request it"),
            Text("tải tệp về, lưu vào docs/assets/images/ và dẫn tới tệp đó",
                 "download it, save it in docs/assets/images/ and point to that file"),
        )
    return None


def mask_code(text: str) -> str:
    """`text` with fenced code blocks, code spans and autolinks blanked (newlines kept),
    so that columns and lines stay where they were."""
    lines = text.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        opener = re.match(r"\s*(`{3,}|~{3,})", line)
        if fence is not None:
            if opener and opener[1].startswith(fence):
                fence = None
            lines[index] = " " * len(line)
        elif opener:
            fence = opener[1]
            lines[index] = " " * len(line)
        else:
            lines[index] = _INLINE_CODE.sub(_blank, line)
    return "\n".join(lines)


# Code spans, and autolinks (<https://…>, <name@host>), which are not HTML.
_INLINE_CODE = re.compile(
    r"(`+)(?!`).*?(?<!`)\1(?!`)|<(?:[a-zA-Z][a-zA-Z0-9+.-]*:|[^\s<>@]+@)[^\s<>]*>")
_MARKDOWN_LINK = re.compile(
    r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))*)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)", re.MULTILINE)
_NEWLINE = re.compile("\n")


def _blank(found: re.Match[str]) -> str:
    return " " * len(found[0])


def markdown_links(text: str) -> Iterator[tuple[int, int, str, bool]]:
    """(line, column, address, is_image) of every inline link/image and reference definition."""
    starts = _line_starts(text)
    for found in _MARKDOWN_LINK.finditer(text):
        line, column = _position(starts, found.start(2))
        yield line, column, found[2], bool(found[1])
    for found in _REFERENCE.finditer(text):
        line, column = _position(starts, found.start(1))
        yield line, column, found[1], False


def _line_starts(text: str) -> list[int]:
    return [0, *(found.end() for found in _NEWLINE.finditer(text))]


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _is_local(url: str) -> bool:
    return bool(url) and url_finding(url, resource=True) is None and not url.startswith("#")


def _shorten(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


class _HtmlChecker(HTMLParser):
    """Finds raw HTML the policy does not allow, with its place."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self.images: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, offset = self.getpos()
        column = offset + 1
        allowed = ALLOWED_ELEMENTS.get(tag)
        if allowed is None:
            self.findings.append(Finding(line, column, *_element_not_allowed(tag)))
            return
        for name, value in attrs:
            wrong = _attribute_finding(tag, name, value or "", allowed)
            if wrong:
                self.findings.append(Finding(line, column, *wrong))
            elif tag == "img" and name == "src" and value:
                self.images.append((line, column, value))


def _element_not_allowed(tag: str) -> tuple[Text, Text]:
    fix = _ELEMENT_FIXES.get(tag, Text("xóa thẻ này hoặc viết bằng Markdown",
                                       "remove it or write it in Markdown"))
    return (
        Text(f"thẻ HTML “<{tag}>” không được dùng trong bài viết",
             f"the HTML element “<{tag}>” is not allowed in content"),
        Text(f"{fix.vi}; các thẻ được dùng có trong {GUIDE}, mục “HTML trong bài viết”",
             f"{fix.en}; the allowed elements are listed in {GUIDE}, “HTML in content”"),
    )


_EMBED_FIX = Text("không nhúng trang hay tệp của nơi khác: viết một liên kết thường "
                  "[tên](địa chỉ)",
                  "do not embed other sites or files: write a plain link [name](address)")
_ELEMENT_FIXES: dict[str, Text] = {
    "script": Text("trang không chạy mã lấy từ nội dung: xóa thẻ này",
                   "pages never run code from content: remove it"),
    "style": Text("kiểu trình bày nằm trong docs/assets/css: xóa thẻ này",
                  "styles live in docs/assets/css: remove it"),
    **{tag: _EMBED_FIX for tag in ("iframe", "object", "embed", "frame", "frameset", "applet")},
}


def _attribute_finding(tag: str, name: str, value: str,
                       allowed: frozenset[str]) -> tuple[Text, Text] | None:
    if name.startswith("on"):
        return (
            Text(f"thuộc tính “{name}” (chạy mã khi bấm, rê chuột…) không được dùng",
                 f"the attribute “{name}” (runs code on a click, hover…) is not allowed"),
            Text("xóa thuộc tính này", "remove this attribute"),
        )
    if name == "style":
        return (
            Text("thuộc tính “style” không được dùng (trang chặn kiểu viết thẳng vào thẻ)",
                 "the attribute “style” is not allowed (pages block inline styles)"),
            Text("xóa “style”; cần kiểu riêng thì nhờ người phát triển thêm một lớp (class) "
                 "vào docs/assets/css/site.css",
                 "remove “style”; for a special look ask a developer to add a class to "
                 "docs/assets/css/site.css"),
        )
    if name not in allowed and name not in GLOBAL_ATTRIBUTES \
            and not name.startswith(GLOBAL_PREFIXES):
        return (
            Text(f"thuộc tính “{name}” không dùng được trên thẻ “<{tag}>”",
                 f"the attribute “{name}” is not allowed on “<{tag}>”"),
            Text("xóa thuộc tính này", "remove this attribute"),
        )
    if name in URL_ATTRIBUTES:
        return url_finding(value, resource=name in RESOURCE_ATTRIBUTES)
    return None
