"""Contest papers: draw N questions from chosen banks, balanced by difficulty, repeatably.

How a paper is drawn is written down, step by step, in `hoagiai.quiz.draw`: the same
banks, count, mix and seed always give the same paper, here and on the site's contest
page (docs/assets/js/contest-draw.js repeats the same steps in the browser).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hoagiai.errors import UsageError
from hoagiai.language import DEFAULT_LANGUAGE
from hoagiai.quiz import draw as drawing
from hoagiai.quiz.exports import Resolver
from hoagiai.quiz.model import Bank, Numbered
from hoagiai.quiz.paper import Printable, printed_citation
from hoagiai.quiz.render import render
from hoagiai.render import t

level_quotas = drawing.level_quotas


@dataclass(frozen=True)
class Paper:
    seed: str
    lang: str
    banks: tuple[Bank, ...]
    items: tuple[Numbered, ...]

    def count(self, level: str) -> int:
        return sum(item.question.difficulty == level for item in self.items)


def draw(banks: Sequence[Bank], count: int, seed: str, lang: str = DEFAULT_LANGUAGE,
         mix: dict[str, int] | None = None) -> Paper:
    """The paper for these banks, count, mix and seed; raises UsageError if it cannot be
    drawn."""
    weights = mix or drawing.EVEN_MIX
    total = sum(1 for bank in banks for q in bank.questions if weights[q.difficulty] > 0)
    if not 1 <= count <= total:
        raise UsageError(
            f"Không rút được {count} câu: các bộ đã chọn có {total} câu phù hợp. / "
            f"Cannot draw {count} questions: the chosen sets hold {total} that fit."
        )
    listed = [[q.difficulty for q in bank.questions] for bank in banks]
    pairs = drawing.draw_ids(listed, count, seed, weights)
    items = tuple(Numbered(number, banks[b].questions[q], banks[b])
                  for number, (b, q) in enumerate(pairs, start=1))
    return Paper(seed, lang, tuple(banks), items)


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
