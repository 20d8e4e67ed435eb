"""The security policy every built page must pass before it is published.

This is about what a page can do to its reader, not about which elements it uses:
a new feature may write any markup, as long as the page
- runs scripts only from files of the site itself (`<script src>` on this host;
  a JSON-LD data block is data, not code),
- has no event-handler attribute (`onclick`, …), no `style` attribute or `<style>`
  element (the CSP is `style-src 'self'`),
- has no `javascript:`/`data:`/`vbscript:` address in a link or a resource,
- embeds nothing (`<iframe>`, `<object>`, `<embed>`, `<frame>`, `<applet>`, `<base>`),
- loads no resource (image, script, stylesheet, font, media…) from another host.
It holds where no CSP applies too: the USB copy opened from `file://`, another server.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

FORBIDDEN_ELEMENTS = frozenset({"iframe", "object", "embed", "frame", "frameset", "applet",
                                "base", "style"})
DATA_SCRIPT_TYPES = frozenset({"application/ld+json", "application/json"})
# Attributes whose address the browser loads (or runs) without the reader asking.
RESOURCE_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background", "xlink:href"})
ADDRESS_ATTRIBUTES = frozenset({"href", "action", "formaction", "cite", *RESOURCE_ATTRIBUTES})
# <link rel=…> values that make the browser fetch the address.
FETCHING_LINKS = frozenset({"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload",
                            "prefetch", "modulepreload", "manifest", "mask-icon", "dns-prefetch",
                            "preconnect"})
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")


def check_site(site_dir: Path, site_url: str = "") -> list[str]:
    """One line per breach on every HTML page of the built site: `page: what`."""
    own_host = urlsplit(site_url).netloc.lower()
    problems: list[str] = []
    for page in sorted(site_dir.rglob("*.html")):
        where = page.relative_to(site_dir).as_posix()
        text = page.read_text(encoding="utf-8", errors="replace")
        problems.extend(f"{where}:{line}: {what}" for line, what in check_page(text, own_host))
    return problems


def check_page(html_text: str, own_host: str = "") -> list[tuple[int, str]]:
    """(line, what) for each breach of the policy in one page."""
    checker = _PageChecker(own_host)
    checker.feed(html_text)
    checker.close()
    return checker.problems


class _PageChecker(HTMLParser):
    def __init__(self, own_host: str) -> None:
        super().__init__(convert_charrefs=True)
        self.own_host = own_host
        self.problems: list[tuple[int, str]] = []
        self._inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for text in _tag_problems(tag, values, self.own_host):
            self.problems.append((self.getpos()[0], text))
        self._inline_script = (tag == "script" and "src" not in values
                               and values.get("type", "").lower() not in DATA_SCRIPT_TYPES)

    def handle_data(self, data: str) -> None:
        if self._inline_script and data.strip():
            self.problems.append((self.getpos()[0], "inline <script> (scripts must be files)"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inline_script = False


def _tag_problems(tag: str, values: dict[str, str], own_host: str) -> Iterable[str]:
    if tag in FORBIDDEN_ELEMENTS:
        yield f"<{tag}> is not allowed"
    fetches = tag != "link" or bool(FETCHING_LINKS & set(values.get("rel", "").lower().split()))
    for name, value in values.items():
        if name.startswith("on"):
            yield f"event-handler attribute {name}= on <{tag}>"
        elif name == "style":
            yield f"style= attribute on <{tag}>"
        elif name in ADDRESS_ATTRIBUTES or (tag == "link" and name == "href"):
            yield from _address_problems(tag, name, value, own_host,
                                         resource=(name in RESOURCE_ATTRIBUTES
                                                   or (tag == "link" and fetches)))


def _address_problems(tag: str, name: str, value: str, own_host: str,
                      resource: bool) -> Iterable[str]:
    addresses = [part.strip().split(" ")[0] for part in value.split(",")] \
        if name == "srcset" else [value]
    for address in addresses:
        cleaned = re.sub(r"[\x00-\x20]+", "", address).lower()
        if cleaned.startswith(UNSAFE_SCHEMES):
            yield f"{cleaned.split(':')[0]}: address in <{tag} {name}>"
        elif resource and _other_host(cleaned, own_host):
            yield f"<{tag} {name}> loads from another host: {address[:80]}"


def _other_host(address: str, own_host: str) -> bool:
    parts = urlsplit(address)
    if not parts.netloc:
        return bool(parts.scheme) and parts.scheme not in ("http", "https")
    return parts.netloc != own_host
