"""Synthetic texts for the legal library, labelled as such: never law, never published.

The project makes a library page from each `materials/legal/<id>.md` (the text)
and `<id>.yml` (our metadata). A synthetic text is laid out like a law, article
by article (`#### Điều N.`, clauses `1.`, points `a)`), because laws make the
longest pages of the site; everything a reader sees says what it is: its id
(`gialap`, "giả lập"), its title, an editor's note above the text, and the
nature `thu-cap`, whose page opens with the banner "không phải văn bản quy
định". The benchmark only builds them in a temporary folder, to measure.
"""

from __future__ import annotations

import random
from typing import Any

import yaml

from hoagiai.bench.kinds import REVIEWED, Pair
from hoagiai.bench.text import Filler

PREFIX = "gialap"
CITABLE_ARTICLES = 15  # every synthetic text has at least these articles, each with clause 1
MAX_ARTICLES = 35
POINTS = "abcdđeghiklmnopqrstuvxy"
NOTE = ("<!-- Dữ liệu giả lập của hoagiai bench, chỉ để đo hiệu năng: không phải văn bản pháp "
        "luật. -->")


def document_id(number: int) -> str:
    return f"{PREFIX}{number}"


def citable(doc_id: str) -> list[str]:
    """Citations of a synthetic text that always resolve: its first articles and their clause 1."""
    articles = range(1, CITABLE_ARTICLES + 1)
    return [f"{doc_id}:{article}" for article in articles] + [
        f"{doc_id}:{article}.1" for article in articles]


def document(doc_id: str, number: int, texts: Pair, layout: random.Random,
             audience: list[str]) -> tuple[str, str]:
    """The text file and the metadata file of one synthetic text."""
    articles = layout.randint(CITABLE_ARTICLES, MAX_ARTICLES)
    text = _text(number, articles, texts.texts["vi"], layout)
    return text, yaml.safe_dump(_sidecar(doc_id, number, articles, texts, layout, audience),
                                allow_unicode=True, sort_keys=False, width=1000)


def _text(number: int, articles: int, words: Filler, layout: random.Random) -> str:
    """The Vietnamese text, one paragraph per line, as the library's sources are."""
    lines = ["---", f'title: "Văn bản giả lập số {number}"', "---", "",
             f"# VĂN BẢN GIẢ LẬP SỐ {number}", "", NOTE]
    for article in range(1, articles + 1):
        lines += ["", f"#### Điều {article}. {words.title()}"]
        for clause in range(1, layout.randint(1, 4) + 1):
            lines += ["", f"{clause}. {words.paragraph(1, 3)}"]
            if layout.random() < 0.3:
                lines += ["", *(f"{point}) {words.sentence()}"
                                for point in POINTS[: layout.randint(2, 5)])]
    return "\n".join(lines) + "\n"


def _sidecar(doc_id: str, number: int, articles: int, texts: Pair, layout: random.Random,
             audience: list[str]) -> dict[str, Any]:
    name = {"vi": f"Văn bản giả lập số {number}", "en": f"Synthetic text No. {number}"}
    return {
        "id": doc_id,
        "type": "luat",  # laid out like a law; the nature below says it is not one
        "nature": "thu-cap",
        "audience": audience,
        "source_file": f"van-ban-gia-lap-{number}.md",
        "title": {"vi": f"{name['vi']} — không phải văn bản pháp luật",
                  "en": f"{name['en']} — not a legal text"},
        "short": name,
        "cite_name": dict(name),  # a copy: the same dict twice would be dumped as a YAML alias
        "description": {
            "vi": f"{name['vi']}: chữ ngẫu nhiên do hoagiai bench tạo để đo hiệu năng, không "
                  "phải văn bản pháp luật.",
            "en": f"{name['en']}: random words made by hoagiai bench to measure performance, not "
                  "a legal text.",
        },
        "completeness": {"level": "full", "vi": f"{articles} điều giả lập.",
                         "en": f"{articles} synthetic articles."},
        "source": {"vi": "Không có nguồn: chữ ngẫu nhiên do hoagiai bench tạo.",
                   "en": "No source: random words made by hoagiai bench."},
        "status": {"checked": REVIEWED.isoformat(), "notes": []},
        "links": [],
        "summary": texts(lambda text: f"{text.paragraph(2, 4)} [[{doc_id}:1]]"),
        "key_articles": [
            {"cite": f"{doc_id}:{article}", **texts(lambda text: text.sentence())}
            for article in sorted(layout.sample(range(1, articles + 1), 3))
        ],
        "headings_en": {str(article): texts.texts["en"].title()
                        for article in range(1, articles + 1)},
    }
