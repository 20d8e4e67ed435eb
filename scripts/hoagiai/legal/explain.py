"""Why a citation does not resolve, in words a commune clerk can act on.

Each message names the bad reference, says which part is missing, lists what
does exist at that level and, when one is close, suggests the reference that
was probably meant ("có phải “luat35:3.1.a”?").
"""

from __future__ import annotations

import difflib
import re

from hoagiai.citations import CitationUse
from hoagiai.language import Text
from hoagiai.legal.library import LegalLibrary, Step, describe, steps_of
from hoagiai.legal.model import Document, Kind, Unit
from hoagiai.legal.sections import SectionResolver, anchors_of, split_section_ref
from hoagiai.problems import Problem, problem
from hoagiai.urls import localized_uri

# The kind of unit found one level below each kind, by layout of the document.
_CHILD = {Kind.ARTICLE: Kind.CLAUSE, Kind.CLAUSE: Kind.POINT, Kind.PART: Kind.ITEM,
          Kind.ITEM: Kind.POINT, Kind.NOTE: Kind.NOTE}
_TOP = {"law": Kind.ARTICLE, "plan": Kind.PART, "notes": Kind.NOTE}
# How a list of units is introduced: "Điều 1–33", "khoản 1, 2, 3" / "Articles 1–33"…
_PLURAL = {
    Kind.ARTICLE: Text("Điều", "Articles"), Kind.CLAUSE: Text("khoản", "clauses"),
    Kind.POINT: Text("điểm", "points"), Kind.PART: Text("mục", "parts"),
    Kind.ITEM: Text("mục", "items"), Kind.NOTE: Text("mục", "sections"),
}
_ANNEX_PLURAL = Text("mục", "sections")
_NOTHING = Text("", "")
_PARTIAL = Text(" (thư viện chỉ có một phần văn bản này)",
                " (the library holds only part of this text)")


def explain(use: CitationUse, library: LegalLibrary, sections: SectionResolver) -> Problem:
    if ":" in use.ref:
        return _legal(use, library)
    return _section(use, sections)


def _legal(use: CitationUse, library: LegalLibrary) -> Problem:
    ref = use.ref
    doc_id, _, locator = ref.partition(":")
    document = library.documents.get(doc_id)
    if document is None:
        ids = sorted(library.documents)
        guess = difflib.get_close_matches(doc_id, ids, n=1, cutoff=0.5)
        hint_vi = f"có phải “{guess[0]}:{locator}”? " if guess else ""
        hint_en = f"did you mean “{guess[0]}:{locator}”? " if guess else ""
        return problem(
            use.location,
            f"trích dẫn “{ref}”: thư viện không có văn bản mã “{doc_id}”",
            f"{hint_vi}Các mã văn bản: {', '.join(ids)}",
            f"citation “{ref}”: the library has no document “{doc_id}”",
            f"{hint_en}Document ids: {', '.join(ids)}",
        )
    parent, steps, kind, siblings = _where_it_breaks(document, locator)
    partial = document.info.completeness != "full"
    name = document.info.cite_name
    missing = Text.each(lambda lang: describe(steps, lang))
    if kind is None and parent is not None:  # deeper than points: no name for such a part
        missing = Text(f"phần “{locator}”", f"part “{locator}”")
    note = _PARTIAL if partial else _NOTHING
    what = Text(f"trích dẫn “{ref}”: {name.vi} không có {missing.vi}{note.vi}",
                f"citation “{ref}”: {name.en} has no {missing.en}{note.en}")
    fix = _what_exists(document, parent, kind, siblings)
    guess = _suggest(document, locator)
    hint = (Text(f"; có phải “{doc_id}:{guess}”?", f"; did you mean “{doc_id}:{guess}”?")
            if guess else _NOTHING)
    return problem(use.location, what.vi, fix.vi + hint.vi, what.en, fix.en + hint.en)


def _where_it_breaks(document: Document,
                     locator: str) -> tuple[Unit | None, list[Step], Kind | None, list[Unit]]:
    """The deepest existing unit on the way to `locator`, the missing step and its siblings."""
    parts = locator.split(".")
    if parts[0] == "PL" and len(parts) > 1:
        parts = [f"PL.{parts[1]}", *parts[2:]]
    for depth in range(len(parts) - 1, 0, -1):
        parent = document.index.get(".".join(parts[:depth]))
        if parent is not None:
            kind = _CHILD.get(parent.kind)
            number = f"{parent.locator}.{parts[depth]}" if kind is Kind.NOTE else parts[depth]
            steps = [*steps_of(document, parent), (kind or Kind.POINT, number)]
            return parent, steps, kind, parent.subunits
    top = [unit for unit in document.top_units()
           if unit.locator.startswith("PL.") == parts[0].startswith("PL.")]
    kind = Kind.PART if parts[0].startswith("PL.") else _TOP[document.info.layout]
    return None, [(kind, parts[0])], kind, top


