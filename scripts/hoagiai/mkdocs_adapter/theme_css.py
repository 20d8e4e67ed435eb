"""Material's stylesheet without the rules no page of this site can use.

Material ships one stylesheet for every feature it has (blog, tabs, versions,
a dozen admonition types, code highlighting, ...): 23 KB gzip, a third of the
70 KB a first visit may cost. After a build, every rule whose selectors all
need a class that appears in no page, no script and no other stylesheet of the
site is dropped, then every custom property nothing reads. The result is
written beside the original under a name made from its content (long browser
caches never serve a stale copy) and the pages are pointed at it.

Conservative on purpose: any word of any script that runs in a page counts as
a used class (and `prefix-${…}` as a used prefix), classes inside :not()/:is()/
:where()/:has() or attribute selectors need not match, and at-rules other than
@media/@supports are kept whole. The search index is not read: its scripts hold
the pages' text as data, whose words (prose such as "example") kept rules no page
uses, and renamed the stylesheet every reader downloads when the prose changed.
Only Material's stylesheet is trimmed, never the project's own.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Material's own stylesheet, as its base.html links it.
MATERIAL_CSS = re.compile(r'href="([^"]*assets/stylesheets/main\.[0-9a-f]+\.min\.css)"')
TRIMMED_CSS = re.compile(r"theme\.[0-9a-f]{8}\.min\.css$")
# Each pattern starts with its literal text and checks what comes before it afterwards
# (`\bclass=` and `(?<![\w-])--` in effect): the regular expression engine then jumps from one
# occurrence of the text to the next instead of trying every character of 50 MB of pages.
_CLASS_ATTRIBUTE = re.compile(r'class="(?<=\bclass=")([^"]*)"')
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_TEMPLATE_PREFIX = re.compile(r"([A-Za-z_][\w-]*)\$\{")  # `md-tag--${name}` in a script
_PROPERTY = re.compile(r"--(?<![\w-]--)[\w-]+")  # not the "--active" of "md-dialog--active"
_PROPERTY_READ = re.compile(r"var\(\s*(--[\w-]+)")
_SELECTOR_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
_GROUPS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_GROUPING_RULES = ("@media", "@supports")

StyleRule = Callable[[str, str], str | None]  # (selectors, declarations) -> rule or None


@dataclass(frozen=True)
class Usage:
    """What the site's pages, scripts and other stylesheets may use."""

    classes: frozenset[str]
    prefixes: tuple[str, ...]  # classes that scripts build at run time start with these
    properties: frozenset[str]  # custom properties named outside the theme stylesheet

    def has_class(self, name: str) -> bool:
        return name in self.classes or name.startswith(self.prefixes)


def usage(pages: Iterable[str], scripts: Iterable[str], stylesheets: Iterable[str]) -> Usage:
    classes: set[str] = set()
    prefixes: set[str] = set()
    properties: set[str] = set()
    for html in pages:
        for value in _CLASS_ATTRIBUTE.findall(html):
            classes.update(value.split())
        properties.update(_PROPERTY.findall(html))  # style="--x: …"
    for script in scripts:
        classes.update(_WORD.findall(script))
        if "${" in script:  # most scripts (the search index) build no names
            prefixes.update(_TEMPLATE_PREFIX.findall(script))
        properties.update(_PROPERTY.findall(script))
    for stylesheet in stylesheets:
        properties.update(_PROPERTY.findall(stylesheet))
    return Usage(frozenset(classes), tuple(sorted(prefixes)), frozenset(properties))


def _scan(css: str, start: int, stops: str) -> int:
    """Index of the first character of `stops` at or after `start`, outside strings, comments,
    parentheses and brackets; len(css) if there is none."""
    depth, index = 0, start
    while index < len(css):
        char = css[index]
        if char in "\"'":
            index += 1
            while css[index] != char:
                index += 2 if css[index] == "\\" else 1
        elif css.startswith("/*", index):
            index = css.index("*/", index) + 1
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif depth == 0 and char in stops:
            return index
        index += 1
    return len(css)


def _split(text: str, separator: str) -> list[str]:
    parts, start = [], 0
    while start <= len(text):
        end = _scan(text, start, separator)
        parts.append(text[start:end])
        start = end + 1
    return parts


