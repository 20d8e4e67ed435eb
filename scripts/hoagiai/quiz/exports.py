"""Moodle import files: GIFT (every question) and Aiken (single-answer questions only).

These are plain-text formats with their own escaping rules, not HTML or Markdown,
so they are written here rather than through the autoescaping templates.
GIFT questions use the `[plain]` text format: Moodle shows their text as typed,
so a prompt containing `<script>` stays text there too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hoagiai.citations import CitationTarget
from hoagiai.quiz.model import TRUE_ID, Bank, Question, QuestionType
from hoagiai.render import t

Resolver = Callable[[str], CitationTarget | None]

_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")
CATEGORY_ROOT = "$course$/top"


def gift_escape(text: str) -> str:
    r"""Backslash before ~ = # { } : and \ ; line breaks as \n (GIFT has one line per answer)."""
    return _GIFT_SPECIAL.sub(r"\\\1", text.strip()).replace("\r\n", "\n").replace("\n", r"\n")


def citation_label(ref: str, lang: str, resolve: Resolver) -> str:
    """How a source reads in print: the legal library's label, or the bare reference."""
    target = resolve(ref)
    if target is None:
        return ref
    return target.label[lang]


def feedback(question: Question, lang: str, resolve: Resolver) -> str:
    """The explanation followed by the sources, as one paragraph of plain text."""
    sources = "; ".join(citation_label(c.ref, lang, resolve) for c in question.cite)
    return f"{question.explanation[lang].strip()} {t('quiz.sources', lang)} {sources}"


def gift(bank: Bank, lang: str, resolve: Resolver) -> str:
    title = bank.title[lang]
    count = len(bank.questions)
    lines = [
        f"// {' '.join(title.split())} ({count})",
        f"// materials/quiz/{bank.id}.yml — hoagiai",
        "",
        f"$CATEGORY: {CATEGORY_ROOT}/{_category_name(title)}",
        "",
    ]
    for question in bank.questions:
        lines += _gift_question(question, lang, resolve)
        lines.append("")
    return "\n".join(lines)


def _category_name(title: str) -> str:
    # Moodle splits category paths at "/"; a slash inside a name is written twice.
    return " ".join(title.split()).replace("/", "//")


def _gift_question(question: Question, lang: str, resolve: Resolver) -> list[str]:
    name = gift_escape(f"{question.number:02d} {question.id}")
    head = f"::{name}::[plain]{gift_escape(question.prompt[lang])}{{"
    general = f"####{gift_escape(feedback(question, lang, resolve))}"
    if question.type is QuestionType.TRUE_FALSE:
        value = "TRUE" if question.correct == (TRUE_ID,) else "FALSE"
        return [f"{head}{value}", general, "}"]
    answers = []
    weight = _weight(len(question.correct))
    for choice in question.choices:
        text = gift_escape(choice.text[lang])
        if question.type is QuestionType.SINGLE:
            answers.append(f"={text}" if question.is_correct(choice) else f"~{text}")
        else:
            answers.append(f"~%{weight}%{text}" if question.is_correct(choice) else
                           f"~%-100%{text}")
    return [head, *answers, general, "}"]


def _weight(correct_count: int) -> str:
    """Each right answer's share in a multiple-answer question: 50, 33.33333, 25…"""
    return f"{100 / correct_count:.5f}".rstrip("0").rstrip(".")


def aiken(bank: Bank, lang: str) -> str:
    """Aiken holds only questions with one right answer; true/false become two choices."""
    blocks = []
    for question in bank.single_answer_questions:
        lines = [_one_line(question.prompt[lang])]
        lines += [f"{question.letter(c)}. {_one_line(c.text[lang])}" for c in question.choices]
        lines.append(f"ANSWER: {question.letter(question.correct_choices[0])}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _one_line(text: str) -> str:
    # Aiken reads one line per question and per choice.
    return " ".join(text.split())
