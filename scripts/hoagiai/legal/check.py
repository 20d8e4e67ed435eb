"""Every citation of the site must resolve; text that looks like a citation must be one.

`[[luật35:12]]` or `[[Luat35 12]]` would otherwise stay on the page as plain
brackets, silently: they are reported like any other bad citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hoagiai.citations import MARKDOWN_CITATION
from hoagiai.legal.explain import explain
from hoagiai.legal.library import LegalLibrary
from hoagiai.legal.sections import SectionResolver
from hoagiai.problems import Problem, problem
from hoagiai.site import Site

_LOOKS_LIKE_CITATION = re.compile(r"\[\[[^\[\]\n]*\]\]")
_FENCE = re.compile(r"^\s*(```|~~~)")


def citation_problems(site: Site) -> Iterator[Problem]:
    library = site.get(LegalLibrary)
    sections = SectionResolver(site)
    for use in site.citations:
        if site.resolve(use.ref) is None and use.ref.partition(":")[0] not in library.broken:
            yield explain(use, library, sections)
    yield from _malformed(site)


def _malformed(site: Site) -> Iterator[Problem]:
    for page in site.pages.values():
        in_fence = False
        for number, line in enumerate(page.body.splitlines(), start=1):
            if _FENCE.match(line):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            for match in _LOOKS_LIKE_CITATION.finditer(line):
                if not MARKDOWN_CITATION.fullmatch(match.group()):
                    yield problem(
                        page.body_location(number, match.start() + 1),
                        f"“{match.group()}” không phải trích dẫn viết đúng cách",
                        "viết mã văn bản bằng chữ thường không dấu, rồi dấu hai chấm và vị trí, "
                        "ví dụ [[luat35:12.1.a]] hoặc [[luat35:12.1|khoản 1 Điều 12]]",
                        f"“{match.group()}” is not a well-formed citation",
                        "write the document id in lowercase without accents, a colon and the "
                        "place, e.g. [[luat35:12.1.a]] or [[luat35:12.1|own label]]",
                    )
