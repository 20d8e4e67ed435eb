"""Social sharing: preview-card tags and share links for every page, in both languages.

Facebook, Zalo and other apps build a link preview from Open Graph tags; these
need absolute URLs, so the card is computed here from the site's `site_url`.
The share links are plain links to the apps' share pages: no third-party
script runs on the site (copy-link is a few lines of our own JavaScript).
"""

from __future__ import annotations

from typing import Any

from hoagiai.feature import Feature, PageContext
from hoagiai.sharing.card import share_card
from hoagiai.site import Site


class SharingFeature(Feature):
    """Adds `hg.share` (the preview card and share links) to every page's template context."""

    name = "sharing"

    def page_context(self, site: Site, page: PageContext) -> dict[str, Any]:
        return {"share": share_card(site.site_url, page.url, page.lang, page.meta)}
