"""What a citation points to, as the reviewer reads it: the cited unit's label and verbatim text.

The text comes from the legal library's model, paragraph by paragraph exactly
as the source writes it (the source editor's comments left out), with the
heading of the article that holds the unit. A section of a training module is
not law: it is named, with no text.
"""

from __future__ import annotations

from dataclasses import dataclass

from hoagiai.legal.library import LegalLibrary, vietnamese_heading
from hoagiai.legal.model import Role
from hoagiai.review.sentences import plain
from hoagiai.site import Site


@dataclass(frozen=True)
class CitedUnit:
    ref: str  # "luat35:10.4"
    label: str  # "khoản 4 Điều 10 Luật Hòa giải ở cơ sở" (in the sheet's language)
    heading: str  # the article (or part, note) that holds it: "Điều 10. Nghĩa vụ của hòa giải viên"
    paragraphs: tuple[str, ...]  # the unit's words, verbatim; empty for a module section
    is_law: bool


def cited_unit(site: Site, ref: str, lang: str) -> CitedUnit:
    """The unit `ref` names; `ref` was checked when the site loaded, so it resolves."""
    library = site.get(LegalLibrary)
    found = library.find(ref)
    if found is None:
        target = site.resolve(ref)
        label = target.label[lang] if target else ref
        title = target.title[lang] if target else ""
        return CitedUnit(ref, label, title, (), False)
    document, unit = found
    top = document.top_unit_of(unit.locator)
    if unit.markdown:  # a section of notes: our paraphrase of secondary sources, kept as Markdown
        paragraphs = tuple(plain(line) for line in unit.markdown.splitlines() if line.strip())
        heading = unit.heading
    else:
        paragraphs = tuple(paragraph.text for paragraph in unit.paragraphs()
                           if paragraph.role is not Role.EDITORIAL)
        heading = vietnamese_heading(top)
    return CitedUnit(ref, getattr(library.label(document, unit), lang), heading, paragraphs, True)
