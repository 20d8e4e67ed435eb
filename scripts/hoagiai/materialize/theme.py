"""The project's template overrides, rewritten so that stock MkDocs can render them.

The real theme reads three things the hoagiai plugin puts into Jinja: `hg_t` (interface
strings), `hg_nav_window` (the sidebar's window over long sections) and `hg` (what the
features say about the page). Here the strings come from `config.extra.hg_text`, the
sidebar shows every item of a section (but its index page, which is the section's own
link), and `hg` is read from the page's front matter,
where `project.write` puts it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from hoagiai.render import strings
from hoagiai.site import LANGUAGES

_CALL = re.compile(r"""hg_t\(\s*(["'])([^"']+)\1\s*(?:,\s*(\w+)\s*=\s*(\w+)\s*)?\)""")
_WINDOW = re.compile(r"hg_nav_window\(\s*(\w+)\s*,\s*\w+\s*\)")
_DEFINED = re.compile(r"(?<![\w-])hg is defined")
_VALUE = re.compile(r"(?<![\w-])hg\.")
PAGE_VALUES = "(page.meta.hg if page and page.meta and page.meta.hg else none)"


def rewritten(template: str) -> str:
    """One template with the plugin's names replaced by stock Jinja over config and page."""
    template = _CALL.sub(_string_lookup, template)
    template = _WINDOW.sub(
        r'namespace(hidden_before=0, items=\1.children | rejectattr("is_index") | list, '
        r"hidden_after=0)", template)
    template = _DEFINED.sub(PAGE_VALUES, template)
    return _VALUE.sub("page.meta.hg.", template)


def _string_lookup(call: re.Match[str]) -> str:
    lookup = f'config.extra.hg_text[config.theme.language]["{call[2]}"]'
    if call[3] is None:
        return f"({lookup})"
    return f'({lookup} | replace("{{{call[3]}}}", {call[4]} | string))'


def used_strings(overrides: Path) -> dict[str, dict[str, str]]:
    """`lang -> key -> text` for every interface string the templates ask for."""
    keys = sorted({call[2] for path in overrides.rglob("*.html")
                   for call in _CALL.finditer(path.read_text(encoding="utf-8"))})
    table = strings()
    return {lang: {key: table[key][lang] for key in keys} for lang in LANGUAGES}


def copy(overrides: Path, target: Path) -> int:
    """Copy the overrides folder, rewriting each template; the number of templates."""
    shutil.copytree(overrides, target, dirs_exist_ok=True)
    templates = sorted(target.rglob("*.html"))
    for path in templates:
        path.write_text(rewritten(path.read_text(encoding="utf-8")), encoding="utf-8")
    return len(templates)