def _statements(css: str) -> Iterator[tuple[str, str | None, str]]:
    """Top-level statements: (prelude, block content or None for `@x …;`, original text)."""
    index = 0
    while index < len(css):
        opening = _scan(css, index, "{;")
        if opening == len(css):
            return
        if css[opening] == ";":
            yield css[index:opening].strip(), None, css[index:opening + 1]
            index = opening + 1
            continue
        depth, end = 0, opening
        while True:
            end = _scan(css, end, "{}")
            depth += 1 if css[end] == "{" else -1
            end += 1
            if depth == 0:
                break
        prelude = _COMMENT.sub("", css[index:opening]).strip()
        yield prelude, css[opening + 1:end - 1], css[index:end]
        index = end


def _rebuild(css: str, style_rule: StyleRule) -> str:
    """`css` with every style rule, inside @media/@supports too, replaced by `style_rule`."""
    kept = []
    for prelude, content, original in _statements(css):
        if content is None or (prelude.startswith("@") and
                               not prelude.startswith(_GROUPING_RULES)):
            kept.append(original)
        elif prelude.startswith("@"):
            inner = _rebuild(content, style_rule)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif (rule := style_rule(prelude, content)) is not None:
            kept.append(rule)
    return "".join(kept)


def _selector_used(selector: str, used: Usage) -> bool:
    previous = None
    while previous != selector:  # drop (...) and [...], innermost first
        previous, selector = selector, _GROUPS.sub("", selector)
    return all(used.has_class(name) for name in _SELECTOR_CLASS.findall(selector))


def trim_rules(css: str, used: Usage) -> str:
    """`css` without the style rules that cannot match; selector lists are trimmed one by one."""
    def rule(prelude: str, content: str) -> str | None:
        selectors = [s for s in _split(prelude, ",") if _selector_used(s, used)]
        return f"{','.join(selectors)}{{{content}}}" if selectors else None

    return _rebuild(css, rule)


def trim_properties(css: str, used: Usage) -> str:
    """`css` without the custom property declarations that nothing reads."""
    read = set(_PROPERTY_READ.findall(css)) | used.properties

    def unread(declaration: str) -> bool:
        name = declaration.split(":", 1)[0].strip()
        return name.startswith("--") and name not in read

    def rule(prelude: str, content: str) -> str | None:
        declarations = [d for d in _split(content, ";") if d.strip() and not unread(d)]
        return f"{prelude}{{{';'.join(declarations)}}}" if declarations else None

    return _rebuild(css, rule)


def trim(css: str, used: Usage) -> str:
    return trim_properties(trim_rules(css, used), used)


def trimmed_name(css: str) -> str:
    return f"theme.{hashlib.sha256(css.encode()).hexdigest()[:8]}.min.css"


def apply(pages: list[Path], data_folder: str = "") -> Path | None:
    """Trim the Material stylesheet `pages` link to, write it beside the original under a
    content-hash name and point the pages at it. Returns the new file (None: none linked).
    Scripts under the site's `data_folder` are data, not read. Pages are read twice rather
    than held: at 2,000 pages they weigh 50 MB."""
    pages = [page for page in pages if page.is_file()]
    original = _linked_stylesheet(pages)
    if original is None:
        return None
    site = original.parents[2]  # <site>/assets/stylesheets/main.….min.css
    data = site / data_folder if data_folder else None
    files = [path for path in site.rglob("*") if path.suffix in (".js", ".css")
             and not (data and path.is_relative_to(data)) and path.is_file()]
    used = usage(
        (page.read_text(encoding="utf-8") for page in pages),
        (_read(path) for path in files if path.suffix == ".js"),
        (_read(path) for path in files if path.suffix == ".css" and path != original
         and not TRIMMED_CSS.search(path.name)),
    )
    css = trim(original.read_text(encoding="utf-8"), used)
    target = original.with_name(trimmed_name(css))
    target.write_text(css, encoding="utf-8")
    for page in pages:
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace(f'{original.name}"', f'{target.name}"'), encoding="utf-8")
    return target


def _linked_stylesheet(pages: list[Path]) -> Path | None:
    """Material's stylesheet as the first page linking it relatively says (the 404 page links
    from the site's root URL, which says nothing about where the site is on disk)."""
    for page in pages:
        found = MATERIAL_CSS.search(page.read_text(encoding="utf-8"))
        if found and not found.group(1).startswith("/"):
            return Path(os.path.normpath(page.parent / found.group(1)))
    return None


def _read(path: Path) -> str:
    """A script or stylesheet as text (a stray byte that is not UTF-8 does not stop the build)."""
    return path.read_text(encoding="utf-8", errors="replace")
