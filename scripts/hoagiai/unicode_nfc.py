"""Unicode hygiene: every source text must be in NFC, as the site and its search assume."""

from __future__ import annotations

import unicodedata

from hoagiai.problems import Location, Problem, problem


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def first_non_nfc(text: str) -> tuple[int, int] | None:
    """Line and column (from 1) of the first character that is not in NFC form, if any."""
    if unicodedata.is_normalized("NFC", text):
        return None
    for line_number, line in enumerate(text.splitlines(), start=1):
        if unicodedata.is_normalized("NFC", line):
            continue
        for column in range(1, len(line) + 1):
            if not unicodedata.is_normalized("NFC", line[: column + 1]):
                return line_number, column
    return 1, 1


def check_nfc(text: str, path: str) -> list[Problem]:
    """One problem per file that is not NFC, pointing at the first decomposed letter."""
    place = first_non_nfc(text)
    if place is None:
        return []
    return [
        problem(
            Location(path, *place),
            "chữ có dấu được mã hóa kiểu tổ hợp (NFD), tìm kiếm sẽ không khớp",
            "chạy “hoagiai check --fix-unicode” để chuẩn hóa tệp sang NFC",
            "accented letters are stored decomposed (NFD), so search will not match them",
            "run “hoagiai check --fix-unicode” to normalise the file to NFC",
        )
    ]
