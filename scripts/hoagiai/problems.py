"""Problems found in content, collected and reported together.

Every check in the generator records a `Problem` into a `Report` instead of
raising at the first one, so an author sees every mistake in one run. A problem
says where (file, line, column), what is wrong and how to fix it, in Vietnamese
first and English second.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from hoagiai.language import Text

__all__ = ["Location", "Problem", "Report", "Text", "did_you_mean", "format_location", "problem"]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; `line` and `column` count from 1 (0 = unknown)."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        return format_location(self)

    def shifted(self, lines: int) -> Location:
        """The same place seen from a file in which this text starts `lines` lines later."""
        return Location(self.path, self.line + lines if self.line else 0, self.column)


def format_location(location: Location) -> str:
    """`path:line:column`, leaving out the parts that are unknown. The one place that formats."""
    parts = [location.path]
    if location.line:
        parts.append(str(location.line))
        if location.column:
            parts.append(str(location.column))
    return ":".join(parts)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content: where, what, and how to fix it."""

    location: Location
    what: Text
    fix: Text

    def format(self) -> str:
        """Two lines: Vietnamese first, then the English translation, indented."""
        where = format_location(self.location)
        return f"{where}: {self.what.vi} — {self.fix.vi}\n    (en) {self.what.en} — {self.fix.en}"


def problem(location: Location, what_vi: str, fix_vi: str, what_en: str, fix_en: str) -> Problem:
    """Shorthand for building a bilingual problem."""
    return Problem(location, Text(what_vi, what_en), Text(fix_vi, fix_en))


@dataclass
class Report:
    """All problems found in one run, in the order they were found."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, item: Problem) -> None:
        if item not in self.problems:
            self.problems.append(item)

    def extend(self, items: Iterable[Problem]) -> None:
        for item in items:
            self.add(item)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def format(self) -> str:
        """Every problem sorted by place, then the total, in both languages."""
        lines = [item.format() for item in sorted(self.problems, key=lambda p: p.location)]
        count = len(self.problems)
        lines.append(
            f"Tìm thấy {count} lỗi: hãy sửa rồi chạy lại. / "
            f"Found {count} problem{'s' if count != 1 else ''}: fix them and run again."
        )
        return "\n".join(lines)


def did_you_mean(guess: str) -> Text:
    """The start of a fix naming a close match (“có phải ý bạn là “x”? ”), or nothing."""
    if not guess:
        return Text("", "")
    return Text(f"có phải ý bạn là “{guess}”? ", f"did you mean “{guess}”? ")
