"""The search index of one language: its pages, their sections, and the words that find them.

`search/<lang>.js` sets `window.hoagiaiSearchIndex` to (arrays rather than objects, to
stay small; every string in NFC):

    {"version": 1, "lang": "vi",
     "pages": [[url, title, description], ...],
     "docs":  [[page, anchor, heading, text, length], ...],   one per section
     "words": [[fold, [[word, postings], ...]], ...]}

`url` is relative to the site root ("hoc-tap/", "en/gioi-thieu/"); `heading` is ""
for the top of a page; `length` is the sum of the section's weights (for ranking); `word`
is a word as written, in lower case, grouped under its fold ("hoa": "hòa", "hoà",
"hóa", ...). Its `postings` list the sections it is in and its weight there (how
often it appears, words of a heading counting more), compactly: each section as the
gap from the previous one's number (the first from -1, so no gap is 0), negative when
a weight other than 1 follows: [4, -2, 4, 1] is section 3 (weight 1), section 5
(weight 4), section 6 (weight 1). Sorted throughout, so the same site gives the same file.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from hoagiai.search.html_text import Section
from hoagiai.search.words import fold, nfc, words

FORMAT_VERSION = 1
GLOBAL_NAME = "hoagiaiSearchIndex"
# A word in a section's heading (the page title, for the top of a page) weighs this much.
HEADING_WEIGHT = 5
# Every section also knows its page's title, and the top section the page's description, so
# that "kỹ năng lắng nghe" finds the "Lắng nghe" section of the page "Kỹ năng hòa giải".
CONTEXT_WEIGHT = 1


@dataclass(frozen=True)
class IndexedPage:
    """One rendered page, as search sees it."""

    url: str
    title: str
    description: str
    sections: tuple[Section, ...]


def build_index(pages: Iterable[IndexedPage], lang: str) -> dict:
    """The index of `pages` (all in language `lang`), ready to be written with `index_script`."""
    page_rows: list[list[str]] = []
    doc_rows: list[list[object]] = []
    postings: dict[str, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    folds: dict[str, str] = {}  # folding is the costly part, and words repeat
    for page_number, page in enumerate(sorted(pages, key=lambda p: p.url)):
        page_rows.append([nfc(page.url), nfc(page.title), nfc(page.description)])
        for section in page.sections:
            top = not section.anchor
            weights = section_weights(section, page, top)
            doc = len(doc_rows)
            doc_rows.append([page_number, section.anchor, "" if top else nfc(section.heading),
                             nfc(section.text), sum(weights.values())])
            for word, weight in weights.items():
                key = folds.get(word) or folds.setdefault(word, fold(word))
                postings[key][word][doc] = weight
    return {
        "version": FORMAT_VERSION,
        "lang": lang,
        "pages": page_rows,
        "docs": doc_rows,
        "words": [
            [key, [[word, encode_postings(postings[key][word])] for word in sorted(postings[key])]]
            for key in sorted(postings)
        ],
    }


def section_weights(section: Section, page: IndexedPage, top: bool) -> Counter[str]:
    """How much each word (lower case) weighs in one section."""
    return text_weights(*weighed_texts(section, page, top))


def weighed_texts(section: Section, page: IndexedPage, top: bool) -> tuple[str, str, str]:
    """What a section's words are weighed from: its text, its heading and its context."""
    if top:
        return section.text, page.title, page.description
    return section.text, section.heading, page.title


def text_weights(text: str, heading: str, context: str) -> Counter[str]:
    """How much each word (lower case) weighs in a section of `text` under `heading`."""
    counts: Counter[str] = Counter()
    for part, weight in ((text, 1), (heading, HEADING_WEIGHT), (context, CONTEXT_WEIGHT)):
        for word, count in Counter(word.lower() for word in words(part)).items():
            counts[word] += count * weight
    return counts


def encode_postings(weights: dict[int, int]) -> list[int]:
    """Section gaps, each negative and followed by the weight when the weight is not 1."""
    numbers: list[int] = []
    previous = -1
    for doc in sorted(weights):
        gap, previous = doc - previous, doc
        numbers += [gap] if weights[doc] == 1 else [-gap, weights[doc]]
    return numbers


def index_script(index: dict) -> str:
    """The index as a script that defines a global: browsers load scripts from file:// too."""
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return f"window.{GLOBAL_NAME}={data};\n"
