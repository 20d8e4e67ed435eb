"""Links and citations of module Markdown, made right for where the text is shown again.

A module's relative links (`ket-qua-hoa-giai.md#x`) are relative to `hoc-tap/`;
the handout page lives in `tai-lieu-in/`, and a PDF has no folder at all, so
links are rebased or made absolute. On paper a citation cannot be a link: a run
of citations is printed as a numbered note, listed with its full reference at the
end (a citation with a label of its own prints its label).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from hoagiai.citations import MARKDOWN_CITATION
from hoagiai.legal.notes import Notes
from hoagiai.legal.runs import replace_citations
from hoagiai.render import markdown_text, render
from hoagiai.site import Site

_LINK = re.compile(r"(?P<open>\]\()(?P<target>[^)\s]+)(?P<close>(?:\s+\"[^\"]*\")?\))")


def docs_path(target: str, source_dir: str) -> str | None:
    """The docs file a relative link points to (`hoc-tap/x.md`), or None for other links."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("#", "/")) or not parts.path:
        return None
    return posixpath.normpath(posixpath.join(source_dir, parts.path))


def page_url(path: str) -> str:
    """Where MkDocs serves a docs file: `hoc-tap/x.md` at `hoc-tap/x/`, files as they are."""
    if path.endswith("index.md"):
        return path.removesuffix("index.md")
    if path.endswith(".md"):
        return path.removesuffix(".md") + "/"
    return path


def rewrite_links(markdown: str, source_dir: str, new_target: Callable[[str, str], str]) -> str:
    """Replace every relative link target by `new_target(docs path, "#fragment" or "")`."""
    def replace(match: re.Match[str]) -> str:
        target = match["target"]
        path = docs_path(target, source_dir)
        if path is None:
            return match.group(0)
        fragment = f"#{urlsplit(target).fragment}" if urlsplit(target).fragment else ""
        return f"{match['open']}{new_target(path, fragment)}{match['close']}"
    return _LINK.sub(replace, markdown)


def rebase_links(markdown: str, source_dir: str, target_dir: str) -> str:
    """Links still pointing at the same files, for a page that lives in `target_dir`."""
    return rewrite_links(
        markdown, source_dir,
        lambda path, fragment: posixpath.relpath(path, target_dir) + fragment,
    )


def absolute_links(markdown: str, source_dir: str, base_url: str) -> str:
    """Links as full web addresses (`base_url` is the site root of the page's language)."""
    return rewrite_links(
        markdown, source_dir, lambda path, fragment: base_url + page_url(path) + fragment,
    )


def citation_label(match: re.Match[str], site: Site, lang: str) -> str:
    """The author's label, else the legal library's, else the bare reference.

    Without a resolver for the reference (the legal library is missing or does
    not know it) the reference itself is printed, so nothing is silently dropped.
    """
    if match["label"] is not None:
        return match["label"]
    target = site.resolve(match["ref"])
    return target.label[lang] if target is not None else match["ref"]


def noted_citations(markdown: str, site: Site, lang: str, where: str) -> str:
    """Markdown for paper: each run of citations a numbered marker, the notes at the end."""
    notes = Notes(site, lang, where)
    printed = replace_citations(
        markdown, lambda found: str(markdown_text(found.label)),
        lambda run: render("legal/cite-print-marker.html.j2", lang=lang,
                           note=notes.note(run.refs)).rstrip("\n"))
    if notes.items:
        printed += "\n\n" + render("legal/cite-print-notes.md.j2", lang=lang, notes=notes.items)
    return printed


def plain_citations(text: str, site: Site, lang: str) -> str:
    """Plain text (not Markdown) whose citations are replaced by their labels."""
    return MARKDOWN_CITATION.sub(lambda match: citation_label(match, site, lang), text)
