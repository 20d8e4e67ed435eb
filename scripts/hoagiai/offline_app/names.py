"""Where the offline app's files live in the built site (site-relative)."""

from __future__ import annotations

import re

from hoagiai.sitemap import SITE_MAP

# The service worker: at the site's root, so its scope is the whole site (both languages)
# without a Service-Worker-Allowed header, at a domain root or under /hoa-giai/.
WORKER = "sw.js"
# What the worker keeps, written with it (catalog.py).
CATALOG = "offline.json"
# The offline page of each language (a generated page, `ngoai-tuyen.md`).
OFFLINE_SOURCE = SITE_MAP["offline"].index
OFFLINE_PAGE = SITE_MAP["offline"].folder
# The app icons, made from the share picture (icons.py).
ICON_SIZES = (192, 512)
# The USB copy, put here by `hoagiai publish` (never part of "everything").
USB_FOLDER = "tai-ve/"
USB_NOTE = "tai-ve/ban-usb.json"
MANIFEST = re.compile(r"^manifest-\w+\.json$")


def manifest_name(lang: str) -> str:
    """One manifest per language (start address and scope differ), at the site root."""
    return f"manifest-{lang}.json"


def icon_name(size: int, maskable: bool = False) -> str:
    return f"assets/images/app-{size}{'-maskable' if maskable else ''}.png"
