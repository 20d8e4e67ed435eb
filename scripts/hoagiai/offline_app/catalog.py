"""What the service worker keeps, read from the finished site: `offline.json` and `sw.js`.

Written once both languages are built (the plugin calls `write`). The release id is a
hash of every file of the build, so each publication that changes anything is a new
release: `sw.js` changes with it, the browser installs the new worker, which refreshes what
it keeps and deletes the old caches (see worker.js).

`offline.json` (the catalog) holds, as site-relative addresses (pages by their folder,
"hoc-tap/"):
- `core`: kept after the first visit — `shared` (the theme's CSS, JS and icons, the app
  manifests, this catalog) and, per language, the home page, every section index, the
  offline page and that language's search index;
- `modules`: what "Save for offline" keeps for each module page;
- `files`: every file a reader could keep, `[bytes, language]` ("" for shared files), from
  which the pages count the size of "everything".
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from hoagiai.html_tags import start_tags
from hoagiai.offline_app.names import (
    CATALOG,
    ICON_SIZES,
    MANIFEST,
    OFFLINE_PAGE,
    USB_FOLDER,
    USB_NOTE,
    WORKER,
    icon_name,
    manifest_name,
)
from hoagiai.site import DEFAULT_LANGUAGE, LANGUAGES
from hoagiai.sitemap import SITE_MAP
from hoagiai.urls import localized_path

WORKER_SOURCE = Path(__file__).with_name("worker.js")
# Never offered to keep: what no reader opens (source maps, sitemaps, 404 pages), the
# worker and its catalog (kept by the worker itself), the USB copy.
_LEFT_OUT = re.compile(r"(\.map|\.gz|sitemap\.xml|(^|/)404\.html|robots\.txt)$")
_SHARED_ASSETS = re.compile(r"^assets/(css/.+\.css|js/.+\.js|stylesheets/.+\.css|images/.+)$")
_FAKE_ORIGIN = "http://site.invalid/"
PageLoads = Callable[[str], list[str]]  # a page's address -> what it loads

# What assets/js/search.js loads when a search starts (not named by the pages).
ON_DEMAND = ("assets/js/search-engine.js", "assets/css/search.css")

LEARNING, QUIZZES, HANDOUTS = (SITE_MAP[key].slug for key in ("learning", "quizzes", "handouts"))


def write(site_dir: Path) -> str:
    """Write the catalog and the worker into `site_dir`; returns the release id."""
    files = _site_files(site_dir)
    release = release_id(site_dir, files)
    catalog = build_catalog(site_dir, files, release)
    (site_dir / CATALOG).write_text(
        json.dumps(catalog, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    names = json.dumps({"catalog": CATALOG, "offline": OFFLINE_PAGE, "usb": USB_FOLDER,
                        "languages": list(LANGUAGES)})
    worker = WORKER_SOURCE.read_text(encoding="utf-8")
    (site_dir / WORKER).write_text(
        f'const RELEASE = "{release}";\nconst SITE = {names};\n{worker}', encoding="utf-8")
    _no_usb_copy_yet(site_dir)
    return release


def _no_usb_copy_yet(site_dir: Path) -> None:
    """The note that says which USB copy goes with this release: none until `hoagiai
    publish` puts one next to the site (publish/offline.py), so pages ask for a file that
    exists and need not meet a 404."""
    note = site_dir / USB_NOTE
    if not note.exists():
        note.parent.mkdir(parents=True, exist_ok=True)
        note.write_text(json.dumps({"file": None}), encoding="utf-8")


def _site_files(site_dir: Path) -> list[str]:
    names = (path.relative_to(site_dir).as_posix()
             for path in site_dir.rglob("*") if path.is_file())
    return sorted(name for name in names if not name.startswith(".")
                  and name not in (CATALOG, WORKER) and not name.startswith(USB_FOLDER))


def release_id(site_dir: Path, files: list[str]) -> str:
    """A short hash of every file's name and content."""
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + (site_dir / name).read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def address(name: str) -> str:
    """The address a reader opens for a built file: "hoc-tap/index.html" -> "hoc-tap/"."""
    if name == "index.html":
        return ""
    return name[: -len("index.html")] if name.endswith("/index.html") else name


def language_of_file(name: str) -> str:
    """"en/…", "search/en.js" and "search/en/…" are English; shared assets are ""; the rest
    Vietnamese."""
    if _SHARED_ASSETS.match(name) or MANIFEST.match(name):
        return ""
    for lang in LANGUAGES:
        its_files = (_prefix(lang), f"search/{lang}.js", f"search/{lang}/")
        if lang != DEFAULT_LANGUAGE and name.startswith(its_files):
            return lang
    return DEFAULT_LANGUAGE


def build_catalog(site_dir: Path, files: list[str], release: str) -> dict:
    keepable = [name for name in files if not _LEFT_OUT.search(name)]
    # Each page read once: the key points page is in every module's bundle.
    loads: PageLoads = functools.cache(functools.partial(subresources, site_dir))
    core = {lang: _language_core(site_dir, lang) for lang in LANGUAGES}
    core["shared"] = _shared_core(core, loads)
    return {
        "release": release,
        "core": core,
        "modules": _modules(site_dir, loads),
        "files": {address(name): [(site_dir / name).stat().st_size, language_of_file(name)]
                  for name in keepable},
    }


