"""The kinds of page a synthetic site is made of, shaped like the real ones.

Each function returns the front matter and the Markdown body of one page in one
language. Quizzes and stories are built on other branches (YAML banks, story
files); until they are merged here they are written as Markdown pages of the
same shape (`quiz_page`, `story_page`). After the merge, switch those two
functions to write a YAML bank or a story file instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hoagiai.bench.text import Filler

# Words the page templates need, in each language.
_WORDS = {
    "objectives": {"vi": "Mục tiêu", "en": "Objectives"},
    "scenario": {"vi": "Tình huống giả định", "en": "Hypothetical scenario"},
    "key_points": {"vi": "Ý chính", "en": "Key points"},
    "question": {"vi": "Câu", "en": "Question"},
    "answer": {"vi": "Đáp án và giải thích", "en": "Answer and explanation"},
    "article": {"vi": "Điều", "en": "Article"},
    "download": {"vi": "Nội dung tài liệu in", "en": "What the handout holds"},
    "task": {"vi": "Nhiệm vụ", "en": "Task"},
    "done_by": {"vi": "Thực hiện", "en": "Done by"},
    "when": {"vi": "Thời gian", "en": "When"},
}
_POINTS = "abcdđeghiklmnopqrstuvxy"


def word(key: str, lang: str) -> str:
    return _WORDS[key][lang]


@dataclass
class PageShape:
    """Front matter fields beyond title/description/audience, and the Markdown body."""

    body: str
    meta: dict[str, Any] = field(default_factory=dict)


PageMaker = Callable[[Filler, str], PageShape]


def module_page(text: Filler, lang: str) -> PageShape:
    """A training module: objectives, sections, a scenario with a model answer, key points."""
    parts = [f"## {word('objectives', lang)}", _bullets(text, 3, 5)]
    for _ in range(text.random.randint(4, 7)):
        parts += [f"## {text.title()}", text.paragraph(), text.paragraph(), text.paragraph()]
    for _ in range(2):
        parts += [
            f'!!! example "{word("scenario", lang)}"',
            _indent(text.paragraph(3, 5)),
            f'??? note "{word("answer", lang)}"',
            _indent(text.paragraph()),
        ]
    parts += [
        f"## {word('key_points', lang)}",
        _bullets(text, 3, 5),
    ]
    return PageShape("\n\n".join(parts))


def quiz_page(text: Filler, lang: str) -> PageShape:
    """A self-check quiz, as the quiz engine's pages look: questions, choices, answer disclosed."""
    parts = [text.paragraph(1, 2)]
    for number in range(1, 13):
        choices = "\n".join(f"- {text.phrase(3, 9)}" for _ in range(4))
        parts += [
            f"### {word('question', lang)} {number} {{#cau-{number}}}",
            text.sentence(),
            choices,
            f'<details markdown="1">\n<summary>{word("answer", lang)}</summary>\n\n'
            f"{text.paragraph(2, 3)}\n\n</details>",
        ]
    return PageShape("\n\n".join(parts), {"scripts": ["quiz"], "styles": ["quiz"]})


def story_page(text: Filler, lang: str) -> PageShape:
    """A story: marked hypothetical, a few paragraphs, what the mediators did."""
    parts = [f"*{word('scenario', lang)}*"]
    parts += [text.paragraph(3, 6) for _ in range(text.random.randint(4, 7))]
    parts += [f"## {text.title()}", text.paragraph()]
    return PageShape("\n\n".join(parts))


def legal_page(text: Filler, lang: str) -> PageShape:
    """A legal text article by article (anchors dieu-N), clauses and points: the longest pages."""
    parts = [text.paragraph(1, 2)]
    for number in range(1, text.random.randint(15, 35) + 1):
        parts.append(f"## {word('article', lang)} {number}. {text.title()} {{#dieu-{number}}}")
        for clause in range(1, text.random.randint(1, 4) + 1):
            parts.append(f"{clause}. {text.paragraph(1, 3)}")
            if text.random.random() < 0.3:
                parts.append("\n".join(
                    f"    {point}) {text.sentence()}"
                    for point in _POINTS[: text.random.randint(2, 5)]
                ))
    return PageShape("\n\n".join(parts))


def guide_page(text: Filler, lang: str) -> PageShape:
    """Plain-language guidance for citizens: short questions and short answers."""
    parts = [text.paragraph(1, 2)]
    for _ in range(text.random.randint(4, 8)):
        parts += [f"## {text.title()}?", text.paragraph(2, 4)]
    return PageShape("\n\n".join(parts))


def glossary_page(text: Filler, lang: str) -> PageShape:
    """A group of terms with short definitions."""
    terms = [f"{text.title(1, 3)}\n:   {text.paragraph(1, 2)}" for _ in range(10)]
    return PageShape("\n\n".join([text.sentence(), *terms]))


def handout_page(text: Filler, lang: str) -> PageShape:
    """A printable handout's page: a summary of what it holds."""
    return PageShape("\n\n".join(
        [text.paragraph(), text.paragraph(), f"## {word('download', lang)}", _bullets(text, 5, 10)]
    ))


def plan_page(text: Filler, lang: str) -> PageShape:
    """A part of the plan: a table of tasks, who does them and when."""
    columns = " | ".join(word(key, lang) for key in ("task", "done_by", "when"))
    header = f"| {columns} |\n|---|---|---|"
    rows = [
        f"| {text.phrase(5, 12)} | {text.phrase(2, 4)} | {text.random.randint(2025, 2030)} |"
        for _ in range(text.random.randint(6, 12))
    ]
    table = header + "\n" + "\n".join(rows)
    return PageShape("\n\n".join([text.paragraph(), text.paragraph(), table]))


def _bullets(text: Filler, low: int, high: int) -> str:
    return "\n".join(f"- {text.sentence()}" for _ in range(text.random.randint(low, high)))


def _indent(block: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in block.splitlines())
