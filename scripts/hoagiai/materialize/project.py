"""Write the whole content as a plain MkDocs project (see the package docstring).

What the plugin does to a page's Markdown (citations, quiz and scenario blocks, the kit
box, ...) is done here and written into the page; what a page tells the theme (`hg`:
share card, feeds, scripts, styles) is written into its front matter. What the plugin
does to a page's HTML cannot be written as Markdown and is lost: `compare` lists it.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from hoagiai import crawlers
from hoagiai.errors import UsageError
from hoagiai.feature import Feature, GeneratedFile, PageContext
from hoagiai.features import all_features
from hoagiai.frontmatter import split_front_matter
from hoagiai.materialize import config as stock
from hoagiai.materialize import theme
from hoagiai.pipeline import generate, load_site
from hoagiai.printing.sizes import fill_sizes
from hoagiai.render import render, t
from hoagiai.search.feature import SearchFeature
from hoagiai.site import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Paths,
    Site,
    language_free_uri,
    language_of,
    localized_uri,
)
from hoagiai.urls import localized_path, page_path

Progress = Callable[[str], None]
CONFIG = "mkdocs.yml"
NOT_FOUND = "404.md"
# Stock MkDocs writes 404.md to 404/ (directory URLs), and static-i18n renders the theme's
# 404.html into the one root file, last language winning: each language's "page not found"
# is the page at 404/, which the web server must be told (deploy/nginx points at 404.html).
MOVED_PAGES = {localized_path("404.html", lang): localized_path("404/index.html", lang)
               for lang in LANGUAGES}


@dataclasses.dataclass(frozen=True)
class _Page:
    """A page to write: where, its front matter and its Markdown body."""

    src_uri: str
    meta: dict[str, Any]
    body: str


def write(root: Path, target: Path, progress: Progress = print) -> int:
    """Materialize the project at `root` into `target` (emptied first); the number of pages."""
    _check_target(root.resolve(), target.resolve())
    paths = Paths.at(root)
    real = stock.read((root / CONFIG).read_text(encoding="utf-8"))
    features = all_features()
    progress("materialize: đọc và kiểm tra nội dung / loading and checking the content")
    site = load_site(paths, str(real.get("site_url") or ""), features)
    made = generate(site, features)
    progress(f"materialize: {len(made)} tệp sinh ra / generated files")
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    shutil.copytree(paths.docs, docs)
    for item in made:
        if not item.is_page:
            _write(docs / item.src_uri, item.content)
    pages = [*_authored(site), *_generated(made)]
    not_found = list(_not_found_pages())
    progress(f"materialize: {len(pages)} trang, hai ngôn ngữ / pages, both languages")
    rendered = list(_rendered(site, features, pages))
    for page in [*rendered, *not_found]:  # the generated files are written: their sizes known
        _write(docs / page.src_uri,
               fill_sizes(_markdown(page), lambda src_uri: (docs / src_uri).stat().st_size))
    for feature in features:
        if isinstance(feature, SearchFeature):
            continue  # its index is made from the pages' HTML, which a stock build makes
        for lang in LANGUAGES:
            for output in feature.after_pages(site, lang):
                output.write_into(docs)
    robots = crawlers.robots_txt(site.public_url)
    if robots is not None:
        _write(docs / "robots.txt", robots)
    templates = theme.copy(root / real["theme"]["custom_dir"],
                           target / real["theme"]["custom_dir"])
    progress(f"materialize: {templates} mẫu giao diện / theme templates rewritten")
    nav = [stock.NavPage(page.src_uri, _titles(rendered, page.src_uri),
                         page.meta.get("order", stock.DEFAULT_ORDER))
           for page in rendered if language_of(page.src_uri) == DEFAULT_LANGUAGE]
    strings = theme.used_strings(root / real["theme"]["custom_dir"])
    _write(target / CONFIG, _HEADER + stock.dump(stock.stock_config(real, nav, strings)))
    progress(f"materialize: xong / done: {target}")
    return len(rendered)


_HEADER = ("# Made by `hoagiai materialize`: the site's content as a plain MkDocs project\n"
           "# (stock Material + mkdocs-static-i18n, no hoagiai plugin).\n"
           "# Do not edit: make it again.\n")


def _check_target(root: Path, target: Path) -> None:
    """Only an empty folder, or one this command made, is emptied; never the project."""
    if target == root or root.is_relative_to(target) or target.is_relative_to(root / "docs"):
        raise UsageError(
            f"Không ghi vào {target}: thư mục này chứa dự án. Chọn một thư mục khác, ví dụ "
            f"dist/materialized.\nWill not write into {target}: it holds the project. Choose "
            "another folder, for example dist/materialized.")
    made_here = target / CONFIG
    if (target.is_dir() and any(target.iterdir()) and not (
            made_here.is_file() and made_here.read_text(encoding="utf-8").startswith(_HEADER))):
        raise UsageError(
            f"{target} đã có tệp khác: chọn một thư mục trống (lệnh này xóa thư mục trước khi "
            f"ghi).\n{target} already holds other files: choose an empty folder (this command "
            "empties its folder first).")


def _not_found_pages() -> Iterator[_Page]:
    """`404.md` in each language: the theme's "page not found" (which the plugin writes to
    404.html and en/404.html) as a page of each language (see `MOVED_PAGES`)."""
    for lang in LANGUAGES:
        meta = {"title": t("theme.not_found.title", lang), "search": {"exclude": True}}
        yield _Page(localized_uri(NOT_FOUND, lang), meta,
                    render("materialize/not-found.md.j2", lang=lang))


def _authored(site: Site) -> Iterator[_Page]:
    for page in site.pages.values():
        yield _Page(page.src_uri, page.meta, page.body)


def _generated(made: list[GeneratedFile]) -> Iterator[_Page]:
    for item in made:
        if item.is_page:
            assert isinstance(item.content, str)
            front, _ = split_front_matter(item.content, item.src_uri)
            yield _Page(item.src_uri, front.meta, front.body)


def _rendered(site: Site, features: list[Feature], pages: list[_Page]) -> Iterator[_Page]:
    """Each page with the plugin's Markdown rewrites done and `hg` in its front matter."""
    for lang in LANGUAGES:
        for feature in features:
            feature.before_pages(site, lang, every_page=True)
        for page in sorted(pages, key=lambda page: page.src_uri):
            if language_of(page.src_uri) == lang:
                yield _with_plugin_work(site, features, page)


