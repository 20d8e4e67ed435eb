"""The Markdown extension profiles: one place naming the extensions each printable uses.

A caller picks a profile by name and calls `to_html(text, profile)`:

- `site`: what the site itself uses, for handouts and role-play kits. `SITE_EXTENSIONS`
  mirrors `markdown_extensions` in mkdocs.yml (a test keeps the two lists equal), so a
  module reads the same on paper as on the site. Two settings differ on purpose: no "#"
  permalinks (they mean nothing on paper), and emoji as inline SVG (nothing is fetched
  while printing).
- `paper`: quiz sheets and answer keys — tables, and classes given with `{: .class }`.
- `report`: the yearly plan report, Markdown an office edits by hand — tables and lists
  that may start at any number.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import markdown

from hoagiai.packed import PackedText
from hoagiai.recent import Recent
from hoagiai.site_markdown import extension_options

ProfileName = Literal["site", "paper", "report"]

SITE_EXTENSIONS = (
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
)


@dataclass(frozen=True)
class Profile:
    extensions: tuple[str, ...]
    configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


PROFILES: dict[ProfileName, Profile] = {
    "site": Profile(SITE_EXTENSIONS, {
        "toc": {"permalink": False},
        # The theme's emoji as inline SVG, as mkdocs.yml names them.
        "pymdownx.emoji": extension_options("pymdownx.emoji"),
    }),
    "paper": Profile(("attr_list", "tables")),
    "report": Profile(("tables", "sane_lists")),
}


RECENT = 512  # conversions kept: mkdocs serve remakes every printable after any edit
_converted: Recent[PackedText] = Recent(RECENT)


def to_html(text: str, profile: ProfileName = "site") -> str:
    """`text` as HTML, converted with the extensions of `profile`.

    The last RECENT conversions are kept, so mkdocs serve converts again only what an edit
    changed; packed, and under a digest of their text rather than the text, they hold
    little of a build's memory (the handouts' conversions held 17 MB at 500 pages)."""
    return _converted.get(
        text, lambda markdown: PackedText(_converter(profile).reset().convert(markdown)),
        profile)()


@functools.cache
def _converter(profile: ProfileName) -> markdown.Markdown:
    # One converter per profile, reset between documents: building one per document costs
    # more than the conversion itself.
    chosen = PROFILES[profile]
    return markdown.Markdown(extensions=list(chosen.extensions),
                             extension_configs={k: dict(v) for k, v in chosen.configs.items()})
