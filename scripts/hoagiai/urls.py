"""Where pages and files are served, as absolute addresses or as links between pages.

MkDocs serves `a/b.md` at `a/b/` (directory URLs, the published site) or at
`a/b.html` (the offline copy, opened from file://); English lives under `en/`.
Every feature that writes an address or a language file name itself (feeds,
preview cards, QR codes, links added to finished HTML, PDFs) goes through these
functions.
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

from hoagiai.language import DEFAULT_LANGUAGE, LANGUAGES

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


def language_of_url(site_relative: str) -> str:
    """`en/hoc-tap/x/` is English; an address without a language folder is Vietnamese."""
    first = site_relative.partition("/")[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def language_free_path(site_relative: str) -> str:
    """`en/hoc-tap/x/` -> `hoc-tap/x/`: the same page's address without its language folder."""
    if language_of_url(site_relative) == DEFAULT_LANGUAGE:
        return site_relative
    return site_relative.partition("/")[2]


def language_root(site_url: str, lang: str) -> str:
    """The site's address for one language: `…/` for Vietnamese, `…/en/` for English
    (`/`, `/en/` when there is no address)."""
    return site_url.rstrip("/") + "/" + localized_path("", lang)


def language_url(site_url: str, site_relative: str, lang: str) -> str:
    """`site_relative` in `lang` under the site's address (`/en/x/` when there is none, never
    this computer's): `tinh-huong/x/` in English is `https://x.vn/en/tinh-huong/x/`."""
    return language_root(site_url, lang) + site_relative


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


# Source and output file names: `x.md` is Vietnamese, `x.en.md` English.

def language_of(src_uri: str) -> str:
    """`x.en.md` is English; anything without a language suffix is Vietnamese."""
    parts = Path(src_uri).name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in LANGUAGES else DEFAULT_LANGUAGE


def language_free_uri(src_uri: str) -> str:
    lang = language_of(src_uri)
    if lang == DEFAULT_LANGUAGE and f".{lang}." not in Path(src_uri).name:
        return src_uri
    return src_uri.replace(f".{lang}.", ".", 1)


def localized_uri(base_uri: str, lang: str) -> str:
    """`hoc-tap/index.md` in English is `hoc-tap/index.en.md`; Vietnamese keeps the plain name."""
    if lang == DEFAULT_LANGUAGE:
        return base_uri
    stem, dot, suffix = base_uri.rpartition(".")
    return f"{stem}{language_suffix(lang)}.{suffix}" if dot else base_uri + language_suffix(lang)


def language_suffix(lang: str) -> str:
    """What a file name of `lang` carries before its extension: "" or ".en"."""
    return "" if lang == DEFAULT_LANGUAGE else f".{lang}"
