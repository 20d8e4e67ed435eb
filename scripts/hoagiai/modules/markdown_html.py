"""Module Markdown to HTML for the PDFs, with the extensions the site itself uses.

`EXTENSIONS` mirrors `markdown_extensions` in mkdocs.yml (a test keeps the two
lists equal), so a module reads the same on paper as on the site. Two settings
differ on purpose: no "#" permalinks (they mean nothing on paper), and emoji as
inline SVG (nothing is fetched while printing).
"""

from __future__ import annotations

import functools

import markdown

from hoagiai.site_markdown import extension_options

EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.emoji",
]
EXTENSION_CONFIGS = {
    "toc": {"permalink": False},
    # The theme's emoji as inline SVG, as mkdocs.yml names them.
    "pymdownx.emoji": extension_options("pymdownx.emoji"),
}


@functools.lru_cache(maxsize=256)  # mkdocs serve remakes every handout after any edit
def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
