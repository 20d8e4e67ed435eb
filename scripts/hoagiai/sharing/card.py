"""The preview card of one page (Open Graph / Twitter) and its share links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from hoagiai.language import LOCALES
from hoagiai.render import t
from hoagiai.sharing.cards import Kit
from hoagiai.urls import absolute

# A picture made by the project (scripts/tools/share_image.py), 1200×630 as the apps expect.
IMAGE = "assets/images/chia-se.png"
IMAGE_WIDTH = 1200
IMAGE_HEIGHT = 630


@dataclass(frozen=True)
class ShareLink:
    name: str  # "facebook", "zalo": also the CSS modifier
    label: str
    href: str


@dataclass(frozen=True)
class ShareCard:
    url: str
    image: str
    image_alt: str
    image_width: int
    image_height: int
    locale: str
    type: str  # "website" or "article"
    links: tuple[ShareLink, ...]
    kit: Kit | None = None  # a story's or module's ready-to-post kit


def share_card(site_url: str, url: str, lang: str, meta: dict[str, Any], image: str = IMAGE,
               image_alt: str = "", kit: Kit | None = None) -> ShareCard:
    """Everything the theme needs for the page at site-relative `url`; `image` is the
    site-relative path of its card (the site's common picture unless the page has its own)."""
    page_url = absolute(site_url, url)
    encoded = quote(page_url, safe="")
    links = (
        ShareLink("facebook", t("sharing.facebook", lang),
                  f"https://www.facebook.com/sharer/sharer.php?u={encoded}"),
        ShareLink("zalo", t("sharing.zalo", lang), f"https://sp.zalo.me/share_to_zalo?url={encoded}"),
    )
    return ShareCard(
        url=page_url,
        image=absolute(site_url, image),
        image_alt=image_alt or t("sharing.image_alt", lang),
        image_width=IMAGE_WIDTH,
        image_height=IMAGE_HEIGHT,
        locale=LOCALES[lang],
        type="article" if meta.get("date") else "website",
        links=links,
        kit=kit,
    )
