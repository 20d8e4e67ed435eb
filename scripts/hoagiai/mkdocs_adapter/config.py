"""The options of the wing's two plugins, as mkdocs.yml sets them, and the site's address."""

from __future__ import annotations

import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError

from hoagiai import site_url as site_url_check
from hoagiai.errors import HoagiaiError


class HoagiaiConfig(Config):
    """`hoagiai` (the bridge): where the YAML sources are; whether the preview looks for
    changes itself (`watch_by_polling: true`, for folders that give no notice of them)."""

    materials_dir = c.Type(str, default="materials")
    watch_by_polling = c.Type(bool, default=False)


class ThemeConfig(Config):
    """`hoagiai/theme`: `enabled: false` builds with Material as it ships (its whole
    stylesheet and scripts, indented HTML, the whole sidebar)."""

    enabled = c.Type(bool, default=True)


SITE_URL_SOURCE = "SITE_URL / site_url, mkdocs.yml"


def site_url(configured: str | None, serving: bool) -> str | None:
    """The address to build for, ending in '/', checked before anything is loaded or written
    (see site_url.py). A preview (`mkdocs serve`) keeps MkDocs' own local address; a build
    takes SITE_URL when it is set, else mkdocs.yml's address. SITE_URL is read here rather
    than with `!ENV` in mkdocs.yml, where MkDocs would check it first and refuse a bad one
    in English only."""
    url = configured if serving else os.environ.get("SITE_URL") or configured
    try:
        return site_url_check.checked(url, source=SITE_URL_SOURCE) if url else url
    except HoagiaiError as error:
        raise PluginError(f"hoagiai:\n{error}") from error
