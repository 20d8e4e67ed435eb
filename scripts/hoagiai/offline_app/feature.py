"""The site as an app that keeps working without signal: manifests, icons, the offline page
and the "Save for offline" box of module pages. The worker and its catalog are written
once the site is built (catalog.py); docs/assets/js/offline.js is the page side."""

from __future__ import annotations

import json
from collections.abc import Iterable

from hoagiai.feature import Feature, GeneratedFile, PageContext, generated_page
from hoagiai.modules.model import module_slug
from hoagiai.offline_app import icons
from hoagiai.offline_app.names import (
    ICON_SIZES,
    OFFLINE_PAGE,
    OFFLINE_SOURCE,
    icon_name,
    manifest_name,
)
from hoagiai.render import render, t
from hoagiai.site import DEFAULT_LANGUAGE, LANGUAGES, Site, language_free_uri
from hoagiai.sitemap import SITE_MAP
from hoagiai.urls import localized_path

THEME_COLOUR = "#8b1a1a"  # --md-primary-fg-color in site.css
BACKGROUND_COLOUR = "#ffffff"
SHARE_PICTURE = "assets/images/chia-se.png"
OFFLINE = SITE_MAP["offline"]
# Pages that offer the USB copy for download ("Tài liệu in" and the about page).
USB_PAGES = (SITE_MAP["handouts"].index, SITE_MAP["about"].index)


class OfflineAppFeature(Feature):
    name = "offline"

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        picture = site.paths.docs / SHARE_PICTURE
        for size in ICON_SIZES:
            for maskable in (False, True):
                yield GeneratedFile(icon_name(size, maskable), DEFAULT_LANGUAGE,
                                    icons.icon(picture, size, maskable))
        for lang in LANGUAGES:
            yield GeneratedFile(manifest_name(lang), DEFAULT_LANGUAGE, manifest(lang))
            meta = {"title": t("offline.title", lang),
                    "description": " ".join(t("offline.description", lang).split()),
                    "audience": OFFLINE.audience, "order": OFFLINE.order}
            yield generated_page(OFFLINE_SOURCE, lang, meta,
                                 render("offline/page.md.j2", lang=lang))

    def page_html(self, site: Site, page: PageContext, html: str) -> str:
        """Module pages end with "Save for offline"; the printable handouts and the about
        page with the USB copy's download link (shown when that copy exists)."""
        if not page.directory_urls:  # the USB copy itself
            return html
        base_uri = language_free_uri(page.src_uri)
        if base_uri in USB_PAGES:
            return html + render("offline/usb.html.j2", lang=page.lang)
        if module_slug(base_uri) is None:
            return html
        box = render("offline/save.html.j2", lang=page.lang, key=page.url,
                     offline_page=page.asset(localized_path(OFFLINE_PAGE, page.lang)))
        return html + box


def manifest(lang: str) -> str:
    """The web app manifest of one language; addresses are relative to the manifest, which
    lives at the site root, so the app works under any path (/hoa-giai/)."""
    start = localized_path("", lang) or "./"
    icons_list = [{"src": icon_name(size, maskable), "sizes": f"{size}x{size}",
                   "type": "image/png", "purpose": "maskable" if maskable else "any"}
                  for size in ICON_SIZES for maskable in (False, True)]
    return json.dumps({
        "name": t("offline.app_name", lang),
        "short_name": t("offline.app_short_name", lang),
        "description": " ".join(t("offline.app_description", lang).split()),
        "lang": lang,
        "id": start,
        "start_url": start,
        "scope": start,
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": icons_list,
    }, ensure_ascii=False, indent=1)
