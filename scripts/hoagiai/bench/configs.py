"""The two configurations a benchmark builds: the project's own, and stock Material.

The stock configuration is the project's `mkdocs.yml` reduced to what a plain
Material + static-i18n site has: the same pages, Markdown extensions and
languages, but no theme overrides, no project plugin, no extra CSS, default
theme features, static-i18n's default options, and `font: false` so neither
side fetches Google Fonts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

STOCK_CONFIG = "mkdocs.stock.yml"
# What the stock site keeps from the project's configuration.
_KEPT_KEYS = ("site_name", "site_description", "site_url", "docs_dir", "markdown_extensions",
              "extra")
# static-i18n options that define which pages exist; the rest stay at their defaults.
_KEPT_I18N_OPTIONS = ("docs_structure", "languages")


class Tagged:
    """A YAML value with a tag PyYAML's safe loader does not know (`!ENV`, `!!python/name`)."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags, so it can be written back unchanged."""


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    if isinstance(node, yaml.MappingNode):
        return Tagged(node.tag, loader.construct_mapping(node, deep=True))
    return Tagged(node.tag, loader.construct_scalar(node))


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("", _construct_tagged)
_Dumper.add_representer(Tagged, _represent_tagged)


def read_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # a SafeLoader subclass


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _stock_i18n(project: dict[str, Any]) -> dict[str, Any]:
    for entry in project.get("plugins", []):
        if _plugin_name(entry) == "i18n" and isinstance(entry, dict):
            options = entry["i18n"] or {}
            return {key: options[key] for key in _KEPT_I18N_OPTIONS if key in options}
    raise ValueError("mkdocs.yml has no i18n plugin: the benchmark compares i18n sites")


def stock_config(project: dict[str, Any]) -> dict[str, Any]:
    """The stock Material + static-i18n equivalent of a project configuration."""
    config = {key: project[key] for key in _KEPT_KEYS if key in project}
    theme = project.get("theme", {})
    config["theme"] = {"name": "material", "language": theme.get("language", "en"), "font": False}
    config["plugins"] = ["search", {"i18n": _stock_i18n(project)}]
    # Stock sites are not strict: links to pages the project generates would stop the build.
    config["strict"] = False
    return config


def write_stock_config(project_dir: Path) -> Path:
    """Write `mkdocs.stock.yml` next to the project's `mkdocs.yml`; returns its path."""
    config = stock_config(read_config(project_dir / "mkdocs.yml"))
    target = project_dir / STOCK_CONFIG
    target.write_text(
        yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return target
