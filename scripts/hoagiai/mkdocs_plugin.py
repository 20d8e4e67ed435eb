"""Thin glue between MkDocs events and the generator. No content logic lives here.

mkdocs-static-i18n runs the whole build once per language, so every handler
runs twice per `mkdocs build`; the loaded site and the generated files are kept
between the two runs and only made again when a source file changes.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hoagiai import navigation, navwindow, theme_css
from hoagiai.errors import HoagiaiError
from hoagiai.feature import Feature, GeneratedFile, PageContext
from hoagiai.features import all_features
from hoagiai.pipeline import generate, load_site
from hoagiai.render import TEMPLATES, t
from hoagiai.site import Paths, Site

# static-i18n 1.3.1 rebuilds every File from its path under docs_dir in its own
# on_files (priority -100), which drops in-memory content, and it crashes on
# File.generated() (no abs_src_path). So generated files are registered as if
# they lived under docs_dir (priority 0, before i18n sorts them by language) and
# their content is attached again once i18n is done (priority -110).
_BEFORE_I18N = 0
_AFTER_I18N = -110


class HoagiaiConfig(Config):
    materials_dir = c.Type(str, default="materials")


class HoagiaiPlugin(BasePlugin[HoagiaiConfig]):
    """Loads and validates the content, adds the generated pages, lets features adjust pages."""

    def __init__(self) -> None:
        self.features: list[Feature] = all_features()
        self.site: Site | None = None
        self.generated: dict[str, GeneratedFile] = {}
        self._fingerprint: tuple | None = None
        self.nav_positions = navwindow.NavPositions([])
        self._files = Files([])

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        paths = Paths.at(root, docs=config.docs_dir, materials=self.config.materials_dir)
        fingerprint = _fingerprint(paths, config.site_url or "")
        if fingerprint != self._fingerprint:
            try:
                self.site = load_site(paths, config.site_url or "", self.features)
                made = generate(self.site, self.features)
            except HoagiaiError as error:
                message = f"hoagiai: nội dung có lỗi / content has problems:\n{error}"
                raise PluginError(message) from error
            self.generated = {item.src_uri: item for item in made}
            self._fingerprint = fingerprint
        return config

    @event_priority(_BEFORE_I18N)
    def _register_generated(self, files: Files, config: MkDocsConfig) -> Files:
        for src_uri in self.generated:
            if files.get_file_from_path(src_uri) is None:
                files.append(File(src_uri, config.docs_dir, config.site_dir,
                                  config.use_directory_urls))
        return files

    @event_priority(_AFTER_I18N)
    def _attach_generated_content(self, files: Files, config: MkDocsConfig) -> Files:
        for file in files:
            item = self.generated.get(file.src_uri)
            if item is not None:
                if isinstance(item.content, bytes):
                    file.content_bytes = item.content
                else:
                    file.content_string = item.content
                file.generated_by = "hoagiai"
        return files

    on_files = CombinedEvent(_register_generated, _attach_generated_content)

    @event_priority(_AFTER_I18N)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        nav = navigation.arrange(nav, self._meta_of)
        self.nav_positions = navwindow.NavPositions(nav.items)
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        context = self._context(page, config)
        for feature in self.features:
            markdown = feature.page_markdown(self._site, context, markdown)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        context = self._context(page, config)
        for feature in self.features:
            html = feature.page_html(self._site, context, html)
        return html

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        page_context = self._context(page, config)
        values: dict[str, Any] = {}
        for feature in self.features:
            values.update(feature.page_context(self._site, page_context))
        context["hg"] = values
        return context

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> Any:
        self._files = files
        # Interface strings for the theme overrides, in the language being built.
        env.globals["hg_t"] = functools.partial(t, lang=config.theme["language"])
        # The sidebar's window over long sections (overrides/partials/nav-item.html).
        env.globals["hg_nav_window"] = self.nav_positions.window
        return env

    def on_post_build(self, config: MkDocsConfig) -> None:
        # Runs once per language build (static-i18n's own post_build, which starts the next
        # language, has a lower priority), so each language trims the theme for its pages.
        pages = [Path(file.abs_dest_path) for file in self._files.documentation_pages()]
        theme_css.apply([*pages, Path(config.site_dir) / "404.html"])

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._site.paths.materials))
        server.watch(str(TEMPLATES))
        for feature in self.features:
            for path in feature.watched(self._site):
                server.watch(str(path))
        return server

    @property
    def _site(self) -> Site:
        assert self.site is not None, "on_config has not run"
        return self.site

    def _meta_of(self, src_uri: str) -> dict[str, Any]:
        if src_uri in self.generated:
            return self.generated[src_uri].meta
        page = self._site.pages.get(src_uri)
        return page.meta if page else {}

    def _context(self, page: Page, config: MkDocsConfig) -> PageContext:
        meta = page.meta or self._meta_of(page.file.src_uri)
        return PageContext(page.file.src_uri, page.url, config.theme["language"], meta)


def _fingerprint(paths: Paths, site_url: str) -> tuple:
    """Names, sizes and modification times of every source: cheap, and enough to notice edits."""
    entries: list[tuple[str, int, int]] = []
    for folder in (paths.docs, paths.materials, TEMPLATES):
        for directory, _, names in os.walk(folder):
            for name in names:
                stat = os.stat(os.path.join(directory, name))
                entries.append((os.path.join(directory, name), stat.st_size, stat.st_mtime_ns))
    return (site_url, tuple(sorted(entries)))
