"""Render a quiz template (`templates/quiz/`) with the project's Jinja2 environment.

Questions and choices sit in raw HTML blocks of the quiz pages: their text goes through the
`html` filter (`render.html_in_markdown`), not `md`.
"""

from __future__ import annotations

from typing import Any

from hoagiai import render as site_render


def render(template: str, **context: Any) -> str:
    """Render `templates/quiz/<template>` with `context` (which should include `lang`)."""
    return site_render.render(f"quiz/{template}", **context)
