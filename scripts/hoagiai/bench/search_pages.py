"""A large made-up Vietnamese site for the search benchmark: pages of random syllables.

Syllables are assembled from Vietnamese onsets, vowels, endings and tones, so the
index sees what real text gives it: thousands of distinct words, many sharing a
fold ("ma", "má", "mà", "mả", "mã", "mạ"). Their frequencies follow Zipf's law, like
words in real prose. The text means nothing; it is never published.
"""

from __future__ import annotations

import itertools
import random
import unicodedata
from collections.abc import Iterator

from hoagiai.render import render

ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh",
          "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"]
VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ia", "iê", "ua", "uô",
          "ươ", "oa", "oe", "uy"]
ENDINGS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u"]
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
# Words the benchmark searches for, made common so that a query has many pages to rank.
COMMON = ["hòa", "giải", "ở", "cơ", "sở", "viên", "tổ", "thôn", "xã", "người", "dân", "của"]


def syllables(count: int, seed: int = 0) -> list[str]:
    """`count` distinct syllables, the words of COMMON first."""
    chooser = random.Random(seed)
    found = dict.fromkeys(COMMON)
    while len(found) < count:
        vowel = chooser.choice(VOWELS)
        marked = len(vowel) - 1 if len(vowel) > 1 else 0  # the tone sits on one vowel
        toned = vowel[:marked + 1] + chooser.choice(TONES) + vowel[marked + 1:]
        syllable = chooser.choice(ONSETS) + toned + chooser.choice(ENDINGS)
        found[unicodedata.normalize("NFC", syllable)] = None
    return list(found)


class Corpus:
    """Random prose from a fixed vocabulary, reproducible from its seed."""

    def __init__(self, vocabulary: int = 6000, seed: int = 0) -> None:
        self.words = syllables(vocabulary, seed)
        self.cumulative = list(itertools.accumulate(1 / rank for rank in range(1, vocabulary + 1)))
        self.random = random.Random(seed)

    def sentence(self, length: int) -> str:
        chosen = self.random.choices(self.words, cum_weights=self.cumulative, k=length)
        return " ".join(chosen).capitalize() + "."

    def paragraph(self, words: int) -> str:
        sentences = []
        while words > 0:
            length = min(words, self.random.randint(8, 20))
            sentences.append(self.sentence(length))
            words -= length
        return " ".join(sentences)


def pages(count: int, sections: int = 6, words: int = 100,
          seed: int = 0) -> Iterator[tuple[str, str, str, str]]:
    """`count` pages as (url, title, description, body HTML): headings with ids, paragraphs."""
    corpus = Corpus(seed=seed)
    for number in range(count):
        body = render(
            "search/synthetic-page.html.j2",
            intro=corpus.paragraph(words),
            sections=[{"heading": corpus.sentence(4), "text": corpus.paragraph(words)}
                      for _ in range(sections - 1)],
        )
        yield f"thu/trang-{number}/", corpus.sentence(5), corpus.sentence(20), body
