"""Citations that stand together, and the short reference a run of them reads as.

Authors write one `[[…]]` per clause: "[[luat35:17.5]] [[luat35:17.6]]
[[luat35:17.7]]" or a basis list "[[luat35:4]]; [[nd15:5]]". Citations separated
only by spaces, commas or semicolons form a run, which the page shows as one marker.
Within a run, clauses and points of the same article merge, as people write them:
"Điều 17, khoản 5–7", "Article 17(5)–(7)". A citation with a label of its own
(`[[luat35:12|Điều 12]]`) is part of the sentence and never joins a run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby

from hoagiai.citations import FoundCitation, find_in_markdown
from hoagiai.legal.library import LegalLibrary, Step, describe, steps_of
from hoagiai.legal.model import Kind

_BETWEEN = re.compile(r"[\s,;]*")  # what may stand between two citations of one run


@dataclass(frozen=True)
class CitationRun:
    """Adjacent unlabelled citations, and where they are written in the Markdown."""

    refs: tuple[str, ...]
    start: int
    end: int


def citation_runs(markdown: str) -> Iterator[FoundCitation | CitationRun]:
    """Each labelled citation as found, and each run of unlabelled ones, in order."""
    pending: list[FoundCitation] = []
    for found in find_in_markdown(markdown):
        if pending and (found.label is not None
                        or not _BETWEEN.fullmatch(markdown[pending[-1].end:found.start])):
            yield _run(pending)
            pending = []
        if found.label is None:
            pending.append(found)
        else:
            yield found
    if pending:
        yield _run(pending)


def replace_citations(markdown: str, labelled: Callable[[FoundCitation], str],
                      run: Callable[[CitationRun], str]) -> str:
    """The Markdown with each labelled citation and each run replaced as the callers say."""
    pieces: list[str] = []
    done = 0
    for item in citation_runs(markdown):
        piece = labelled(item) if isinstance(item, FoundCitation) else run(item)
        pieces += [markdown[done:item.start], piece]
        done = item.end
    pieces.append(markdown[done:])
    return "".join(pieces)


def _run(found: list[FoundCitation]) -> CitationRun:
    refs = tuple(dict.fromkeys(citation.ref for citation in found))  # once each, in order
    return CitationRun(refs, found[0].start, found[-1].end)


@dataclass(frozen=True)
class Reference:
    """One document's part of a run: "Điều 17, khoản 5–7" of "Luật Hòa giải ở cơ sở"."""

    units: str
    document: str  # the document's name as citations write it; "" for a section of a module
    short: str  # the document's short name, with its number; "" for a section of a module
    refs: tuple[str, ...]


def references(library: LegalLibrary | None, refs: Sequence[str], lang: str,
               other: dict[str, str]) -> list[Reference]:
    """The references of a run, document by document, with the same article merged.

    `other` gives the label of each reference the legal library does not hold (a
    section of a training module), which stands alone.
    """
    found = {ref: library.find(ref) if library else None for ref in refs}
    result: list[Reference] = []
    for _, group in groupby(refs, key=lambda ref: ref.partition(":")[0]
                                 if found[ref] else ref):
        group_refs = tuple(group)
        if found[group_refs[0]] is None:
            result.append(Reference(other[group_refs[0]], "", "", group_refs))
            continue
        document = found[group_refs[0]][0]  # type: ignore[index]
        steps = [steps_of(document, found[ref][1]) for ref in group_refs]  # type: ignore[index]
        info = document.info
        result.append(Reference(merged(steps, lang), info.cite_name[lang],
                                info.short[lang], group_refs))
    return result


def merged(units: Sequence[list[Step]], lang: str) -> str:
    """Units of one document in words, clauses and points of one article merged."""
    pieces: list[str] = []
    for _, same_top in groupby(units, key=lambda steps: steps[0]):
        chain = list(same_top)
        if chain[0][0][0] is Kind.ARTICLE and all(_is_clause_or_point(steps) for steps in chain):
            pieces.append(_article(chain, lang))
        else:
            pieces.extend(describe(steps, lang) for steps in chain)
    return "; ".join(dict.fromkeys(pieces))


def _is_clause_or_point(steps: list[Step]) -> bool:
    kinds = [kind for kind, _ in steps[1:]]
    return kinds in ([], [Kind.CLAUSE], [Kind.CLAUSE, Kind.POINT])


def _article(chain: list[list[Step]], lang: str) -> str:
    """"Điều 17, khoản 5–7" / "Article 17(5)–(7)"; the whole article when it is cited."""
    number = chain[0][0][1]
    head = f"Điều {number}" if lang == "vi" else f"Article {number}"
    if any(len(steps) == 1 for steps in chain):
        return head
    clauses: dict[str, list[str]] = {}
    for steps in chain:
        points = clauses.setdefault(steps[1][1], [])
        if len(steps) == 3:
            points.append(steps[2][1])
    parts: list[str] = []
    whole: list[str] = []  # whole clauses in a row, shown together as "1, 5–7"
    for clause, points in clauses.items():
        if not points:
            whole.append(clause)
            continue
        if whole:
            parts.append(_numbers(whole, lang))
            whole = []
        shown = dict.fromkeys(points)
        parts.append(f"{clause} điểm {', '.join(shown)}" if lang == "vi"
                     else f"({clause})" + ", ".join(f"({point})" for point in shown))
    if whole:
        parts.append(_numbers(whole, lang))
    if lang == "vi":
        return f"{head}, khoản " + ", khoản ".join(parts)
    return head + ", ".join(parts)


def _numbers(numbers: list[str], lang: str) -> str:
    """Clause numbers with three or more in a row as a range: 1, 5–7 / (1), (5)–(7)."""
    shown = (lambda n: n) if lang == "vi" else (lambda n: f"({n})")
    ranges: list[list[str]] = []
    for number in numbers:
        if ranges and number.isdigit() and ranges[-1][-1].isdigit() \
                and int(number) == int(ranges[-1][-1]) + 1:
            ranges[-1].append(number)
        else:
            ranges.append([number])
    pieces: list[str] = []
    for run in ranges:
        if len(run) >= 3:
            pieces.append(f"{shown(run[0])}–{shown(run[-1])}")
        else:
            pieces.extend(shown(n) for n in run)
    return ", ".join(pieces)
