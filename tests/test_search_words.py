"""How search reads words in Python: the table both Python and the browser must follow."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from hoagiai.search.words import fold, has_marks, tone_key, words

TABLE = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "search" / "words.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", TABLE["words"], ids=lambda case: case["word"])
def test_word_folds_and_tone_key(case: dict) -> None:
    assert fold(case["word"]) == case["fold"]
    assert tone_key(case["word"]) == tuple(case["tone"])
    assert has_marks(case["word"]) == case["marked"]


@pytest.mark.parametrize("case", TABLE["texts"], ids=lambda case: case["text"])
def test_text_splits_into_words(case: dict) -> None:
    assert words(case["text"]) == case["words"]


def test_the_table_covers_what_people_type() -> None:
    """Old and new tone placement, NFD, d for đ, upper case: each appears in the table."""
    typed = [case["word"] for case in TABLE["words"]]
    assert not all(unicodedata.is_normalized("NFC", word) for word in typed)
    assert {"hòa", "hoà", "thủy", "thuỷ", "đầu", "dầu", "HÒA"} <= set(typed)


def test_old_and_new_tone_placement_are_one_word() -> None:
    for old, new in (("hoà", "hòa"), ("thuỷ", "thủy"), ("hoạ", "họa"), ("khoẻ", "khỏe")):
        assert tone_key(old) == tone_key(new)
        assert fold(old) == fold(new)


def test_different_words_with_one_fold_keep_different_tone_keys() -> None:
    keys = {tone_key(word) for word in ("dầu", "đầu", "dấu", "dâu", "đau")}
    assert len(keys) == 5
    assert {fold(word) for word in ("dầu", "đầu", "dấu", "dâu", "đau")} == {"dau"}
