"""A page's citations as numbered notes: one number per run of citations, the same run once.

The web page shows each number as a marker whose note (a popover) holds the
reference, the cited words verbatim and a link; print and the handout PDFs list the
notes with their full reference at the end of the page. Both come from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hoagiai.citations import CitationTarget
from hoagiai.errors import BuildError
from hoagiai.legal.library import LegalLibrary
from hoagiai.legal.model import Document, Unit
from hoagiai.legal.runs import Reference, references
from hoagiai.site import Site


@dataclass(frozen=True)
class Note:
    number: int
    refs: tuple[str, ...]
    references: tuple[Reference, ...]

    @property
    def label(self) -> str:
        """The full reference, as printed: "Điều 17, khoản 5–7 — Luật Hòa giải ở cơ sở"."""
        return "; ".join(f"{ref.units} — {ref.document}" if ref.document else ref.units
                         for ref in self.references)


@dataclass
class Notes:
    """The numbered notes of one page in one language, in order of first use."""

    site: Site
    lang: str
    where: str  # the page, for the message when a citation resolves to nothing
    items: list[Note] = field(default_factory=list)
    _by_refs: dict[tuple[str, ...], Note] = field(default_factory=dict)

    def note(self, refs: tuple[str, ...]) -> Note:
        """The note of a run of citations: a new number, or the one it already has."""
        if refs not in self._by_refs:
            note = Note(len(self.items) + 1, refs, tuple(self._references(refs)))
            self.items.append(note)
            self._by_refs[refs] = note
        return self._by_refs[refs]

    def _references(self, refs: tuple[str, ...]) -> list[Reference]:
        library = self.site.find(LegalLibrary)
        other: dict[str, str] = {}
        for ref in refs:
            if library is None or library.find(ref) is None:
                other[ref] = getattr(resolved(self.site, ref, self.where).label, self.lang)
        return references(library, refs, self.lang, other)


def cited_unit(site: Site, ref: str) -> tuple[Document, Unit] | None:
    """The document and unit a reference cites, if the legal library holds it."""
    library = site.find(LegalLibrary)
    return library.find(ref) if library else None


def resolved(site: Site, ref: str, where: str) -> CitationTarget:
    """What a citation points to; checked citations always resolve, so anything else is a bug."""
    target = site.resolve(ref)
    if target is None:
        raise BuildError(
            f"{where}: citation [[{ref}]] resolves to nothing and was not "
            "checked — the feature that wrote it must record it in site.citations."
        )
    return target
