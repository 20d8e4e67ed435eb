"""The question banks as plain data: what every view (page, sheet, export, contest) reads.

A bank belongs to one training module and has the module's slug as its id. Texts
are `Text` (both languages, read as `text[lang]`). True/false questions get two
choices, "dung" and "sai", so that every view can treat every question alike.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from hoagiai.language import Text
from hoagiai.problems import Location


class QuestionType(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true-false"


# Easiest first: contest papers are ordered this way.
DIFFICULTIES: tuple[str, ...] = ("de", "vua", "kho")

TRUE_ID, FALSE_ID = "dung", "sai"
TRUE_FALSE_CHOICES: dict[bool, Text] = {
    True: Text("Đúng", "True"),
    False: Text("Sai", "False"),
}


@dataclass(frozen=True)
class Choice:
    id: str
    text: Text


@dataclass(frozen=True)
class Citation:
    ref: str  # "luat35:12.1"
    location: Location  # where the YAML names it


@dataclass(frozen=True)
class Question:
    id: str
    number: int  # position in its bank, from 1
    type: QuestionType
    difficulty: str
    prompt: Text
    choices: tuple[Choice, ...]
    correct: tuple[str, ...]  # choice ids, in choice order
    explanation: Text
    cite: tuple[Citation, ...]
    location: Location

    @property
    def anchor(self) -> str:
        """The element id of the question on its quiz page; stable while the id is kept."""
        return f"cau-{self.id}"

    @property
    def is_single_answer(self) -> bool:
        return self.type is not QuestionType.MULTIPLE

    def is_correct(self, choice: Choice) -> bool:
        return choice.id in self.correct

    def letter(self, choice: Choice) -> str:
        """A, B, C… by position, as printed on sheets and in the Aiken export."""
        return "ABCDEF"[self.choices.index(choice)]

    @property
    def correct_choices(self) -> tuple[Choice, ...]:
        return tuple(choice for choice in self.choices if self.is_correct(choice))

    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever the question's meaning may have changed; saved progress is kept
        only for questions whose fingerprint is unchanged."""
        content = [self.type.value, self.prompt.vi,
                   [[choice.id, choice.text.vi] for choice in self.choices],
                   list(self.correct)]
        digest = hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8"))
        return digest.hexdigest()[:12]


@dataclass(frozen=True)
class Bank:
    id: str  # == module slug == file name
    module: str
    title: Text
    description: Text
    questions: tuple[Question, ...]
    path: str  # "materials/quiz/<id>.yml", for messages
    module_location: Location  # where the file names its module
    order: int = 100  # the module's place in the learning section

    @property
    def single_answer_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.is_single_answer)

    @property
    def has_left_out_of_aiken(self) -> bool:
        """Aiken holds single-answer questions only; True when this bank has others."""
        return len(self.single_answer_questions) < len(self.questions)

    def count_by_difficulty(self) -> dict[str, int]:
        return {level: sum(q.difficulty == level for q in self.questions)
                for level in DIFFICULTIES}


@dataclass(frozen=True)
class Numbered:
    """A question as a sheet or paper numbers it, with the bank it comes from."""

    number: int
    question: Question
    bank: Bank


@dataclass(frozen=True)
class QuizBanks:
    """Every bank of the site, in learning order."""

    banks: tuple[Bank, ...]

    def get(self, bank_id: str) -> Bank | None:
        return next((bank for bank in self.banks if bank.id == bank_id), None)

    @property
    def question_count(self) -> int:
        return sum(len(bank.questions) for bank in self.banks)
