"""The site's Markdown options as mkdocs.yml declares them, for the Markdown the generator
converts itself (handout PDFs).

mkdocs.yml names some options as functions (`!!python/name:`: the emoji index and drawing
of pymdownx.emoji, which come from the theme); they are imported by that name, so the
theme is named in mkdocs.yml alone and the printed page draws what the site draws.
"""

from __future__ import annotations

import functools
import importlib
from pathlib import Path
from typing import Any

import yaml

MKDOCS_YML = Path(__file__).resolve().parents[2] / "mkdocs.yml"
_PYTHON_NAME = "tag:yaml.org,2002:python/name:"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its function names imported and other tags (`!ENV`) left empty."""


def _python_name(loader: yaml.SafeLoader, name: str, node: yaml.Node) -> Any:
    module, _, attribute = name.rpartition(".")
    return getattr(importlib.import_module(module), attribute)


def _unread(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_Loader.add_multi_constructor(_PYTHON_NAME, _python_name)
_Loader.add_multi_constructor("!", _unread)


@functools.cache
def extension_options(name: str) -> dict[str, Any]:
    """The options mkdocs.yml gives Markdown extension `name` (empty when it gives none)."""
    config = yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=_Loader)
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict) and name in entry:
            return dict(entry[name] or {})
    return {}
