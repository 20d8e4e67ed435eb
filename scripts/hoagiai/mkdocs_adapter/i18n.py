"""Workarounds for mkdocs-static-i18n 1.3.1, which builds the site once per language.

- Generated files: its `on_files` rebuilds every File from its path under docs_dir, which
  drops in-memory content, and it crashes on `File.generated()` (no abs_src_path). So
  generated files are registered as if they lived under docs_dir (`register`, before it
  sorts them by language) and their content is attached again once it is done (`attach`).
- The 404 page (`LanguageTemplates`): it renders the theme's 404.html once per language
  into the same file, and points the language selector at the last page's twin.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from hoagiai.errors import HoagiaiError
from hoagiai.feature import GeneratedFile
from hoagiai.mkdocs_adapter.errors import plugin_error
from hoagiai.site import DEFAULT_LANGUAGE

_PER_LANGUAGE_TEMPLATES = ("404.html",)
GENERATED_BY = "hoagiai"  # File.generated_by of every generated file


def register(files: Files, src_uris: Iterator[str] | list[str], config: MkDocsConfig) -> Files:
    """Every generated file among `files`, as if it lived under docs_dir."""
    for src_uri in src_uris:
        if files.get_file_from_path(src_uri) is None:
            files.append(File(src_uri, config.docs_dir, config.site_dir,
                              config.use_directory_urls))
    return files


def attach(files: Files, generated: Mapping[str, GeneratedFile],
           later: Callable[[File, GeneratedFile], bool]) -> Iterator[File]:
    """Give each generated file among `files` its content again, but those written `later`
    (by the plugin); yields each one. A PDF given its content here is made here: a refused
    one stops the build."""
    for file in files:
        item = generated.get(file.src_uri)
        if item is not None:
            file.generated_by = GENERATED_BY
            if not later(file, item):
                _give_content(file, item)
            yield file


def _give_content(file: File, item: GeneratedFile) -> None:
    try:
        content = item.content
    except HoagiaiError as error:
        raise plugin_error(error) from error
    if isinstance(content, bytes):
        file.content_bytes = content
    else:
        file.content_string = content


class LanguageTemplates:
    """The 404 page of each language, and its language selector."""

    def __init__(self) -> None:
        self._default_templates: dict[str, str] = {}
        self._language_homes: Any = None

    def remember_homes(self, config: MkDocsConfig) -> None:
        """Before any page is rendered, the language selector still points at each
        language's home page (see `before_template`)."""
        if self._language_homes is None:
            self._language_homes = copy.deepcopy(config.extra.get("alternate"))

    def before_template(self, template_name: str, config: MkDocsConfig) -> None:
        """static-i18n points the language selector at the twin of each page it renders and
        leaves the last page's twins in place; the 404 page, which is no page, offers the
        other language's home page instead."""
        if template_name == "404.html" and self._language_homes is not None:
            # The same attribute static-i18n sets (it shadows the mapping key).
            config.extra.alternate = copy.deepcopy(self._language_homes)

    def after_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        """The default language keeps the file at the root; each other language gets
        /<lang>/<file>, where deploy/nginx looks for its 404 page. The sitemap is not split:
        the last language's lists every page of every language with its translations, and
        replaces the first's at the root."""
        if template_name not in _PER_LANGUAGE_TEMPLATES:
            return output
        lang = config.theme["language"]
        if lang == DEFAULT_LANGUAGE:
            self._default_templates[template_name] = output
            return output
        localized = Path(config.site_dir, lang, template_name)
        localized.parent.mkdir(parents=True, exist_ok=True)
        localized.write_text(output, encoding="utf-8")
        return self._default_templates.get(template_name, output)
