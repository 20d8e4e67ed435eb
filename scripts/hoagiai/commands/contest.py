"""`hoagiai contest`: draw a contest paper and its answer key from chosen question banks."""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

from hoagiai import pipeline
from hoagiai.errors import UsageError
from hoagiai.quiz import contest
from hoagiai.quiz import draw as drawing
from hoagiai.quiz.model import Bank, QuizBanks
from hoagiai.quiz.paper import STYLESHEET
from hoagiai.site import LANGUAGES, Paths


def add_to(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "contest",
        help="rút đề thi trắc nghiệm và đáp án từ các bộ câu hỏi / "
        "draw a contest paper and its answer key",
        description="Cùng bộ câu hỏi, số câu và mã đề thì luôn ra cùng một đề. / "
        "The same banks, count and seed always give the same paper.",
    )
    parser.add_argument("--bank", action="append", required=True, metavar="MÃ",
                        help="mã bộ câu hỏi (= mã bài học); lặp lại để chọn nhiều bộ / "
                        "bank id (= module slug); repeat for several")
    parser.add_argument("--count", type=int, required=True, help="số câu / number of questions")
    parser.add_argument("--seed", required=True, help="mã đề / paper code (any text or number)")
    parser.add_argument("--mix", default="1:1:1", metavar="DỄ:VỪA:KHÓ",
                        help="tỉ lệ câu dễ:vừa:khó, mặc định 1:1:1 / "
                        "easy:medium:hard weights, 1:1:1 by default")
    parser.add_argument("--lang", choices=LANGUAGES, default="vi", help="ngôn ngữ / language")
    parser.add_argument("--out", required=True, type=Path,
                        help="thư mục ghi đề và đáp án / folder to write the files to")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    site = pipeline.load_site(Paths.at(Path(args.root)))
    banks = site.get(QuizBanks)
    chosen = [_bank(banks, bank_id) for bank_id in dict.fromkeys(args.bank)]
    # Learning order, whatever the order on the command line: the paper depends on the set.
    chosen.sort(key=banks.banks.index)
    paper = contest.draw(chosen, args.count, args.seed, args.lang, mix(args.mix))
    css = (site.paths.docs / STYLESHEET).read_text(encoding="utf-8")
    for path in contest.write(paper, args.out, site.resolve, css):
        print(path)
    return 0


def mix(text: str) -> dict[str, int]:
    """The --mix weights, or a usage error saying what they must look like."""
    try:
        return drawing.parse_mix(text)
    except ValueError:
        raise UsageError(f"--mix “{text}”: cần ba số nguyên dễ:vừa:khó, ví dụ 1:2:1 (không "
                         f"được cả ba bằng 0). / needs three whole numbers easy:medium:hard, "
                         f"e.g. 1:2:1 (not all zero).") from None


def _bank(banks: QuizBanks, bank_id: str) -> Bank:
    bank = banks.get(bank_id)
    if bank is None:
        known = [bank.id for bank in banks.banks]
        close = difflib.get_close_matches(bank_id, known, n=1, cutoff=0.6)
        hint = f" Có phải ý bạn là / did you mean “{close[0]}”?" if close else ""
        raise UsageError(f"Không có bộ câu hỏi / no question bank “{bank_id}”.{hint} "
                         f"Các bộ có / banks: {', '.join(known)}")
    return bank
