"""Contest papers: repeatable draws, balanced by difficulty and bank, written for print."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from hoagiai.errors import UsageError
from hoagiai.pipeline import load_site
from hoagiai.quiz import contest
from hoagiai.quiz.model import QuizBanks
from hoagiai.site import Paths
from support.project import ROOT, hoagiai


@pytest.fixture(scope="module")
def banks() -> QuizBanks:
    return load_site(Paths.at(ROOT)).get(QuizBanks)


def ids(paper: contest.Paper) -> list[str]:
    return [f"{item.bank.id}/{item.question.id}" for item in paper.items]


@pytest.mark.parametrize(("count", "available", "expected"), [
    (9, {"de": 9, "vua": 9, "kho": 9}, {"de": 3, "vua": 3, "kho": 3}),
    (10, {"de": 9, "vua": 9, "kho": 9}, {"de": 3, "vua": 4, "kho": 3}),
    (11, {"de": 9, "vua": 9, "kho": 9}, {"de": 4, "vua": 4, "kho": 3}),
    (12, {"de": 2, "vua": 9, "kho": 9}, {"de": 2, "vua": 5, "kho": 5}),
    (12, {"de": 9, "vua": 9, "kho": 1}, {"de": 5, "vua": 6, "kho": 1}),
    (6, {"de": 0, "vua": 0, "kho": 9}, {"de": 0, "vua": 0, "kho": 6}),
])
def test_levels_share_the_count_evenly_and_top_up_shortfalls(
        count: int, available: dict[str, int], expected: dict[str, int]) -> None:
    assert contest.level_quotas(count, available) == expected


def test_same_seed_same_paper_other_seed_other_paper(banks: QuizBanks) -> None:
    chosen = list(banks.banks[:3])
    first = contest.draw(chosen, 20, "2026")
    assert ids(first) == ids(contest.draw(chosen, 20, "2026"))
    others = {tuple(ids(contest.draw(chosen, 20, seed))) for seed in ("1", "2", "3")}
    assert len(others | {tuple(ids(first))}) == 4


def test_paper_is_balanced_by_level_and_by_bank(banks: QuizBanks) -> None:
    chosen = [banks.get("ket-qua-hoa-giai"), banks.get("kinh-phi-va-ho-tro")]
    paper = contest.draw(chosen, 12, "hoi-thi")
    levels = [item.question.difficulty for item in paper.items]
    assert levels == ["de"] * 4 + ["vua"] * 4 + ["kho"] * 4  # easy first, then medium, hard
    for level in ("de", "vua", "kho"):
        per_bank = Counter(item.bank.id for item in paper.items
                           if item.question.difficulty == level)
        assert sorted(per_bank.values()) == [2, 2], level
    assert [item.number for item in paper.items] == list(range(1, 13))
    assert len(set(ids(paper))) == 12


@pytest.mark.parametrize("count", [0, 10_000])
def test_impossible_counts_are_refused(banks: QuizBanks, count: int) -> None:
    with pytest.raises(UsageError, match="Không rút được"):
        contest.draw(list(banks.banks[:1]), count, "1")


def test_command_writes_paper_and_key_and_prints_their_paths(tmp_path: Path) -> None:
    out = tmp_path / "de-thi"
    args = ["contest", "--bank", "to-hoa-giai-5-tot", "--bank", "trinh-tu-hoa-giai",
            "--count", "10", "--seed", "2026", "--out", str(out)]
    result = hoagiai(ROOT, *args)
    assert result.returncode == 0, result.stderr
    stem = "hoi-thi-2026-vi"
    expected = [out / f"{stem}-de.html", out / f"{stem}-de.md", out / f"{stem}-dap-an.html",
                out / f"{stem}-dap-an.md"]
    assert result.stdout.split() == [str(path) for path in expected]
    paper, key = (out / f"{stem}-de.html").read_text(), (out / f"{stem}-dap-an.html").read_text()
    assert '<html lang="vi">' in paper and "@page" in paper and "@media print" in paper
    assert "Mã đề: 2026 · 10 câu" in paper
    assert paper.count('class="hg-sheet-q"') == 10 and "Đáp án đúng" not in paper
    assert key.count('class="hg-sheet-q"') == 10 and key.count("Đáp án đúng") == 10
    markdown = (out / f"{stem}-de.md").read_text()
    assert markdown.startswith("# Đề thi trắc nghiệm — Hội thi hòa giải viên giỏi\n")
    assert "**Câu 10.**" in markdown and "{:" not in markdown  # no HTML-only styling lines

    # The same command, the banks named in another order: the very same files.
    again = tmp_path / "lan-hai"
    swapped = [*args[:1], *args[3:5], *args[1:3], *args[5:-1], str(again)]
    assert hoagiai(ROOT, *swapped).returncode == 0
    for path in expected:
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name


def test_command_writes_english_papers(tmp_path: Path) -> None:
    result = hoagiai(ROOT, "contest", "--bank", "ky-nang-hoa-giai", "--count", "3", "--seed",
                     "x y", "--lang", "en", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    paper = (tmp_path / "hoi-thi-x-y-en-de.html").read_text()
    assert '<html lang="en">' in paper and "Paper code: x y · 3 questions" in paper


def test_unknown_bank_is_a_usage_error_with_a_suggestion(tmp_path: Path) -> None:
    result = hoagiai(ROOT, "contest", "--bank", "ky-nang-hoa-giai-x", "--count", "3",
                     "--seed", "1", "--out", str(tmp_path))
    assert result.returncode == 2
    assert "“ky-nang-hoa-giai-x”" in result.stderr and "“ky-nang-hoa-giai”?" in result.stderr
    assert not any(tmp_path.iterdir())
