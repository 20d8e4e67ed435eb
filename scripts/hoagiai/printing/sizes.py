"""What a page says of a printable's size ("PDF, 48 KB"), filled in once the file is made.

A page that stated a PDF's size as it was written would wait for the PDF, and in MkDocs
every page of its language would wait with it: pages are all converted before the first
is written. So a page carries a mark instead, an HTML comment naming the file, and whoever
writes the files (the MkDocs plugin, the plain project) fills each mark in with the size
once the file is made. A comment is no text: search, the glossary and the word count never
see it, and a mark left unfilled shows nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

from hoagiai.urls import language_of

_MARK = re.compile(r"<!--hg-size (\S+?)-->")
MARK_START = "<!--hg-size "  # a page holding no mark has nothing to fill


def size_mark(src_uri: str) -> Markup:
    """Where a page states the size of the generated file `src_uri` ("tai-lieu-in/a.en.pdf")."""
    return Markup(f"{MARK_START}{src_uri}-->")


def fill_sizes(text: str, size_of: Callable[[str], int]) -> str:
    """`text` with each size mark replaced by the size in bytes `size_of` gives for its
    file, written in the file's language."""
    return _MARK.sub(lambda mark: size_label(size_of(mark[1]), language_of(mark[1])), text)


def size_label(size: int, lang: str) -> str:
    """1.2 MB / 1,2 MB (Vietnamese decimal comma); under 1 MB in KB."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    text = f"{size / (1024 * 1024):.1f}"
    return f"{text.replace('.', ',') if lang == 'vi' else text} MB"
