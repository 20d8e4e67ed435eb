"""The bridge between MkDocs' events and the generator: only event handlers, no content logic.

`hoagiai` in mkdocs.yml, first in `plugins:`. It loads and checks the site (`pipeline`) in
`on_config`, adds the generated files, orders the navigation from front matter and calls
each feature's per-page methods. The static-i18n workarounds are in i18n.py, the preview's
caches in preview.py, Material's slimming in theme.py (a plugin of its own).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hoagiai import crawlers
from hoagiai.errors import HoagiaiError
from hoagiai.feature import Feature, GeneratedFile, PageContext
from hoagiai.features import all_features
from hoagiai.mkdocs_adapter import i18n, navigation, preview, priorities, theme_text
from hoagiai.mkdocs_adapter.config import HoagiaiConfig, site_url
from hoagiai.mkdocs_adapter.errors import internal_error, internal_errors, plugin_error
from hoagiai.mkdocs_adapter.late_files import LateFiles
from hoagiai.offline_app import catalog as offline_catalog
from hoagiai.packed import PackedText
from hoagiai.pipeline import generate, load_site
from hoagiai.render import TEMPLATES, t
from hoagiai.safety.internal import processing, show_tracebacks
from hoagiai.site import LANGUAGES, Paths, Site, language_free_uri
from hoagiai.workers import Workers

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

LOG = logging.getLogger("mkdocs.plugins.hoagiai")


class HoagiaiPlugin(BasePlugin[HoagiaiConfig]):
    """Loads and validates the content, adds the generated pages, lets features adjust pages."""

    def __init__(self) -> None:
        self.features: list[Feature] = all_features()
        self.site: Site | None = None
        self.generated: dict[str, GeneratedFile] = {}
        self._pages: dict[str, PageContext] = {}
        self._converted: dict[str, PackedText] = {}  # src_uri -> HTML waiting to be rendered
        self._fingerprint: tuple | None = None
        self._templates = i18n.LanguageTemplates()
        self._preview = False  # `mkdocs serve --dirty`: render only what changed
        self._serving = False
        self._shown = preview.ShownFiles()
        self._dirty_notice = preview.DirtyBuildNotice()
        self._compiled_templates = preview.CompiledTemplates()
        self._after_reload = preview.AfterReload()
        self._building = False  # `mkdocs build`: PDFs are rendered ahead in worker processes
        self._workers: Workers | None = None
        self._late = LateFiles()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"  # a preview keeps MkDocs' own local address
        self._building = command == "build"
        if dirty:
            preview.refuse_dirty_build(command)
            logging.getLogger(preview.BUILD_LOGGER).addFilter(self._dirty_notice)
        self._preview = dirty

    def on_build_error(self, error: Exception) -> None:
        self._after_reload.drop()

    def on_shutdown(self) -> None:
        self._after_reload.wait()
        logging.getLogger(preview.BUILD_LOGGER).removeFilter(self._dirty_notice)
        if self._workers is not None:
            self._workers.close()
            self._workers = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._after_reload.wait()  # a preview's last rebuild has written everything
        config.site_url = site_url(config.site_url, serving=self._serving)
        root = Path(config.config_file_path).parent
        paths = Paths.at(root, docs=config.docs_dir, materials=self.config.materials_dir)
        fingerprint = preview.fingerprint(paths, config.site_url or "")
        if fingerprint != self._fingerprint:
            try:
                self.site = load_site(paths, config.site_url or "", self.features)
                if self._building:  # PDFs render on the other cores as soon as promised
                    self._workers = self._workers or Workers()
                    self.site.put(self._workers)
                made = generate(self.site, self.features)
            except HoagiaiError as error:
                raise plugin_error(error) from error
            except Exception as error:  # reported as an internal error, never a traceback
                if show_tracebacks():
                    raise
                raise internal_error(processing.get() or "mkdocs.yml", error) from error
            self.generated = {item.src_uri: item for item in made}
            self._fingerprint = fingerprint
            if not self.site.public_url:
                LOG.info(crawlers.NO_ADDRESS_NOTICE)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self._pages.clear()  # contexts a failed build left behind
        self._converted.clear()
        for feature in self.features:
            feature.before_pages(self._site, config.theme["language"],
                                 every_page=not self._preview)

    @event_priority(priorities.BEFORE_I18N)
    def _register_generated(self, files: Files, config: MkDocsConfig) -> Files:
        return i18n.register(files, list(self.generated), config)

    @event_priority(priorities.AFTER_I18N)
    def _attach_generated_content(self, files: Files, config: MkDocsConfig) -> Files:
        self._templates.remember_homes(config)
        later = functools.partial(self._late.holds, building=self._building)
        for file in i18n.attach(files, self.generated, later):
            if self._preview:
                self._shown.mark(file, self.generated[file.src_uri].content)
            elif self._building:
                # MkDocs holds the file's content now and reads it once: a build lets the
                # generator's copy go (a preview keeps it, to tell what changed).
                self.generated[file.src_uri] = self.generated[file.src_uri].without_content()
        return files

    on_files = CombinedEvent(_register_generated, _attach_generated_content)

    @event_priority(priorities.AFTER_I18N)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        nav = navigation.arrange(nav, self._meta_of)
        for section in navigation.sections(nav.items):
            section.title = theme_text.escaped(section.title)
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        context = self._context(page, config)
        if self._building and page.file.generated_by == i18n.GENERATED_BY:
            page.file.content_string = ""  # read into `markdown`: not read again in a build
        # The theme gets escaped titles and descriptions; features keep the plain text.
        page.meta = theme_text.escaped_meta(page.meta)
        with internal_errors(page):
            for feature in self.features:
                markdown = feature.page_markdown(self._site, context, markdown)
        return markdown

    def _features_page_html(self, html: str, page: Page, config: MkDocsConfig,
                            files: Files) -> str:
        context = self._context(page, config)
        with internal_errors(page):
            for feature in self.features:
                html = feature.page_html(self._site, context, html)
        return html

    @event_priority(priorities.PAGE_CONVERTED)
    def _pack_page_html(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # MkDocs converts every page of a language before it renders the first, and keeps
        # each page's Markdown to the end: once converted, it is not read again; the HTML
        # waits packed until its page is rendered (a tenth of the build's peak memory).
        # Emptied, not None: MkDocs' `Page.title` reads None as "not read yet".
        page.markdown = ""
        self._converted[page.file.src_uri] = PackedText(html)
        return ""

    on_page_content = CombinedEvent(_features_page_html, _pack_page_html)

    @event_priority(priorities.PAGE_RENDERED)
    def _unpack_page_html(self, context: dict[str, Any], page: Page, config: MkDocsConfig,
                          nav: Navigation) -> dict[str, Any]:
        page.content = self._converted.pop(page.file.src_uri)()
        return context

    def _page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig,
                      nav: Navigation) -> dict[str, Any]:
        page_context = self._context(page, config)
        values: dict[str, Any] = {}
        with internal_errors(page):
            for feature in self.features:
                values.update(feature.page_context(self._site, page_context))
        meta = page_context.meta
        values["scripts"] = _unique([*meta.get("scripts", []), *page_context.scripts])
        values["styles"] = _unique([*meta.get("styles", []), *page_context.styles])
        # The home page of either language: titled and shared under the site's own name.
        values["home"] = language_free_uri(page.file.src_uri) == "index.md"
        context["hg"] = values
        del self._pages[page.file.src_uri]  # the page is done; its context is no longer needed
        return context

    on_page_context = CombinedEvent(_unpack_page_html, _page_context)

    @event_priority(priorities.PAGE_WRITTEN)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        # The page is about to be written from `output`: its HTML is not read again, yet
        # MkDocs keeps every page (and static-i18n keeps each language's pages while it
        # builds the next one), so it is let go here (a sixth of peak memory).
        # Emptied, not None: MkDocs' `Page.title` reads None as "not rendered yet".
        page.content = ""
        self._late.note_page(output, page.file.abs_dest_path)
        return output

    @event_priority(priorities.WRITE_LATE_FILES)
    def write_late_files(self, config: MkDocsConfig) -> None:
        # Once the last language is built: the PDFs and the ZIP, then the sizes pages state.
        if config.theme["language"] == LANGUAGES[-1]:
            self._late.write()
            for feature in self.features:
                feature.after_build(self._site)

    def write_feature_outputs(self, config: MkDocsConfig) -> None:
        # Runs once per language (static-i18n builds each language in turn, from its
        # own on_post_build at priority -100, after this one).
        # Each file is written as it is made, not held until all are (a card per page); one
        # made when written goes to the workers, if they still render PDFs.
        last = config.theme["language"] == LANGUAGES[-1]
        try:
            for feature in self.features:
                for output in feature.after_pages(self._site, config.theme["language"]):
                    if (self._preview and feature.fetched_on_demand
                            and self._after_reload.holds()):
                        self._after_reload.hold(output, Path(config.site_dir))
                    else:
                        self._late.write_output(output, Path(config.site_dir), self._workers)
        except HoagiaiError as error:
            raise plugin_error(error) from error
        robots = crawlers.robots_txt(self._site.public_url)
        if robots is not None and last:
            Path(config.site_dir, "robots.txt").write_text(robots, encoding="utf-8")
        if self._workers is not None and last:
            # The build has only its last steps left: a worker on its core helps, from the
            # other end of the queue.
            self._workers.add_worker()

    @event_priority(priorities.WRITE_OFFLINE_CATALOG)
    def write_offline_catalog(self, config: MkDocsConfig) -> None:
        # Last of all, the service worker and what it keeps, from the finished site (its
        # release id hashes every file); not in a preview, nor in the USB copy, whose pages
        # open from file://, where no worker runs.
        if (config.theme["language"] == LANGUAGES[-1] and not self._preview
                and config.use_directory_urls):
            offline_catalog.write(Path(config.site_dir))

    @event_priority(priorities.START_AFTER_RELOAD)
    def start_after_reload(self, config: MkDocsConfig) -> None:
        # The rebuild returns now, and MkDocs shows the edit while the thread writes.
        if self._preview and config.theme["language"] == LANGUAGES[-1]:
            self._after_reload.start()

    on_post_build = CombinedEvent(write_feature_outputs, write_late_files, write_offline_catalog,
                                  start_after_reload)

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> Any:
        self._late.take_from(files)  # every page is converted: its links are checked
        # Interface strings for the theme overrides, in the language being built.
        env.globals["hg_t"] = functools.partial(t, lang=config.theme["language"])
        # MkDocs makes a new environment for each language and each `mkdocs serve` rebuild;
        # the theme's templates are compiled once.
        env.bytecode_cache = self._compiled_templates
        return env

    def on_pre_template(self, template: jinja2.Template, template_name: str,
                        config: MkDocsConfig) -> jinja2.Template:
        self._templates.before_template(template_name, config)
        return template

    def on_post_template(self, output_content: str, template_name: str,
                         config: MkDocsConfig) -> str:
        return self._templates.after_template(output_content, template_name, config)

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        server.watch(str(self._site.paths.materials))
        server.watch(str(TEMPLATES))
        preview.watch_saves(server, polling=self.config.watch_by_polling)
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
        """The page's context, made at its first event and shared by the later ones."""
        src_uri = page.file.src_uri
        if src_uri not in self._pages:
            self._pages[src_uri] = PageContext(
                src_uri, page.url, config.theme["language"],
                dict(page.meta) or self._meta_of(src_uri), config.use_directory_urls,
            )
        return self._pages[src_uri]


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))
