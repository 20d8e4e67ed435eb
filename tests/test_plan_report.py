"""`hoagiai report`: the yearly review lists every indicator and every task, in three formats."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from hoagiai.plan.report import report_html, report_markdown, report_title, year_report
from support.plan import FIXTURES, GOOD_VALUES, load
from support.project import ROOT, hoagiai

DATA = load(GOOD_VALUES)
PLAN = DATA.plan


class Tables(HTMLParser):
    """The text of every cell of every table, row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables_of(year: int, lang: str = "vi") -> list[list[list[str]]]:
    report = year_report(DATA, year)
    parser = Tables()
    parser.feed(report_html(report, lang, report_markdown(report, lang)))
    return parser.tables


@pytest.mark.parametrize(("year", "title"), [
    (2026, "Dự thảo báo cáo sơ kết thực hiện Kế hoạch — năm 2026"),
    (2027, "Dự thảo báo cáo tình hình thực hiện Kế hoạch năm 2027"),
    (2030, "Dự thảo báo cáo tổng kết thực hiện Kế hoạch — năm 2030"),
])
def test_title_follows_the_reviews_of_task_7a(year: int, title: str) -> None:
    report = year_report(DATA, year)
    assert report_title(report, "vi") == title
    assert report_markdown(report, "vi").startswith(f"# {title}\n")


def test_report_lists_every_indicator_and_every_task() -> None:
    indicators, tasks = tables_of(2026)
    assert len(indicators) == 1 + len(PLAN.indicators) == 13
    assert [row[1] for row in indicators[1:]] == [i.label.vi for i in PLAN.indicators]
    assert len(tasks) == 1 + len(PLAN.tasks) == 15
    assert [row[0] for row in tasks[1:]] == [f"{t.number}. {t.wording.vi}" for t in PLAN.tasks]
    assert all(len(row) == 6 and row[5] == "" for row in tasks[1:])  # results: for the office


def test_figures_of_the_year_and_the_year_before() -> None:
    rows = {row[1]: row for row in tables_of(2026)[0][1:]}
    rate = rows["Tỷ lệ hòa giải thành"]
    assert rate[4:8] == ["80% (40/50) (2025)", "85,5%", "Còn thiếu 4,5 điểm phần trăm",
                         "Báo cáo thử nghiệm số 2, 20/12/2026"]
    assert rows["Hòa giải viên được tiếp cận và sử dụng Bộ tài liệu"][5] == "Chưa có số liệu"


@pytest.mark.parametrize(("year", "locator", "status"), [
    (2026, "7a", "Phải thực hiện (Sơ kết: Năm 2026.)"),
    (2027, "7a", "Chưa đến hạn"),
    (2027, "2a", "Phải thực hiện"),
    (2027, "6b", "Định kỳ nhiều năm: ghi rõ năm nay có thực hiện không"),
    (2027, "1", "Kế hoạch không ghi thời gian: ghi việc đã làm trong năm"),
])
def test_what_each_task_asks_of_the_year(year: int, locator: str, status: str) -> None:
    rows = {row[0].split(".")[0]: row for row in tables_of(year)[1][1:]}
    assert rows[locator][4] == status


def test_report_without_figures_lists_every_indicator_as_missing() -> None:
    text = report_markdown(year_report(load(), 2026), "vi")
    assert "Năm 2026: 0/12 chỉ tiêu có số liệu" in text
    for indicator in PLAN.indicators:
        assert f"(`{indicator.id}`)" in text


def test_command_writes_markdown_html_and_pdf(tmp_path: Path) -> None:
    result = hoagiai(ROOT, "report", "--year", "2026", "--values", str(GOOD_VALUES),
                     "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["bao-cao-ke-hoach-2026.html", "bao-cao-ke-hoach-2026.md",
                     "bao-cao-ke-hoach-2026.pdf"]
    pdf = (tmp_path / "bao-cao-ke-hoach-2026.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    html = (tmp_path / "bao-cao-ke-hoach-2026.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in html and "<script" not in html


def test_command_in_english(tmp_path: Path) -> None:
    result = hoagiai(ROOT, "report", "--year", "2030", "--lang", "en", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "bao-cao-ke-hoach-2030.en.md").read_text(encoding="utf-8")
    assert text.startswith("# Draft final review of the plan — 2030\n")


def test_command_refuses_a_year_outside_the_plan(tmp_path: Path) -> None:
    result = hoagiai(ROOT, "report", "--year", "2031", "--out", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "Năm 2031 nằm ngoài thời gian của Kế hoạch (2025–2030). / "
        "2031 is outside the plan period (2025–2030)."
    )
    assert not list(tmp_path.iterdir())


def test_command_stops_on_bad_figures(tmp_path: Path) -> None:
    bad = FIXTURES / "bad" / "so-lieu.yml"
    result = hoagiai(ROOT, "report", "--year", "2026", "--values", str(bad),
                     "--out", str(tmp_path))
    assert result.returncode == 1
    assert "tests/fixtures/plan/bad/so-lieu.yml:4:16: values[1].indicator: Kế hoạch không có " \
           "chỉ tiêu “ty-le-hoa-giai”" in result.stderr
    assert "Found 5 problems" in result.stderr
    assert not list(tmp_path.iterdir())
