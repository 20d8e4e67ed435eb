"""Every page's own social card: where it is published, what it shows, and the posting kit.

A page at `en/hoc-tap/ky-nang/` gets `assets/cards/en/hoc-tap/ky-nang.png`. The pictures
are drawn after the pages of a language (`CardMaker`, cached by content) and written
into the built site; stories and modules also get a ready-to-post kit: the card, the
short text of their front matter and their link, shown in the share box.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from hoagiai.render import strings, t
from hoagiai.sharing.drawing import CardText
from hoagiai.sitemap import SITE_MAP
from hoagiai.urls import localized_path

FOLDER = "assets/cards"
KIT_SECTIONS = (SITE_MAP["stories"].folder, SITE_MAP["learning"].folder)


def _plain(value: Any) -> str:
    """Front matter text as written: the theme may hand it over already HTML-escaped."""
    return value.unescape() if isinstance(value, Markup) else str(value)


def _page_path(url: str, lang: str) -> str:
    """`en/hoc-tap/ky-nang/` -> `hoc-tap/ky-nang`; the home page is `index`."""
    path = url.removeprefix(localized_path("", lang))
    path = path.removesuffix("index.html").removesuffix(".html").strip("/")
    return path or "index"


def card_path(url: str, lang: str) -> str:
    return f"{FOLDER}/{localized_path(_page_path(url, lang), lang)}.png"


def section_name(url: str, lang: str) -> str:
    path = _page_path(url, lang)
    first = "home" if path == "index" else path.split("/")[0]
    key = f"sharing.section.{first}"
    return t(key if key in strings() else "sharing.section.other", lang)


def card_text(url: str, lang: str, meta: dict[str, Any]) -> CardText:
    section = section_name(url, lang)
    # The home page is shared under the site's name, as its share title is (not "Trang chủ").
    home = _page_path(url, lang) == "index"
    site = t("sharing.site", lang)
    title = site if home else _plain(meta.get("title") or site)
    return CardText(title=title, section=section, commune=t("sharing.commune", lang), site=site)


@dataclass(frozen=True)
class Kit:
    """What the commune posts for one story or module."""

    image: str  # relative link to the card, for download
    text: str  # the short text (front matter description) and the page's address


def posting_kit(url: str, lang: str, meta: dict[str, Any], page_url: str) -> Kit | None:
    path = _page_path(url, lang) + "/"
    if not path.startswith(KIT_SECTIONS) or path.endswith("index/") or path in KIT_SECTIONS:
        return None
    if not meta.get("description"):
        return None
    from_dir = url if url.endswith("/") else posixpath.dirname(url)
    image = posixpath.relpath("/" + card_path(url, lang), "/" + from_dir)
    description = " ".join(_plain(meta["description"]).split())
    text = f"{_plain(meta['title'])}\n\n{description}\n\n{page_url}"
    return Kit(image=image, text=text)
