"""Results kept for the texts seen last (hoagiai/recent.py): made once per text and salt,
the one used longest ago let go first, and the text itself never kept."""

from __future__ import annotations

import sys

from hoagiai.recent import Recent, digest


def test_a_result_is_made_once_per_text_and_salt() -> None:
    made: list[str] = []

    def shout(text: str) -> str:
        made.append(text)
        return text.upper()

    kept: Recent[str] = Recent(4)
    assert [kept.get("hòa giải", shout) for _ in range(3)] == ["HÒA GIẢI"] * 3
    assert kept.get("hòa giải", shout, "paper") == "HÒA GIẢI"
    assert made == ["hòa giải", "hòa giải"]
    assert len(kept) == 2


def test_the_result_used_longest_ago_is_let_go_first() -> None:
    made: list[str] = []
    kept: Recent[int] = Recent(2)

    def length(text: str) -> int:
        made.append(text)
        return len(text)

    for text in ("a", "bb", "a", "ccc"):  # "a" was used again: "bb" is let go
        kept.get(text, length)
    assert len(kept) == 2
    kept.get("a", length)
    kept.get("bb", length)
    assert made == ["a", "bb", "ccc", "bb"]


def test_the_text_is_kept_only_as_its_digest() -> None:
    text = "Biên bản hòa giải " * 10_000
    kept: Recent[int] = Recent(8)
    references = sys.getrefcount(text)
    assert kept.get(text, len) == len(text)
    assert sys.getrefcount(text) == references  # nothing holds the text after the call
    assert digest(text) == digest(text) and len(digest(text)) == 16
    assert digest(text, "site") != digest(text, "paper") != digest(text)
    assert digest("ab", "c") != digest("a", "bc")
