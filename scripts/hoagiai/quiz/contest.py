"""Contest papers: draw N questions from chosen banks, balanced by difficulty, repeatably.

How a paper is drawn (the same banks, count and seed always give the same paper):
1. The count is split evenly over the three levels (easy, medium, hard); what does not
   divide goes to medium first, then easy. If a level has too few questions, the
   shortfall is shared out one question at a time among the levels that still have
   some, in the order medium, easy, hard.
2. Within a level, questions are taken from the banks in turn (one from each bank, again
   and again), each bank's questions in an order shuffled by the seed, so every bank is
   represented as evenly as its questions allow.
3. The paper lists easy questions first, then medium, then hard.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hoagiai.errors import UsageError
from hoagiai.quiz.exports import Resolver
from hoagiai.quiz.model import DIFFICULTIES, Bank, Numbered, Question
from hoagiai.quiz.paper import Printable, printed_citation
from hoagiai.quiz.render import render
from hoagiai.render import t

# Where the remainder of an uneven split, and any shortfall, goes first.
TOP_UP_ORDER = ("vua", "de", "kho")


@dataclass(frozen=True)
class Paper:
    seed: str
    lang: str
    banks: tuple[Bank, ...]
    items: tuple[Numbered, ...]

    def count(self, level: str) -> int:
        return sum(item.question.difficulty == level for item in self.items)


def level_quotas(count: int, available: dict[str, int]) -> dict[str, int]:
    """How many questions of each level a paper of `count` questions takes."""
    if count > sum(available.values()):
        raise ValueError(f"{count} questions asked, {sum(available.values())} available")
    base, remainder = divmod(count, len(DIFFICULTIES))
    wanted = {level: base + (level in TOP_UP_ORDER[:remainder]) for level in DIFFICULTIES}
    quotas = {level: min(wanted[level], available[level]) for level in DIFFICULTIES}
    shortfall = count - sum(quotas.values())
    while shortfall:
        for level in TOP_UP_ORDER:
            if shortfall and quotas[level] < available[level]:
                quotas[level] += 1
                shortfall -= 1
    return quotas


def draw(banks: Sequence[Bank], count: int, seed: str, lang: str = "vi") -> Paper:
    """The paper for these banks, count and seed; raises UsageError if it cannot be drawn."""
    total = sum(len(bank.questions) for bank in banks)
    if not 1 <= count <= total:
        raise UsageError(
            f"Không rút được {count} câu: các bộ đã chọn có {total} câu. / "
            f"Cannot draw {count} questions: the chosen sets hold {total}."
        )
    rng = random.Random(f"hoagiai-contest:{seed}")
    pools = {level: [_shuffled(bank, level, rng) for bank in banks] for level in DIFFICULTIES}
    available = {level: sum(len(pool) for pool in pools[level]) for level in DIFFICULTIES}
    quotas = level_quotas(count, available)
    chosen = [pair for level in DIFFICULTIES for pair in _in_turn(pools[level], quotas[level])]
    items = tuple(Numbered(number, question, bank)
                  for number, (bank, question) in enumerate(chosen, start=1))
    return Paper(seed, lang, tuple(banks), items)


def _shuffled(bank: Bank, level: str, rng: random.Random) -> list[tuple[Bank, Question]]:
    pool = [(bank, q) for q in bank.questions if q.difficulty == level]
    rng.shuffle(pool)
    return pool


def _in_turn(pools: list[list[tuple[Bank, Question]]],
             quota: int) -> list[tuple[Bank, Question]]:
    """`quota` questions taken from the pools in turn, skipping pools that run out."""
    queues = [list(pool) for pool in pools]
    taken: list[tuple[Bank, Question]] = []
    while len(taken) < quota:
        for queue in queues:
            if queue and len(taken) < quota:
                taken.append(queue.pop(0))
    return taken


def write(paper: Paper, folder: Path, resolve: Resolver, css: str) -> list[Path]:
    """The paper and its answer key, each as printable HTML (with `css` inlined, so the
    files stand alone) and as Markdown; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    lang = paper.lang
    stem = f"hoi-thi-{_file_safe(paper.seed)}-{lang}"
    code = _code_line(paper)
    sheet = Printable(lang, t("quiz.contest_title", lang), code,
                      render("sheet.md.j2", lang=lang, items=paper.items))
    key = Printable(lang, t("quiz.contest_key_title", lang), code,
                    render("key.md.j2", lang=lang, items=paper.items,
                           cite=printed_citation(lang, resolve), show_bank=True))
    written = []
    for name, document in ((f"{stem}-de", sheet), (f"{stem}-dap-an", key)):
        html_path, markdown_path = folder / f"{name}.html", folder / f"{name}.md"
        html_path.write_text(document.html(css=css), encoding="utf-8")
        markdown_path.write_text(document.markdown(), encoding="utf-8")
        written += [html_path, markdown_path]
    return written


def _code_line(paper: Paper) -> str:
    lang = paper.lang
    banks = ", ".join(bank.title[lang] for bank in paper.banks)
    code = t("quiz.contest_code", lang, seed=paper.seed, count=len(paper.items), banks=banks)
    levels = t("quiz.contest_levels", lang, easy=paper.count("de"), medium=paper.count("vua"),
               hard=paper.count("kho"))
    return f"{code}. {levels}"


def _file_safe(seed: str) -> str:
    return re.sub(r"[^A-Za-z0-9-]+", "-", seed).strip("-") or "0"
