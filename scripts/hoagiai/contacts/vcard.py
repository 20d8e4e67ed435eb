"""vCards (RFC 6350, version 3.0 for the widest phone support): one `.vcf` per office or line."""

from __future__ import annotations

from collections.abc import Iterable

_LINE_OCTETS = 75


def escape(value: str) -> str:
    """A text value as vCard writes it: backslash, comma, semicolon and newlines escaped."""
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """One content line folded at 75 octets, never inside a UTF-8 character."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = _LINE_OCTETS if not pieces else _LINE_OCTETS - 1  # continuation starts with " "
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def vcard(properties: Iterable[tuple[str, str]]) -> str:
    """A vCard from (name with parameters, already escaped value) pairs, in order."""
    lines = ["BEGIN:VCARD", "VERSION:3.0"]
    lines += [fold(f"{name}:{value}") for name, value in properties if value]
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