def _what_exists(document: Document, parent: Unit | None, kind: Kind | None,
                 siblings: list[Unit]) -> Text:
    in_annex = bool(siblings) and siblings[0].locator.startswith("PL.") and parent is None
    if parent:
        steps = steps_of(document, parent)
        whole = Text.each(lambda lang: describe(steps, lang))
    elif in_annex:
        whole = Text("Phụ lục", "the Annex")
    else:
        whole = Text("văn bản này", "this text")
    plural = _ANNEX_PLURAL if in_annex else _PLURAL.get(kind, _NOTHING)
    if kind is None or not siblings:
        ref = f"{document.id}:{parent.locator}" if parent else document.id
        return Text(f"{whole.vi} không chia nhỏ hơn; hãy trích dẫn “{ref}”",
                    f"{whole.en} has no smaller parts; cite “{ref}”")
    numbers = _listing([unit.locator if kind is Kind.NOTE else unit.number for unit in siblings])
    return Text(f"{whole.vi} chỉ có {plural.vi} {numbers}",
                f"{whole.en} only has {plural.en} {numbers}")


def _listing(numbers: list[str]) -> str:
    """`1, 2, 3, …, 33` becomes `1–33`; other lists stay as they are."""
    if len(numbers) >= 3 and all(n.isdigit() for n in numbers):
        values = [int(n) for n in numbers]
        if values == list(range(values[0], values[-1] + 1)):
            return f"{values[0]}–{values[-1]}"
    return ", ".join(numbers)


def _suggest(document: Document, locator: str) -> str:
    """A reference probably meant: another letter case, or a point written without its clause."""
    for existing in document.index:
        if existing.lower() == locator.lower():
            return existing
    match = re.fullmatch(r"(\d+)\.([a-zđ])", locator)
    if match:
        article = document.index.get(match[1])
        for clause in article.subunits if article else []:
            if any(point.number == match[2] for point in clause.subunits):
                return f"{clause.locator}.{match[2]}"
    return ""


def _section(use: CitationUse, sections: SectionResolver) -> Problem:
    ref = use.ref
    base_uri, anchor = split_section_ref(ref)
    versions = sections.versions(base_uri)
    if versions["vi"] is None:
        pages = [page.base_uri.removesuffix(".md") for page in sections.site.pages_in("vi")]
        guess = difflib.get_close_matches(base_uri.removesuffix(".md"), pages, n=1, cutoff=0.6)
        return problem(
            use.location,
            f"trích dẫn “{ref}”: không có trang “docs/{base_uri}”",
            f"có phải “{guess[0]}#{anchor}”?" if guess else
            "viết đường dẫn trang như trong thư mục docs/, bỏ “.md”, ví dụ “hoc-tap/ten-bai#muc”",
            f"citation “{ref}”: there is no page “docs/{base_uri}”",
            f"did you mean “{guess[0]}#{anchor}”?" if guess else
            "write the page path as under docs/, without “.md”, e.g. “hoc-tap/module#section”",
        )
    page = next((page for page in versions.values()
                 if page is not None and anchor not in anchors_of(page.body)), None)
    if page is None:  # the section exists, but the page has no English version
        english = f"docs/{localized_uri(base_uri, 'en')}"
        return problem(
            use.location,
            f"trích dẫn “{ref}”: trang chưa có bản tiếng Anh “{english}”",
            f"tạo {english} có mục mang nhãn “{{#{anchor}}}”",
            f"citation “{ref}”: the page has no English version “{english}”",
            f"create {english} with a section labelled “{{#{anchor}}}”",
        )
    known = sorted(anchors_of(page.body))
    guess = difflib.get_close_matches(anchor, known, n=1, cutoff=0.6)
    return problem(
        use.location,
        f"trích dẫn “{ref}”: trang “{page.path}” không có mục nào mang nhãn “{{#{anchor}}}”",
        f"có phải “{base_uri.removesuffix('.md')}#{guess[0]}”?" if guess else
        f"thêm “{{#{anchor}}}” vào cuối tiêu đề của mục đó trong {page.path}",
        f"citation “{ref}”: the page “{page.path}” has no section labelled “{{#{anchor}}}”",
        f"did you mean “{base_uri.removesuffix('.md')}#{guess[0]}”?" if guess else
        f"add “{{#{anchor}}}” at the end of that section's heading in {page.path}",
    )
