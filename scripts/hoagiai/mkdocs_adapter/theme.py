"""Material for MkDocs made lighter: `hoagiai/theme` in mkdocs.yml (`enabled: false` off).

What it takes away from every page a phone downloads: Material's script bundle, search
worker and lunr's language files (overrides/main.html loads assets/js/theme.js instead),
the rules of Material's stylesheet no page uses (`theme_css.py`), the indentation the
templates leave (`html_whitespace.py`), the sidebar entries far from the page being read
(`navwindow.py`), and \\uXXXX escapes in the theme's JSON.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hoagiai.mkdocs_adapter import html_whitespace, navwindow, priorities, theme_css
from hoagiai.mkdocs_adapter.config import ThemeConfig
from hoagiai.mkdocs_adapter.theme_files import list_visible_files
from hoagiai.search.feature import DATA_FOLDER as SEARCH_DATA
from hoagiai.site import LANGUAGES

# Material's script bundle, its search worker and lunr's language files: no page loads them.
_MATERIAL_SCRIPTS = "assets/javascripts/"


class ThemePlugin(BasePlugin[ThemeConfig]):
    """Material's own files and the theme's HTML, trimmed to what the site uses."""

    def __init__(self) -> None:
        self.nav_positions = navwindow.NavPositions([])
        self._preview = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._preview = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        list_visible_files(config.theme)  # the same files, found without walking Material's icons
        return config

    @event_priority(priorities.BEFORE_I18N)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        for file in [file for file in files if file.src_uri.startswith(_MATERIAL_SCRIPTS)
                     and not file.abs_src_path.startswith(config.docs_dir)]:
            files.remove(file)
        return files

    @event_priority(priorities.AFTER_NAVIGATION)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav_positions = navwindow.NavPositions(nav.items)
        return nav

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> Any:
        # The sidebar's window over long sections (overrides/partials/nav-item.html); switched
        # off, the window holds every entry.
        limit = navwindow.DEFAULT_LIMIT if self.config.enabled else sys.maxsize
        env.globals["hg_nav_window"] = functools.partial(self.nav_positions.window, limit=limit)
        if self.config.enabled:
            # `tojson` writes Vietnamese as itself, not as \uXXXX escapes (pages are UTF-8): the
            # interface strings of the search box and of Material's config weigh half as much.
            env.policies["json.dumps_kwargs"] = {**env.policies["json.dumps_kwargs"],
                                                 "ensure_ascii": False}
        return env

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return html_whitespace.collapse(output) if self.config.enabled else output

    @event_priority(priorities.BEFORE_LANGUAGE_COPIES)
    def on_post_template(self, output_content: str, template_name: str,
                         config: MkDocsConfig) -> str:
        if self.config.enabled and template_name.endswith(".html"):  # the 404 page
            return html_whitespace.collapse(output_content)
        return output_content

    @event_priority(priorities.TRIM_THEME_CSS)
    def on_post_build(self, config: MkDocsConfig) -> None:
        # Once every language is built (static-i18n builds them in LANGUAGES order), Material's
        # stylesheet is trimmed to what any page uses: one file for both languages. A preview
        # keeps the whole stylesheet: it has not rendered every page to see what they use.
        if self.config.enabled and config.theme["language"] == LANGUAGES[-1] \
                and not self._preview:
            theme_css.apply(sorted(Path(config.site_dir).rglob("*.html")), SEARCH_DATA)
