"""Social sharing: preview-card tags and share links for every page, in both languages.

Facebook, Zalo and other apps build a link preview from Open Graph tags; these
need absolute URLs, so the card is computed here from the site's `site_url`.
Every page has its own 1200 × 630 picture (title, section, commune), drawn after
the pages of each language and cached by content (`drawing.py`, `cards.py`).
The share links are plain links to the apps' share pages: no third-party
script runs on the site (copy-link is a few lines of our own JavaScript).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from hoagiai.feature import Feature, OutputFile, PageContext
from hoagiai.render import t
from hoagiai.sharing.card import share_card
from hoagiai.sharing.cards import card_path, card_text, posting_kit
from hoagiai.sharing.drawing import CardMaker, CardText
from hoagiai.site import Site
from hoagiai.urls import absolute

LOG = logging.getLogger("mkdocs.plugins.hoagiai.sharing")


def card_cache(root: Path) -> Path:
    """`.cache/cards/` of the project, or `cards/` under $HOAGIAI_CACHE_DIR when it is set."""
    shared = os.environ.get("HOAGIAI_CACHE_DIR")
    return Path(shared) / "cards" if shared else root / ".cache" / "cards"


class SharingFeature(Feature):
    """Adds `hg.share` (the preview card and share links) to every page's template context,
    and writes each page's card picture into the built site."""

    name = "sharing"

    def __init__(self) -> None:
        self._cards: dict[str, dict[str, CardText]] = {}  # lang -> card path -> text
        self.maker: CardMaker | None = None

    def before_pages(self, site: Site, lang: str, every_page: bool) -> None:
        if every_page:
            self._cards[lang] = {}

    def page_context(self, site: Site, page: PageContext) -> dict[str, Any]:
        text = card_text(page.url, page.lang, page.meta)
        path = card_path(page.url, page.lang)
        self._cards.setdefault(page.lang, {})[path] = text
        page_url = absolute(site.site_url, page.url)
        return {"share": share_card(
            site.site_url, page.url, page.lang, page.meta, image=path,
            image_alt=t("sharing.card_alt", page.lang, title=text.title, section=text.section),
            kit=posting_kit(page.url, page.lang, page.meta, page_url),
        )}

    def after_pages(self, site: Site, lang: str) -> Iterable[OutputFile]:
        maker = self.maker = CardMaker(card_cache(site.paths.root))
        for path, text in sorted(self._cards.get(lang, {}).items()):
            yield OutputFile(path, maker.card(text))
        LOG.info("Cards (%s): %d drawn, %d reused from cache", lang, len(maker.drawn),
                 len(maker.reused))
