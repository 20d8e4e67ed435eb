"""How search sees words. `docs/assets/js/search-engine.js` does exactly the same.

Three views of a word, from strictest to loosest:

- the word as written, in NFC ("Hoà");
- its *tone key*: lower case, tone mark taken off and kept apart, other marks kept
  (`("hoa", "\\u0300")`). "hoà" and "hòa", "thuỷ" and "thủy" share a tone key: the
  tone belongs to the syllable, wherever a writer puts it;
- its *fold*: lower case, every mark gone, "đ" read as "d" ("hoa"). This is what
  someone typing without accents means.

A query word finds every indexed word with the same fold; among those, the ones
with the same tone key are exact matches and rank first.
"""

from __future__ import annotations

import re
import unicodedata

# The five Vietnamese tones: grave (huyền), acute (sắc), tilde (ngã), hook (hỏi), dot (nặng).
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_COMBINING = re.compile("[\u0300-\u036f]")
# Letters and digits, plus combining marks left over in text that has no precomposed form.
_WORD = re.compile("(?:[^\\W_]|[\u0300-\u036f])+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def words(text: str) -> list[str]:
    """The words of `text` in reading order, as written (NFC)."""
    return _WORD.findall(nfc(text))


def fold(word: str) -> str:
    """Lower case, without any mark, "đ" as "d": "Đầu" -> "dau"."""
    bare = _COMBINING.sub("", unicodedata.normalize("NFD", word.lower()))
    return nfc(bare.replace("đ", "d"))


def tone_key(word: str) -> tuple[str, str]:
    """Lower case without its tone mark, and the tone mark: "Hoà" -> ("hoa", "\\u0300")."""
    tone = ""
    kept = []
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in TONE_MARKS:
            tone = char
        else:
            kept.append(char)
    return nfc("".join(kept)), tone


def has_marks(word: str) -> bool:
    """Whether the word carries accents or "đ", i.e. whether its writer chose them."""
    return fold(word) != nfc(word.lower())
