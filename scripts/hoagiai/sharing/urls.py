"""Absolute addresses of pages and files, as feeds and preview cards need them."""

from __future__ import annotations

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


def page_path(base_uri: str) -> str:
    """The site-relative URL of a page source, with directory URLs: `a/b.md` -> `a/b/`."""
    path = PurePosixPath(base_uri)
    folder = "" if str(path.parent) == "." else f"{path.parent}/"
    return folder if path.stem == "index" else f"{folder}{path.stem}/"


def localized_path(site_relative: str, lang: str) -> str:
    """English pages and files live under `en/`."""
    return site_relative if lang == DEFAULT_LANGUAGE else f"{lang}/{site_relative}"


def page_url(site_url: str, base_uri: str, lang: str) -> str:
    return absolute(site_url, localized_path(page_path(base_uri), lang))


def file_url(site_url: str, path: str, lang: str) -> str:
    return absolute(site_url, localized_path(path, lang))
