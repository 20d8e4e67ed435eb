"""Front-matter text as the theme templates receive it: escaped once, here.

MkDocs renders the theme (Material and overrides/) without autoescaping, and Material
writes `page.title`, `page.meta.title` and `page.meta.description` into the page as
they are. Handing the templates `Markup` that is already escaped makes every such
place safe, and a template that escapes again (`| e`) leaves `Markup` unchanged.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

SHOWN_FIELDS = ("title", "description")


def escaped(value: Any) -> Markup:
    """`value` as text that cannot become markup (idempotent on `Markup`)."""
    return escape(value if isinstance(value, Markup) else str(value))


def escaped_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """A copy of a page's front matter with the fields the theme shows escaped."""
    return {key: escaped(value) if key in SHOWN_FIELDS and value is not None else value
            for key, value in meta.items()}
