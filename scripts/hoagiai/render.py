"""Jinja2 templates for everything the generator writes.

Autoescaping is always on, for Markdown templates too: text from YAML or front
matter reaches the page as text, never as markup. Interface words live in
`strings.yml` files next to the templates (one per feature folder) and are
looked up with `t("key")` for the template's `lang`.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup, escape

from hoagiai.errors import BuildError
from hoagiai.language import DEFAULT_LANGUAGE

TEMPLATES = Path(__file__).parent / "templates"


@cache
def strings() -> dict[str, dict[str, str]]:
    """Every interface string, `key -> {vi, en}`, merged from all `strings.yml` files."""
    merged: dict[str, dict[str, str]] = {}
    for entry in sorted(TEMPLATES.rglob("strings.yml")):
        for key, value in (yaml.safe_load(entry.read_text(encoding="utf-8")) or {}).items():
            if key in merged:
                raise BuildError(f"Interface string '{key}' is defined twice ({entry}).")
            merged[key] = value
    return merged


def t(key: str, lang: str, **values: Any) -> str:
    """An interface string in `lang`, with `{name}` placeholders filled from `values`.

    A value given as Markup (a size mark) stays markup: the string is then Markup too,
    the rest of it escaped as a template would escape it."""
    try:
        text = strings()[key][lang]
    except KeyError as missing:
        raise BuildError(f"Interface string '{key}' has no '{lang}' text.") from missing
    if any(isinstance(value, Markup) for value in values.values()):
        return Markup.escape(text).format(**values)
    return text.format(**values) if values else text


@jinja2.pass_context
def _translate(context: jinja2.runtime.Context, key: str, **values: Any) -> str:
    return t(key, context.get("lang", DEFAULT_LANGUAGE), **values)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def markdown_text(value: Any) -> Markup:
    """Text that Markdown shows exactly as written: HTML escaped, Markdown marks backslashed.

    Quotes are left as they are: this is running text, never an attribute, and
    an entity such as `&#39;` would have its `#` backslashed into visible text.
    """
    escaped = html.escape(str(value), quote=False)
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", escaped))


def html_in_markdown(value: Any) -> Markup:
    """Text for raw HTML that a page's Markdown carries (a quiz's question, an attribute value):
    HTML escaped, quotes too, and `[` as a character reference. Markdown does not read inside
    raw HTML, so the `md` filter's backslashes would show; but it makes links before it sees
    raw HTML, so a `[x](javascript:…)` left as is would become a link inside an attribute and
    close it, and `[[…]]` would be taken for a citation."""
    return Markup(str(escape(str(value))).replace("[", "&#91;"))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["t"] = _translate
    env.filters["md"] = markdown_text
    env.filters["html"] = html_in_markdown
    return env


def render(template: str, **context: Any) -> str:
    """Render `templates/<template>` with `context` (which should include `lang`)."""
    return environment().get_template(template).render(**context)
