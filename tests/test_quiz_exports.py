"""Moodle exports: GIFT escaping, a round trip of every bank through a GIFT reader, Aiken."""

from __future__ import annotations

import re

import pytest

from hoagiai.language import Text
from hoagiai.pipeline import load_site
from hoagiai.problems import Location
from hoagiai.quiz import exports
from hoagiai.quiz.model import (
    TRUE_FALSE_CHOICES,
    Bank,
    Choice,
    Citation,
    Question,
    QuestionType,
    QuizBanks,
)
from hoagiai.site import LANGUAGES, Paths
from support import gift
from support.project import ROOT

HOSTILE = "Điều 3: {a} ~b =c #d \\e\nf <script>alert(1)</script>"


@pytest.fixture(scope="module")
def banks() -> QuizBanks:
    return load_site(Paths.at(ROOT)).get(QuizBanks)


def no_citations(ref: str) -> None:
    return None


def question(kind: QuestionType, prompt: str = "Câu hỏi?", correct: tuple[str, ...] = ("a",),
             choices: tuple[str, ...] = ("Một", "Hai", "Ba")) -> Question:
    if kind is QuestionType.TRUE_FALSE:
        options = (Choice("dung", TRUE_FALSE_CHOICES[True]),
                   Choice("sai", TRUE_FALSE_CHOICES[False]))
    else:
        options = tuple(Choice(id_, Text(text, text))
                        for id_, text in zip("abcdef", choices, strict=False))
    return Question("q", 1, kind, "de", Text(prompt, prompt), options, correct,
                    Text("Vì thế.", "So."), (Citation("luat35:2.1", Location("x")),),
                    Location("x"))


def bank_of(*questions: Question) -> Bank:
    return Bank("thu", "thu", Text("Thử", "Test"), Text("x", "x"), questions,
                "materials/quiz/thu.yml", Location("x"))


@pytest.mark.parametrize(("text", "escaped"), [
    ("a~b", "a\\~b"),
    ("a=b", "a\\=b"),
    ("a#b", "a\\#b"),
    ("{a}", "\\{a\\}"),
    ("Điều 3: x", "Điều 3\\: x"),
    ("C:\\thu", "C\\:\\\\thu"),
    ("hai\ndòng", "hai\\ndòng"),
    ("  trim  ", "trim"),
])
def test_gift_escapes_every_special_character(text: str, escaped: str) -> None:
    assert exports.gift_escape(text) == escaped


def test_gift_reader_understands_the_format() -> None:
    source = (
        "// comment\n$CATEGORY: $course$/top/Thử\n\n"
        "::Q1::[plain]Who \\{x\\}? {\n=Right#well done\n~Wrong\n####General \\: fb\n}\n\n"
        "::Q2::Many? {~%50%A ~%50%B ~%-100%C}\n\n"
        "Is it? {F}\n"
    )
    first, second, third = gift.parse(source)
    assert (first.category, first.name, first.text_format, first.text) == (
        "$course$/top/Thử", "Q1", "plain", "Who {x}?")
    assert [(a.text, a.weight, a.feedback) for a in first.answers] == [
        ("Right", 100, "well done"), ("Wrong", 0, "")]
    assert first.general_feedback == "General : fb"
    assert [(a.text, a.weight) for a in second.answers] == [("A", 50), ("B", 50), ("C", -100)]
    assert (third.kind, third.truth, third.name) == ("truefalse", False, None)


@pytest.mark.parametrize("source", [
    "Question without answers",
    "Bad escape \\q {=a ~b}",
    "Text after {=a ~b} tail",
    "::Unclosed name {=a ~b}",
    "Only one answer {=a}",
])
def test_gift_reader_rejects_malformed_input(source: str) -> None:
    with pytest.raises(gift.GiftError):
        gift.parse(source)


def test_hostile_text_survives_the_round_trip() -> None:
    bank = bank_of(question(QuestionType.SINGLE, prompt=HOSTILE, choices=(HOSTILE, "b")))
    (parsed,) = gift.parse(exports.gift(bank, "vi", no_citations))
    assert parsed.text == HOSTILE
    assert parsed.answers[0].text == HOSTILE and parsed.answers[0].weight == 100


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_bank_round_trips_through_gift(banks: QuizBanks, lang: str) -> None:
    for bank in banks.banks:
        parsed = gift.parse(exports.gift(bank, lang, no_citations))
        assert len(parsed) == len(bank.questions), bank.id
        for original, read in zip(bank.questions, parsed, strict=True):
            where = f"{bank.id}/{original.id}"
            assert read.category == f"$course$/top/{bank.title[lang]}", where
            assert read.name == f"{original.number:02d} {original.id}", where
            assert (read.text_format, read.text) == ("plain", original.prompt[lang].strip()), where
            assert original.explanation[lang].strip() in read.general_feedback, where
            assert all(c.ref in read.general_feedback for c in original.cite), where
            if original.type is QuestionType.TRUE_FALSE:
                assert read.truth is (original.correct == ("dung",)), where
                continue
            assert [a.text for a in read.answers] == [
                c.text[lang].strip() for c in original.choices], where
            right = [a.weight > 0 for a in read.answers]
            assert right == [original.is_correct(c) for c in original.choices], where
            assert sum(a.weight for a in read.answers if a.weight > 0) == pytest.approx(
                100, abs=0.001), where


def test_multiple_answer_weights_are_ones_moodle_accepts() -> None:
    # Moodle's importer reads at most two digits before the decimal point of a weight.
    for count, weight in ((2, "50"), (3, "33.33333"), (4, "25"), (5, "20")):
        assert exports._weight(count) == weight


def read_aiken(text: str) -> list[tuple[str, list[str], str]]:
    """(question, choices, answer letter) for each Aiken block, checking the line shapes."""
    questions = []
    for block in text.strip().split("\n\n"):
        first, *choices, last = block.split("\n")
        assert all(re.fullmatch(r"[A-F]\. \S.*", line) for line in choices), block
        assert re.fullmatch(r"ANSWER: [A-F]", last), block
        questions.append((first, [line[3:] for line in choices], last[-1]))
    return questions


@pytest.mark.parametrize("lang", LANGUAGES)
def test_aiken_holds_exactly_the_single_answer_questions(banks: QuizBanks, lang: str) -> None:
    for bank in banks.banks:
        read = read_aiken(exports.aiken(bank, lang))
        expected = bank.single_answer_questions
        assert len(read) == len(expected), bank.id
        for (prompt, choices, letter), original in zip(read, expected, strict=True):
            assert prompt == " ".join(original.prompt[lang].split())
            assert choices == [" ".join(c.text[lang].split()) for c in original.choices]
            assert letter == original.letter(original.correct_choices[0])


def test_aiken_leaves_out_multiple_answer_questions() -> None:
    bank = bank_of(question(QuestionType.MULTIPLE, correct=("a", "b")),
                   question(QuestionType.TRUE_FALSE, correct=("sai",)))
    assert exports.aiken(bank, "en") == "Câu hỏi?\nA. True\nB. False\nANSWER: B\n"