def _prefix(lang: str) -> str:
    return localized_path("", lang)


def _language_core(site_dir: Path, lang: str) -> list[str]:
    """The home page, every section index, the offline page and the search index."""
    prefix = _prefix(lang)
    home = site_dir / prefix
    sections = sorted(
        f"{prefix}{folder.name}/" for folder in home.iterdir()
        if folder.is_dir() and (folder / "index.html").is_file()
        and folder.name not in LANGUAGES)
    pages = [prefix, *sections]
    offline = f"{prefix}{OFFLINE_PAGE}"
    if offline not in pages:
        pages.append(offline)
    return [*pages, f"search/{lang}.js"]


def _shared_core(core: dict[str, list[str]], loads: PageLoads) -> list[str]:
    """What the core pages load, what search loads when it starts, the offline page of every
    language (a reader of one language may open a link to the other), the app's manifests
    and small icon, and the catalog."""
    pages = [page for lang in LANGUAGES for page in core[lang] if page.endswith("/")
             or page == ""]
    loaded = {asset for page in pages for asset in loads(page)}
    offline_pages = {f"{_prefix(lang)}{OFFLINE_PAGE}" for lang in LANGUAGES}
    return sorted(loaded | set(ON_DEMAND) | offline_pages | {icon_name(ICON_SIZES[0]), CATALOG}
                  | {manifest_name(lang) for lang in LANGUAGES})


def _modules(site_dir: Path, loads: PageLoads) -> dict[str, list[str]]:
    """Each module page -> the module, its key points, its quiz, its handout page and PDFs,
    and the styles and scripts these pages load. Found by the site's own addresses:
    hoc-tap/<module>/, hoc-tap/y-chinh/, trac-nghiem/<module>/, tai-lieu-in/<module>/ and
    tai-lieu-in/<module>-*.pdf."""
    bundles: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        prefix = _prefix(lang)
        folder = site_dir / prefix / LEARNING
        if not folder.is_dir():
            continue
        for module in sorted(folder.iterdir()):
            if not (module / "index.html").is_file() or module.name == "y-chinh":
                continue
            slug = module.name
            pages = [f"{prefix}{LEARNING}/{slug}/", f"{prefix}{LEARNING}/y-chinh/",
                     f"{prefix}{QUIZZES}/{slug}/", f"{prefix}{HANDOUTS}/{slug}/"]
            pages = [page for page in pages if (site_dir / page / "index.html").is_file()]
            pdfs = sorted(f"{prefix}{HANDOUTS}/{pdf.name}"
                          for pdf in (site_dir / prefix / HANDOUTS).glob(f"{slug}-*.pdf"))
            assets = sorted({asset for page in pages for asset in loads(page)})
            bundles[pages[0]] = [*pages, *pdfs, *assets]
    return bundles


# The tags that load a file (stylesheets are told apart from other links by their rel) and
# the citation notes' tags that name files of quoted words (legal/quote_files.py: the folder
# in the notes' `data-hg-quotes`, the document first in each link's `data-hg-quote`).
# Comments are matched so that a tag inside one is skipped, as a parser of the whole page
# would; a tag runs to the first ">" outside its quoted attribute values.
_IN_TAG = r"""(?:[^>"']|"[^"]*"|'[^']*')"""
_LOADING_TAG = re.compile(
    rf"<!--.*?-->|<(?:link|script|img)\b{_IN_TAG}*>|<[a-z]{_IN_TAG}*?\bdata-hg-quotes?={_IN_TAG}*>",
    re.IGNORECASE | re.DOTALL)


def _loaded_links(html: str) -> list[str]:
    """Addresses (as written) of the stylesheets, scripts and images a page loads, and of the
    files of quoted words its citation notes load when opened."""
    found: list[str] = []
    quotes = ""
    for tag, values in start_tags(html, _LOADING_TAG):
        if tag == "link" and "stylesheet" in values.get("rel", ""):
            found.append(values.get("href", ""))
        elif tag in ("script", "img") and values.get("src"):
            found.append(values["src"])
        quotes = values.get("data-hg-quotes") or quotes
        if quotes and values.get("data-hg-quote"):
            found.append(f"{quotes}{values['data-hg-quote'].split()[0]}.js")
    return found


def subresources(site_dir: Path, page: str) -> list[str]:
    """Site-relative addresses of the files of this site that `page` loads."""
    base = urljoin(_FAKE_ORIGIN, page)
    found = []
    for link in _loaded_links((site_dir / page / "index.html").read_text(encoding="utf-8")):
        target = urlsplit(urljoin(base, link))
        if f"{target.scheme}://{target.netloc}/" == _FAKE_ORIGIN:
            path = PurePosixPath(target.path.lstrip("/")).as_posix()
            if (site_dir / path).is_file():
                found.append(path)
    return found
