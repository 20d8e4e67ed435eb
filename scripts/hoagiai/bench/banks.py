"""A synthetic module's question bank, in the shape of `materials/quiz/<module>.yml`.

From it the project makes what it makes from a real bank: the self-check page
(`trac-nghiem/<module>/`), the box at the end of the module, printable sheets
and Moodle exports. Sizes and the mix of question types follow the real banks.
"""

from __future__ import annotations

import random
from typing import Any

import yaml

from hoagiai.bench.kinds import Pair

QUESTIONS = 15  # a real bank holds 13 to 18
# About the real banks' mix: 6 in 10 single-answer, 2 multiple-answer, 2 true/false.
TYPES = ("single",) * 6 + ("multiple",) * 2 + ("true-false",) * 2
DIFFICULTIES = ("de", "vua", "vua", "kho")
CHOICES = ("a", "b", "c", "d")
HEADER = "# Bộ câu hỏi giả lập của hoagiai bench (chỉ để đo hiệu năng).\n"


def bank_yaml(module: str, texts: Pair, layout: random.Random, refs: tuple[str, ...]) -> str:
    """The bank file of `module`, each question citing one of `refs`."""
    bank = {
        "module": module,
        "title": texts(lambda text: text.title()),
        "description": texts(lambda text: text.description()),
        "questions": [_question(number, texts, layout, refs)
                      for number in range(1, QUESTIONS + 1)],
    }
    return HEADER + yaml.safe_dump(bank, allow_unicode=True, sort_keys=False, width=1000)


def _question(number: int, texts: Pair, layout: random.Random,
              refs: tuple[str, ...]) -> dict[str, Any]:
    kind = layout.choice(TYPES)
    question: dict[str, Any] = {
        "id": f"cau-{number}",
        "type": kind,
        "difficulty": layout.choice(DIFFICULTIES),
        "prompt": texts(lambda text: text.sentence()),
    }
    if kind == "true-false":
        question["answer"] = layout.random() < 0.5
    else:
        question["choices"] = [{"id": choice, "text": texts(lambda text: text.phrase(3, 9))}
                               for choice in CHOICES]
        question["answer"] = (layout.choice(CHOICES) if kind == "single"
                              else sorted(layout.sample(CHOICES, 2)))
    question["explanation"] = texts(lambda text: text.paragraph(1, 3))
    question["cite"] = [layout.choice(refs)]
    return question
