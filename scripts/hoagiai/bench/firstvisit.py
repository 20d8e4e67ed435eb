"""First visit of a page: the HTML, CSS and JavaScript a browser downloads, gzip-compressed.

Every page is weighed from what its HTML references, plus the files Material's
scripts start by themselves on every page (found once with a real browser on a
sample of pages, `browser.fetched_files`). Data those scripts fetch (search
index, sitemaps) is not HTML, CSS or JS; it is reported apart, because on a slow
phone connection it matters as much.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from hoagiai.bench.measure import gzip_size, html_pages, page_assets, url_of
from hoagiai.urls import language_free_path

OWN_SCRIPTS = "assets/js/"  # page scripts of the project (docs/assets/js/<name>.js)


@dataclass(frozen=True)
class FirstVisit:
    url: str
    html_gzip: int
    css_gzip: int
    js_gzip: int
    data_gzip: int  # fetched by scripts: search index, sitemaps, ...
    files: tuple[tuple[str, int], ...] = ()  # every CSS and JS file counted, with its gzip size

    @property
    def total_gzip(self) -> int:
        """HTML + CSS + JS, the figure the 70 KB target is about."""
        return self.html_gzip + self.css_gzip + self.js_gzip


@dataclass(frozen=True)
class RuntimeFetches:
    """Files Material's scripts fetch on every page, beyond what the HTML names."""

    code: tuple[str, ...]  # CSS and JS
    data: tuple[str, ...]  # anything else that exists in the site

    @classmethod
    def none(cls) -> RuntimeFetches:
        return cls((), ())


def is_code(path: str) -> bool:
    return PurePosixPath(path).suffix in (".css", ".js")


def runtime_fetches(site: Path, fetched: dict[str, list[str]]) -> RuntimeFetches:
    """What the browser fetched on every sampled page without the page's HTML asking for it."""
    extra: set[str] | None = None
    for url, paths in fetched.items():
        assets = page_assets(site, site / url / "index.html")
        named = set(assets.styles) | set(assets.scripts)
        unnamed = {path for path in paths if path not in named and (site / path).is_file()}
        extra = unnamed if extra is None else extra & unnamed
    extra = extra or set()
    return RuntimeFetches(
        tuple(sorted(path for path in extra if is_code(path))),
        tuple(sorted(path for path in extra if not is_code(path) and not path.endswith(".html"))),
    )


def _gzip_sizes(site: Path, paths: Iterable[str]) -> dict[str, int]:
    return {path: gzip_size(site / path) for path in sorted(set(paths)) if (site / path).is_file()}


def first_visit(site: Path, page: Path, runtime: RuntimeFetches) -> FirstVisit:
    assets = page_assets(site, page)
    code = _gzip_sizes(site, [*assets.styles, *assets.scripts, *runtime.code])
    return FirstVisit(
        url=url_of(site, page),
        html_gzip=gzip_size(page),
        css_gzip=sum(size for path, size in code.items() if path.endswith(".css")),
        js_gzip=sum(size for path, size in code.items() if path.endswith(".js")),
        data_gzip=sum(_gzip_sizes(site, runtime.data).values()),
        files=tuple(code.items()),
    )


def heaviest_first_visit(site: Path, runtime: RuntimeFetches) -> FirstVisit:
    """The page whose first visit downloads the most HTML + CSS + JS."""
    visits = (first_visit(site, page, runtime) for page in html_pages(site))
    return max(visits, key=lambda visit: visit.total_gzip)


@dataclass(frozen=True)
class ScriptPlacement:
    """Where the project's own page scripts are loaded, judged against where they are used."""

    pages_loading: dict[str, int]  # script name -> pages that load it
    misplaced: tuple[str, ...]  # "url: name" for a page loading a script it does not use
    unruled: tuple[str, ...]  # scripts with no rule saying where they belong


def script_placement(site: Path, rules: dict[str, tuple[str, ...]]) -> ScriptPlacement:
    """`rules` maps a script name to URL patterns (language prefix removed) of pages using it."""
    loading: dict[str, int] = {}
    misplaced: list[str] = []
    for page in html_pages(site):
        url = url_of(site, page)
        bare = language_free_path(url)
        for path in page_assets(site, page).scripts:
            if not path.startswith(OWN_SCRIPTS):
                continue
            name = PurePosixPath(path).stem
            loading[name] = loading.get(name, 0) + 1
            patterns = rules.get(name)
            if patterns is not None and not any(fnmatch(bare, p) for p in patterns):
                misplaced.append(f"{url}: {name}")
    unruled = tuple(sorted(name for name in loading if name not in rules))
    return ScriptPlacement(loading, tuple(misplaced), unruled)
