"""Where pages and files are served, as absolute addresses or as links between pages.

MkDocs serves `a/b.md` at `a/b/` (directory URLs, the published site) or at
`a/b.html` (the offline copy, opened from file://); English lives under `en/`.
Every feature that writes an address itself (feeds, preview cards, QR codes,
links added to finished HTML) goes through these functions.
"""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath
from urllib.parse import urljoin

from hoagiai.site import DEFAULT_LANGUAGE

FALLBACK_SITE_URL = "http://localhost:8000/"


def base_url(site_url: str) -> str:
    """`site_url` with exactly one trailing slash (MkDocs' default when it is unset)."""
    return (site_url or FALLBACK_SITE_URL).rstrip("/") + "/"


def absolute(site_url: str, site_relative: str) -> str:
    """`en/cau-chuyen/` on `https://x.vn/hoa-giai/` is `https://x.vn/hoa-giai/en/cau-chuyen/`."""
    return urljoin(base_url(site_url), site_relative.lstrip("/"))


def page_path(base_uri: str, directory_urls: bool = True) -> str:
    """The site-relative URL of a page source: `a/b.md` -> `a/b/` (or `a/b.html`)."""
    path = PurePosixPath(base_uri)
    folder = "" if str(path.parent) == "." else f"{path.parent}/"
    if not directory_urls:
        return f"{folder}{path.stem}.html"
    return folder if path.stem == "index" else f"{folder}{path.stem}/"


def localized_path(site_relative: str, lang: str) -> str:
    """English pages and files live under `en/`."""
    return site_relative if lang == DEFAULT_LANGUAGE else f"{lang}/{site_relative}"


def page_url(site_url: str, base_uri: str, lang: str) -> str:
    return absolute(site_url, localized_path(page_path(base_uri), lang))


def file_url(site_url: str, path: str, lang: str) -> str:
    return absolute(site_url, localized_path(path, lang))


def relative(target: str, from_url: str) -> str:
    """A link from the page served at `from_url` to `target` (both site-relative)."""
    from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    link = posixpath.relpath("/" + target, "/" + from_dir)
    if target.endswith("/") or not target:
        link = link.rstrip("/") + "/" if link != "." else "./"
    return link
