"""Thin glue between MkDocs events and the generator. No content logic lives here.

mkdocs-static-i18n runs the whole build once per language, so every handler
runs twice per `mkdocs build`; the loaded site and the generated files are kept
between the two runs and only made again when a source file changes.

`mkdocs serve --dirty` is the quick preview: MkDocs keeps this plugin between
rebuilds (it has `on_startup`) and renders only pages whose source changed; a
generated page counts as changed only when what it says changed.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import logging
import os
from collections.abc import Iterator
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

from hoagiai import crawlers, html_whitespace, navigation, navwindow, site_url, theme_css
from hoagiai.errors import HoagiaiError
from hoagiai.feature import Feature, GeneratedFile, PageContext
from hoagiai.features import all_features
from hoagiai.offline_app import catalog as offline_catalog
from hoagiai.pipeline import generate, load_site
from hoagiai.render import TEMPLATES, t
from hoagiai.safety import theme_text
from hoagiai.safety.internal import processing, show_tracebacks
from hoagiai.site import DEFAULT_LANGUAGE, LANGUAGES, Paths, Site, language_free_uri

# static-i18n 1.3.1 rebuilds every File from its path under docs_dir in its own
# on_files (priority -100), which drops in-memory content, and it crashes on
# File.generated() (no abs_src_path). So generated files are registered as if
# they lived under docs_dir (priority 0, before i18n sorts them by language) and
# their content is attached again once i18n is done (priority -110).
_BEFORE_I18N = 0
_AFTER_I18N = -110
_PER_LANGUAGE_TEMPLATES = ("404.html",)
LOG = logging.getLogger("mkdocs.plugins.hoagiai")
# Material's script bundle, its search worker and lunr's language files: no page loads them
# (overrides/main.html loads assets/js/theme.js instead), so the site does not carry them.
_MATERIAL_SCRIPTS = "assets/javascripts/"
# What MkDocs logs as a warning on every dirty build; with `strict: true` it alone would stop it.
_DIRTY_WARNING = "A 'dirty' build is being performed"
SITE_URL_SOURCE = "SITE_URL / site_url, mkdocs.yml"


class HoagiaiConfig(Config):
    materials_dir = c.Type(str, default="materials")


class HoagiaiPlugin(BasePlugin[HoagiaiConfig]):
    """Loads and validates the content, adds the generated pages, lets features adjust pages."""

    def __init__(self) -> None:
        self.features: list[Feature] = all_features()
        self.site: Site | None = None
        self.generated: dict[str, GeneratedFile] = {}
        self._pages: dict[str, PageContext] = {}
        self._fingerprint: tuple | None = None
        self._default_templates: dict[str, str] = {}
        self._language_homes: Any = None
        self.nav_positions = navwindow.NavPositions([])
        self._preview = False  # `mkdocs serve --dirty`: render only what changed
        self._serving = False
        self._shown: dict[str, str | bytes] = {}  # preview: src_uri -> content last written
        self._dirty_notice = _DirtyBuildNotice()
        self._compiled_templates = CompiledTemplates()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"  # a preview keeps MkDocs' own local address
        if dirty and command != "serve":
            raise PluginError(
                "hoagiai: --dirty chỉ dùng để xem trước với `mkdocs serve --dirty`; bản dựng để "
                "đăng phải đầy đủ: chạy `mkdocs build` (không có --dirty).\n"
                "--dirty is for previews with `mkdocs serve --dirty` only; a site to publish must "
                "be built whole: run `mkdocs build` without --dirty."
            )
        self._preview = dirty
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(self._dirty_notice)

    def on_shutdown(self) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(self._dirty_notice)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        configured = config.site_url if self._serving else _published_address(config.site_url)
        config.site_url = _checked_site_url(configured)
        root = Path(config.config_file_path).parent
        paths = Paths.at(root, docs=config.docs_dir, materials=self.config.materials_dir)
        fingerprint = _fingerprint(paths, config.site_url or "")
        if fingerprint != self._fingerprint:
            try:
                self.site = load_site(paths, config.site_url or "", self.features)
                made = generate(self.site, self.features)
            except HoagiaiError as error:
                raise _plugin_error(error) from error
            except Exception as error:  # reported as an internal error, never a traceback
                if show_tracebacks():
                    raise
                raise _internal_error(processing.get() or "mkdocs.yml", error) from error
            self.generated = {item.src_uri: item for item in made}
            self._fingerprint = fingerprint
            if not self.site.public_url:
                LOG.info(crawlers.NO_ADDRESS_NOTICE)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self._pages.clear()  # contexts a failed build left behind
        for feature in self.features:
            feature.before_pages(self._site, config.theme["language"],
                                 every_page=not self._preview)

    @event_priority(_BEFORE_I18N)
    def _drop_material_scripts(self, files: Files, config: MkDocsConfig) -> Files:
        for file in [file for file in files if file.src_uri.startswith(_MATERIAL_SCRIPTS)
                     and not file.abs_src_path.startswith(config.docs_dir)]:
            files.remove(file)
        return files

    @event_priority(_BEFORE_I18N)
    def _register_generated(self, files: Files, config: MkDocsConfig) -> Files:
        for src_uri in self.generated:
            if files.get_file_from_path(src_uri) is None:
                files.append(File(src_uri, config.docs_dir, config.site_dir,
                                  config.use_directory_urls))
        return files

    @event_priority(_AFTER_I18N)
    def _attach_generated_content(self, files: Files, config: MkDocsConfig) -> Files:
        # Before any page is rendered, the language selector still points at each
        # language's home page (see on_pre_template).
        if self._language_homes is None:
            self._language_homes = copy.deepcopy(config.extra.get("alternate"))
        for file in files:
            item = self.generated.get(file.src_uri)
            if item is not None:
                try:  # a PDF is made here, when its content is first asked for
                    content = item.content
                except HoagiaiError as error:
                    raise _plugin_error(error) from error
                if isinstance(content, bytes):
                    file.content_bytes = content
                else:
                    file.content_string = content
                file.generated_by = "hoagiai"
                if self._preview:
                    if self._shown.get(file.src_uri) == item.content:
                        file.is_modified = _unchanged  # the page on disk already says this
                    self._shown[file.src_uri] = item.content
        return files

    on_files = CombinedEvent(_drop_material_scripts, _register_generated,
                             _attach_generated_content)

    @event_priority(_AFTER_I18N)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        nav = navigation.arrange(nav, self._meta_of)
        for section in _sections(nav.items):
            section.title = theme_text.escaped(section.title)
        self.nav_positions = navwindow.NavPositions(nav.items)
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        context = self._context(page, config)
        # The theme gets escaped titles and descriptions; features keep the plain text.
        page.meta = theme_text.escaped_meta(page.meta)
        with _internal_errors(page):
            for feature in self.features:
                markdown = feature.page_markdown(self._site, context, markdown)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        context = self._context(page, config)
        with _internal_errors(page):
            for feature in self.features:
                html = feature.page_html(self._site, context, html)
        return html

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        page_context = self._context(page, config)
        values: dict[str, Any] = {}
        with _internal_errors(page):
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

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return html_whitespace.collapse(output)

    def on_post_build(self, config: MkDocsConfig) -> None:
        # Runs once per language (static-i18n builds each language in turn, from its
        # own on_post_build at priority -100, after this one).
        try:
            outputs = [output for feature in self.features
                       for output in feature.after_pages(self._site, config.theme["language"])]
        except HoagiaiError as error:
            raise _plugin_error(error) from error
        for output in outputs:
            output.write_into(Path(config.site_dir))
        # Once every language is built (static-i18n builds them in LANGUAGES order), Material's
        # stylesheet is trimmed to what any page uses: one file for both languages. A preview
        # keeps the whole stylesheet: it has not rendered every page to see what they use.
        if config.theme["language"] == LANGUAGES[-1] and not self._preview:
            theme_css.apply(sorted(Path(config.site_dir).rglob("*.html")))
        robots = crawlers.robots_txt(self._site.public_url)
        if robots is not None and config.theme["language"] == LANGUAGES[-1]:
            Path(config.site_dir, "robots.txt").write_text(robots, encoding="utf-8")
        # Last of all, the service worker and what it keeps, from the finished site (its
        # release id hashes every file); not in a preview, nor in the USB copy, whose pages
        # open from file://, where no worker runs.
        if (config.theme["language"] == LANGUAGES[-1] and not self._preview
                and config.use_directory_urls):
            offline_catalog.write(Path(config.site_dir))

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> Any:
        # Interface strings for the theme overrides, in the language being built.
        env.globals["hg_t"] = functools.partial(t, lang=config.theme["language"])
        # `tojson` writes Vietnamese as itself, not as \uXXXX escapes (pages are UTF-8):
        # the interface strings of the search box and of Material's config weigh half as much.
        env.policies["json.dumps_kwargs"] = {**env.policies["json.dumps_kwargs"],
                                             "ensure_ascii": False}
        # The sidebar's window over long sections (overrides/partials/nav-item.html).
        env.globals["hg_nav_window"] = self.nav_positions.window
        # MkDocs makes a new environment for each language and each `mkdocs serve` rebuild;
        # the theme's templates are compiled once.
        env.bytecode_cache = self._compiled_templates
        return env

    def on_pre_template(self, template: jinja2.Template, template_name: str,
                        config: MkDocsConfig) -> jinja2.Template:
        # static-i18n points the language selector at the twin of each page it renders
        # and leaves the last page's twins in place; the 404 page, which is no page,
        # offers the other language's home page instead.
        if template_name == "404.html" and self._language_homes is not None:
            # The same attribute static-i18n sets (it shadows the mapping key).
            config.extra.alternate = copy.deepcopy(self._language_homes)
        return template

    def on_post_template(self, output_content: str, template_name: str,
                         config: MkDocsConfig) -> str:
        if template_name.endswith(".html"):  # the 404 page, written like every page
            output_content = html_whitespace.collapse(output_content)
        # static-i18n renders the theme's 404.html once per language into the same
        # file, so the last language would win. The default language keeps the
        # file at the root; each other language gets /<lang>/<file>, where deploy/nginx
        # looks for its 404 page. The sitemap is not split: the last language's lists every
        # page of every language with its translations, and replaces the first's at the root.
        if template_name not in _PER_LANGUAGE_TEMPLATES:
            return output_content
        lang = config.theme["language"]
        if lang == DEFAULT_LANGUAGE:
            self._default_templates[template_name] = output_content
            return output_content
        localized = Path(config.site_dir, lang, template_name)
        localized.parent.mkdir(parents=True, exist_ok=True)
        localized.write_text(output_content, encoding="utf-8")
        return self._default_templates.get(template_name, output_content)

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
        """The page's context, made at its first event and shared by the later ones."""
        src_uri = page.file.src_uri
        if src_uri not in self._pages:
            self._pages[src_uri] = PageContext(
                src_uri, page.url, config.theme["language"],
                dict(page.meta) or self._meta_of(src_uri), config.use_directory_urls,
            )
        return self._pages[src_uri]


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory; an edited template no longer matches its checksum
    and is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class _DirtyBuildNotice(logging.Filter):
    """MkDocs' warning that a dirty build may leave stale navigation, shown as information:
    `mkdocs serve --dirty` asks for exactly that, and `strict: true` would stop on it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and record.getMessage().startswith(_DIRTY_WARNING):
            record.levelno, record.levelname = logging.INFO, logging.getLevelName(logging.INFO)
        return True


def _sections(items: list[Any]) -> Any:
    """Every section of the navigation, nested ones too."""
    for item in items:
        if item.is_section:
            yield item
            yield from _sections(item.children)


def _unchanged() -> bool:
    return False


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _published_address(configured: str | None) -> str | None:
    """SITE_URL when it is set (checked by `_check_site_url`), else mkdocs.yml's address. Read
    here rather than with `!ENV` in mkdocs.yml, where MkDocs would check it first and refuse a
    bad one in English only."""
    return os.environ.get("SITE_URL") or configured


def _checked_site_url(url: str | None) -> str | None:
    """The published address ending in '/', checked before anything is loaded or written (see
    site_url.py); MkDocs' development default is valid."""
    try:
        return site_url.checked(url, source=SITE_URL_SOURCE) if url else url
    except HoagiaiError as error:
        raise PluginError(f"hoagiai:\n{error}") from error