def _with_plugin_work(site: Site, features: list[Feature], page: _Page) -> _Page:
    base_uri = language_free_uri(page.src_uri)
    lang = language_of(page.src_uri)
    context = PageContext(page.src_uri, localized_path(page_path(base_uri), lang), lang,
                          dict(page.meta))
    body = page.body
    values: dict[str, Any] = {}
    for feature in features:
        body = feature.page_markdown(site, context, body)
    body = _with_html_edges(site, features, context, body)
    for feature in features:
        values.update(feature.page_context(site, context))
    values["scripts"] = list(dict.fromkeys([*page.meta.get("scripts", []), *context.scripts]))
    values["styles"] = list(dict.fromkeys([*page.meta.get("styles", []), *context.styles]))
    values["home"] = base_uri == "index.md"
    return _Page(page.src_uri, {**page.meta, "hg": _plain(values)}, body)


def _with_html_edges(site: Site, features: list[Feature], context: PageContext,
                     body: str) -> str:
    """The HTML that features put before or after a page's body (the trainer-notes switch,
    "save for offline", the print button, ...) written around its Markdown as raw HTML blocks.
    The features see a placeholder for the body, so what they do inside it (glossary terms,
    phone links, the search index) is not done: `compare` lists it."""
    html = _BODY
    for feature in features:
        html = feature.page_html(site, context, html)
    before, found, after = html.partition(_BODY)
    if not found:
        return body
    return "\n\n".join(part for part in (before.strip(), body.strip(), after.strip()) if part)


_BODY = "<!-- hoagiai materialize: the page's body -->"


def _titles(pages: list[_Page], base_uri: str) -> dict[str, str]:
    by_uri = {page.src_uri: page for page in pages}
    titles: dict[str, str] = {}
    for lang in LANGUAGES:
        src = localized_uri(base_uri, lang)
        if src in by_uri:
            titles[lang] = str(by_uri[src].meta.get("title", ""))
    return titles


def _plain(value: Any) -> Any:
    """A value YAML can write: dataclasses as mappings, `Markup` and other str kinds as str."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    return value


def _markdown(page: _Page) -> str:
    front = yaml.safe_dump(page.meta, allow_unicode=True, sort_keys=False, width=100).strip()
    return f"---\n{front}\n---\n\n{page.body.lstrip()}"


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
