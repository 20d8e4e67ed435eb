"""A reader for GIFT, Moodle's plain-text question format, written for the tests.

It reads what GIFT defines for the question types our banks use, independently of
the exporter: `//` comment lines, `$CATEGORY:` lines, `::name::`, a `[format]` before
the question text, multiple choice (`=` right, `~` wrong, `~%50%` partial credit),
true/false (`{T}`, `{TRUE}`, `{F}`, `{FALSE}`), answer feedback after `#`, general
feedback after `####`, and the escapes `\\~ \\= \\# \\{ \\} \\: \\\\ \\n`. Questions are
separated by blank lines. Anything it does not understand raises `GiftError` with the
line number, so a malformed export fails loudly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SPECIAL = "~=#{}:\\"
TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_WEIGHT = re.compile(r"%(-?\d+(?:\.\d+)?)%")


class GiftError(ValueError):
    pass


@dataclass(frozen=True)
class Char:
    """One character of the source; `escaped` ones never have a special meaning."""

    value: str
    escaped: bool = False


@dataclass
class Answer:
    text: str
    weight: float  # percent of the mark: 100 for "=", 0 for a plain "~"
    feedback: str = ""


@dataclass
class Question:
    line: int
    category: str | None
    name: str | None
    text_format: str | None
    text: str
    answers: list[Answer] = field(default_factory=list)
    truth: bool | None = None  # for true/false questions
    general_feedback: str = ""

    @property
    def kind(self) -> str:
        return "truefalse" if self.truth is not None else "multichoice"


def parse(source: str) -> list[Question]:
    questions: list[Question] = []
    category: str | None = None
    for line, block in _blocks(source):
        if block.startswith("$CATEGORY:"):
            category = block.removeprefix("$CATEGORY:").strip()
            continue
        questions.append(_question(_chars(block, line), line, category))
    return questions


def _blocks(source: str) -> list[tuple[int, str]]:
    """Non-empty groups of lines between blank lines, comments dropped, with first line no."""
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(source.splitlines(), start=1):
        if line.strip().startswith("//"):
            continue
        if not line.strip():
            if current:
                blocks.append((start, "\n".join(current)))
            current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


def _chars(block: str, line: int) -> list[Char]:
    chars: list[Char] = []
    index = 0
    while index < len(block):
        char = block[index]
        if char == "\\":
            following = block[index + 1: index + 2]
            if following in SPECIAL and following:
                chars.append(Char(following, escaped=True))
            elif following == "n":
                chars.append(Char("\n", escaped=True))
            else:
                raise GiftError(f"line {line}: unknown escape '\\{following}'")
            index += 2
            continue
        chars.append(Char(char))
        index += 1
    return chars


def _text(chars: list[Char]) -> str:
    return "".join(c.value for c in chars).strip()


def _find(chars: list[Char], marker: str, start: int = 0) -> int:
    """Index of the first unescaped occurrence of `marker` at or after `start`, or -1."""
    for index in range(start, len(chars) - len(marker) + 1):
        window = chars[index: index + len(marker)]
        if all(not c.escaped for c in window) and "".join(c.value for c in window) == marker:
            return index
    return -1


def _rfind(chars: list[Char], marker: str) -> int:
    found, index = -1, _find(chars, marker)
    while index != -1:
        found, index = index, _find(chars, marker, index + 1)
    return found


def _question(chars: list[Char], line: int, category: str | None) -> Question:
    name = None
    rest = chars
    if _find(rest, "::") == 0:
        end = _find(rest, "::", 2)
        if end == -1:
            raise GiftError(f"line {line}: question name not closed with '::'")
        name, rest = _text(rest[2:end]), rest[end + 2:]
    while rest and rest[0].value.isspace():
        rest = rest[1:]
    text_format = None
    if rest and rest[0] == Char("["):
        end = _find(rest, "]")
        text_format, rest = _text(rest[1:end]), rest[end + 1:]
    opening, closing = _find(rest, "{"), _find(rest, "}")
    if opening == -1 or closing == -1 or closing < opening:
        raise GiftError(f"line {line}: the answers must be between '{{' and '}}'")
    if _text(rest[closing + 1:]):
        raise GiftError(f"line {line}: text after the closing '}}'")
    question = Question(line, category, name, text_format, _text(rest[:opening]))
    _answers(question, rest[opening + 1: closing], line)
    return question


def _answers(question: Question, chars: list[Char], line: int) -> None:
    split = _rfind(chars, "####")
    if split != -1:
        question.general_feedback = _text(chars[split + 4:])
        chars = chars[:split]
    feedback_at = _find(chars, "#")
    head = _text(chars[:feedback_at] if feedback_at != -1 else chars)
    if head in TRUE_FALSE:
        question.truth = TRUE_FALSE[head]
        return
    starts = [i for i, c in enumerate(chars) if not c.escaped and c.value in "=~"]
    if not starts or _text(chars[: starts[0]]):
        raise GiftError(f"line {line}: answers must start with '=' or '~'")
    for start, end in zip(starts, [*starts[1:], len(chars)], strict=True):
        question.answers.append(_answer(chars[start:end], line))
    if len(question.answers) < 2:
        raise GiftError(f"line {line}: a multiple-choice question needs two answers or more")


def _answer(chars: list[Char], line: int) -> Answer:
    marker, body = chars[0].value, chars[1:]
    weight = 100.0 if marker == "=" else 0.0
    raw = "".join(c.value for c in body)
    match = _WEIGHT.match(raw)
    if match and marker == "~" and not any(c.escaped for c in body[: match.end()]):
        weight, body = float(match.group(1)), body[match.end():]
    feedback_at = _find(body, "#")
    if feedback_at == -1:
        return Answer(_text(body), weight)
    return Answer(_text(body[:feedback_at]), weight, _text(body[feedback_at + 1:]))