@contextlib.contextmanager
def _internal_errors(page: Page) -> Iterator[None]:
    """A crash of a feature while rendering `page`, as a message naming the page's file."""
    try:
        yield
    except (HoagiaiError, PluginError):
        raise
    except Exception as error:  # reported as an internal error, never a traceback
        if show_tracebacks():
            raise
        raise _internal_error(f"docs/{page.file.src_uri}", error) from error


def _internal_error(where: str, error: Exception) -> PluginError:
    detail = f"{type(error).__name__}: {error}"[:300]
    return PluginError(
        f"hoagiai: lỗi nội bộ khi xử lý {where} / internal error while processing {where}: "
        f"{detail}\nKiểm tra tệp này; nếu vẫn lỗi, gửi thông báo cho người phát triển. / "
        "Check this file; if it still fails, send this message to a developer."
    )


def _plugin_error(error: HoagiaiError) -> PluginError:
    return PluginError(f"hoagiai: nội dung có lỗi / content has problems:\n{error}")


def _fingerprint(paths: Paths, site_url: str) -> tuple:
    """Names, sizes and modification times of every source: cheap, and enough to notice edits."""
    entries: list[tuple[str, int, int]] = []
    for folder in (paths.docs, paths.materials, TEMPLATES):
        for directory, _, names in os.walk(folder):
            for name in names:
                stat = os.lstat(os.path.join(directory, name))  # a dangling link is reported
                entries.append((os.path.join(directory, name), stat.st_size, stat.st_mtime_ns))
    return (site_url, tuple(sorted(entries)))
