"""The materialized project's `mkdocs.yml`: the real one without the hoagiai plugins, plus
the navigation the plugin would have arranged and the theme's interface strings.

The real file is read with its `!!python/name:` tags kept as they are (Material's emoji
functions), so theme settings, Markdown extensions and the i18n plugin's settings are
copied unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import yaml

from hoagiai.frontmatter import DEFAULT_ORDER
from hoagiai.site import DEFAULT_LANGUAGE

PLUGIN = "hoagiai"
_PYTHON_NAME = "tag:yaml.org,2002:python/name:"


class PythonName(str):
    """A `!!python/name:module.attr` value, written back as the same tag."""


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor(_PYTHON_NAME, lambda loader, suffix, node: PythonName(suffix))
_Dumper.add_representer(
    PythonName, lambda dumper, value: dumper.represent_scalar(_PYTHON_NAME + value, ""))


def read(text: str) -> dict[str, Any]:
    return yaml.load(text, Loader=_Loader)  # a SafeLoader that keeps one tag as text


def dump(config: dict[str, Any]) -> str:
    return yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


@dataclass
class NavPage:
    """A page for the navigation: its Vietnamese source path and the titles it sorts by."""

    base_uri: str
    titles: dict[str, str]
    order: float = DEFAULT_ORDER


@dataclass
class _Folder:
    pages: list[NavPage] = field(default_factory=list)
    folders: dict[str, _Folder] = field(default_factory=dict)


def stock_config(real: dict[str, Any], pages: list[NavPage],
                 strings: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The real config without the plugin, with an explicit `nav`, its English section titles
    and the interface strings the rewritten theme reads."""
    config = dict(real)
    config["plugins"] = [plugin for plugin in real.get("plugins", [])
                         if _plugin_name(plugin).partition("/")[0] != PLUGIN]
    nav, translations = navigation(pages)
    config["nav"] = nav
    config["extra"] = {**(real.get("extra") or {}), "hg_text": strings}
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"].get("languages", []):
                if language.get("locale") in translations and translations[language["locale"]]:
                    language["nav_translations"] = translations[language["locale"]]
    return config


def _plugin_name(plugin: str | dict[str, Any]) -> str:
    return plugin if isinstance(plugin, str) else next(iter(plugin))


def navigation(pages: list[NavPage]) -> tuple[list[Any], dict[str, dict[str, str]]]:
    """MkDocs' `nav` in the hoagiai plugin's order (navigation.py: index page first, then by
    `order` and title; a section is named and ordered by its index page), and for each other
    language the translation of every section title."""
    root = _Folder()
    for page in pages:
        folder = root
        for part in PurePosixPath(page.base_uri).parts[:-1]:
            folder = folder.folders.setdefault(part, _Folder())
        folder.pages.append(page)
    translations: dict[str, dict[str, str]] = {}
    return _entries(root, translations), translations


def _entries(folder: _Folder, translations: dict[str, dict[str, str]]) -> list[Any]:
    keyed: list[tuple[tuple[int, float, str], Any]] = []
    for page in folder.pages:
        first = 0 if PurePosixPath(page.base_uri).stem == "index" else 1
        title = page.titles.get(DEFAULT_LANGUAGE) or PurePosixPath(page.base_uri).stem
        keyed.append(((first, page.order, title), page.base_uri))
    for name, sub in folder.folders.items():
        index = next((page for page in sub.pages
                      if PurePosixPath(page.base_uri).stem == "index"), None)
        title = index.titles.get(DEFAULT_LANGUAGE) if index else None
        title = title or name.replace("-", " ").capitalize()
        if index:
            for lang, translated in index.titles.items():
                if lang != DEFAULT_LANGUAGE and translated:
                    translations.setdefault(lang, {})[title] = translated
        order = index.order if index else DEFAULT_ORDER
        keyed.append(((1, order, title), {title: _entries(sub, translations)}))
    return [entry for _, entry in sorted(keyed, key=lambda pair: pair[0])]
