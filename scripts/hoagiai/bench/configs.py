"""The two configurations a benchmark builds: the project's own, and stock Material.

The stock configuration is the project's `mkdocs.yml` reduced to what a plain
Material + static-i18n site has: the same pages, Markdown extensions and
languages, but no theme overrides, no project plugin, no extra CSS, default
theme features, static-i18n's default options, and `font: false` so neither
side fetches Google Fonts. Without the project's plugin nothing generates the
pages made from `materials/` (quizzes, legal texts, handouts, indexes…), so the
stock site builds from a copy of `docs/` holding them as files, written out by
the project's own generator.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from hoagiai import site_url as site_url_check
from hoagiai.pipeline import generate, load_site
from hoagiai.site import Paths

STOCK_CONFIG = "mkdocs.stock.yml"
STOCK_DOCS = "docs.stock"  # the project's pages and the generated ones, for the stock site
# What the stock site keeps from the project's configuration.
_KEPT_KEYS = ("site_name", "site_description", "site_url", "markdown_extensions", "extra")
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
    config["docs_dir"] = STOCK_DOCS
    theme = project.get("theme", {})
    config["theme"] = {"name": "material", "language": theme.get("language", "en"), "font": False}
    config["plugins"] = ["search", {"i18n": _stock_i18n(project)}]
    # Not strict: the pages are written for the project's plugin (citations, generated
    # links), and a warning of stock Material about them must not stop the comparison.
    config["strict"] = False
    return config


def write_stock_docs(project_dir: Path) -> Path:
    """`docs.stock/`: the project's pages plus every page and file its generator makes.

    Generating renders the handout PDFs, unless the project's build has just left
    them in its cache: write these after building the project.
    """
    paths = Paths.at(project_dir)
    target = project_dir / STOCK_DOCS
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(paths.docs, target)
    # The same site_url as the project's build, so its cached PDFs (with QR codes) are reused.
    site_url = _configured_site_url(read_config(project_dir / "mkdocs.yml"))
    for item in generate(load_site(paths, site_url)):
        path = target / item.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(item.content, bytes):
            path.write_bytes(item.content)
        else:
            path.write_text(item.content, encoding="utf-8")
    return target


def _configured_site_url(config: dict[str, Any]) -> str:
    """mkdocs.yml's `site_url` ending in '/', as the project's build takes it without SITE_URL."""
    url = config.get("site_url")
    return site_url_check.checked(url, source="site_url, mkdocs.yml") if isinstance(url, str) \
        and url else ""


def write_stock_config(project_dir: Path) -> Path:
    """Write `mkdocs.stock.yml` next to the project's `mkdocs.yml` and the pages it builds
    (`write_stock_docs`); returns its path."""
    write_stock_docs(project_dir)
    config = stock_config(read_config(project_dir / "mkdocs.yml"))
    target = project_dir / STOCK_CONFIG
    target.write_text(
        yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return target
