"""The project's Jinja2 environment with one filter more, for text placed in raw HTML.

Text from YAML inside raw HTML blocks (questions, choices) is not read as Markdown,
so the `md` filter's backslashes would show; `html` escapes it as HTML instead, and
writes `[` as a character reference so a `[[...]]` in the text is never taken for a
citation.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup, escape

from hoagiai import render as site_render


def html_text(value: Any) -> Markup:
    return Markup(str(escape(str(value))).replace("[", "&#91;"))


@cache
def environment() -> jinja2.Environment:
    env = site_render.environment().overlay()
    # An overlay shares its parent's filter dict: copy it so the site's own stays unchanged.
    env.filters = {**env.filters, "html": html_text}
    return env


def render(template: str, **context: Any) -> str:
    """Render `templates/quiz/<template>` with `context` (which should include `lang`)."""
    return environment().get_template(f"quiz/{template}").render(**context)
