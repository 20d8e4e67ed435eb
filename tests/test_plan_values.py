"""Reported figures: every kind of bad value is caught, at its line, with the exact message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.plan import FIXTURES, GOOD_VALUES, load, value_problems
from support.project import ROOT, copy_project, hoagiai

GOOD_ENTRY = """\
values:
  - indicator: ty-le-hoa-giai-thanh
    year: 2026
    numerator: 45
    denominator: 50
    date: 2026-12-15
    source: Báo cáo số 1
"""

SOURCE_FIX = (
    "thêm dòng “source: …” ghi số, ngày của báo cáo hoặc tên cuộc họp đưa ra con số này, "
    "ví dụ “source: Báo cáo số …/BC-UBND ngày …”"
)

# (what is changed in GOOD_ENTRY, the exact Vietnamese line of the one problem it causes)
BAD_VALUES = {
    "rate above 100%": (
        ("numerator: 45\n    denominator: 50", "value: 120"),
        "so-lieu.yml:4:12: values[1].value: tỷ lệ 120% lớn hơn 100% — tỷ lệ ghi bằng phần trăm, "
        "từ 0 đến 100 (ví dụ 85 hoặc 85.5); nếu báo cáo có số đếm, ghi “numerator:” và "
        "“denominator:” thay cho “value:”",
    ),
    "numerator above denominator": (
        ("numerator: 45", "numerator: 55"),
        "so-lieu.yml:4:16: values[1].numerator: tử số 55 lớn hơn mẫu số 50 (Số vụ việc hòa giải "
        "thành không thể nhiều hơn số vụ việc đã hòa giải trong năm) — kiểm tra lại hai con số "
        "trong báo cáo; có thể đã ghi đảo ngược",
    ),
    "year after the plan": (
        ("year: 2026", "year: 2031"),
        "so-lieu.yml:3:11: values[1].year: năm 2031 nằm ngoài thời gian của Kế hoạch (2025–2030) "
        "— ghi năm mà số liệu nói tới, từ 2025 đến 2030",
    ),
    "year before the plan": (
        ("year: 2026", "year: 2024"),
        "so-lieu.yml:3:11: values[1].year: năm 2024 nằm ngoài thời gian của Kế hoạch (2025–2030) "
        "— ghi năm mà số liệu nói tới, từ 2025 đến 2030",
    ),
    "unknown indicator": (
        ("indicator: ty-le-hoa-giai-thanh", "indicator: ty-le-hoa-giai-thnah"),
        "so-lieu.yml:2:16: values[1].indicator: Kế hoạch không có chỉ tiêu “ty-le-hoa-giai-thnah” "
        "— có phải ý bạn là “ty-le-hoa-giai-thanh”? các mã chỉ tiêu: co-che-chinh-sach, "
        "tai-lieu-tap-huan, so-tap-huan-vien, tap-huan-vien-duoc-boi-duong, to-hoa-giai-kien-toan, "
        "to-hoa-giai-duoc-ho-tro, hoa-giai-vien-duoc-tap-huan, hoa-giai-vien-moi-duoc-tap-huan, "
        "hoa-giai-vien-tiep-can-tai-lieu, ty-le-hoa-giai-thanh, xa-dien-hinh, to-hoa-giai-5-tot",
    ),
    "no source": (
        ("    source: Báo cáo số 1\n", ""),
        "so-lieu.yml:2:5: values[1]: số liệu của “ty-le-hoa-giai-thanh” năm 2026 chưa ghi nguồn "
        f"— {SOURCE_FIX}",
    ),
    "blank source": (
        ("source: Báo cáo số 1", 'source: "  "'),
        "so-lieu.yml:2:5: values[1]: số liệu của “ty-le-hoa-giai-thanh” năm 2026 chưa ghi nguồn "
        f"— {SOURCE_FIX}",
    ),
    "rate written both ways": (
        ("numerator: 45", "value: 90\n    numerator: 45"),
        "so-lieu.yml:2:5: values[1]: chỉ tiêu “ty-le-hoa-giai-thanh” là một tỷ lệ nhưng số liệu "
        "ghi chưa đúng cách — ghi “value:” (phần trăm, ví dụ 85) hoặc cả “numerator:” (tử số) "
        "và “denominator:” (mẫu số), không ghi cả hai cách",
    ),
    "count that is not whole": (
        ("indicator: ty-le-hoa-giai-thanh", "indicator: so-tap-huan-vien",
         "numerator: 45\n    denominator: 50", "value: 1.5"),
        "so-lieu.yml:2:5: values[1]: chỉ tiêu “so-tap-huan-vien” là một số đếm nhưng số liệu ghi "
        "chưa đúng cách — ghi “value:” là một số nguyên, ví dụ “value: 2”",
    ),
    "yes/no target given a number": (
        ("indicator: ty-le-hoa-giai-thanh", "indicator: xa-dien-hinh"),
        "so-lieu.yml:2:5: values[1]: chỉ tiêu “xa-dien-hinh” là chỉ tiêu đạt/chưa đạt nhưng số "
        "liệu ghi chưa đúng cách — ghi “achieved: true” (đã đạt) hoặc “achieved: false” "
        "(chưa đạt)",
    ),
    "report dated before its year": (
        ("date: 2026-12-15", "date: 2025-12-15"),
        "so-lieu.yml:6:11: values[1].date: ngày 2025-12-15 ở trước năm 2026 mà số liệu nói tới — "
        "ghi ngày của báo cáo hoặc cuộc họp đưa ra con số (trong hoặc sau năm đó), hoặc sửa lại "
        "năm",
    ),
    "zero denominator": (
        ("numerator: 45\n    denominator: 50", "numerator: 0\n    denominator: 0"),
        "so-lieu.yml:5:18: values[1].denominator = 0 nằm ngoài giới hạn — mẫu số phải lớn hơn 0; "
        "nếu năm đó không có trường hợp nào, đừng ghi mục này",
    ),
    "misspelt field": (
        ("source:", "sorce:"),
        "so-lieu.yml:7:5: values[1]: trường “sorce” không dùng được ở đây — có phải ý bạn là "
        "“source”? các trường dùng được: achieved, assessment, date, denominator, indicator, "
        "note, numerator, source, value, year",
    ),
}


def first_lines(problems: list) -> list[str]:
    return [p.format().splitlines()[0] for p in problems]


def test_good_entry_is_accepted(tmp_path: Path) -> None:
    assert value_problems(GOOD_ENTRY, tmp_path) == []


@pytest.mark.parametrize("case", sorted(BAD_VALUES))
def test_bad_value_is_caught_with_its_message(case: str, tmp_path: Path) -> None:
    changes, expected = BAD_VALUES[case]
    text = GOOD_ENTRY
    for old, new in zip(changes[::2], changes[1::2], strict=True):
        assert old in text, old
        text = text.replace(old, new)
    problems = value_problems(text, tmp_path)
    if case == "misspelt field":  # the figure then has no source either
        assert len(problems) == 2
        problems = [p for p in problems if "sorce" in p.what.vi]
    assert first_lines(problems) == [expected]


def test_messages_have_an_english_line(tmp_path: Path) -> None:
    (problem,) = value_problems(GOOD_ENTRY.replace("numerator: 45", "numerator: 55"), tmp_path)
    assert problem.format().splitlines()[1] == (
        "    (en) values[1].numerator: the numerator 55 is larger than the denominator 50 "
        "(Cases settled by mediation cannot outnumber cases mediated during the year) — check "
        "both figures in the report; they may have been swapped"
    )


def test_same_indicator_and_year_twice_points_to_the_first(tmp_path: Path) -> None:
    twice = GOOD_ENTRY + GOOD_ENTRY.removeprefix("values:\n")
    assert first_lines(value_problems(twice, tmp_path)) == [
        "so-lieu.yml:8:5: values[2]: chỉ tiêu “ty-le-hoa-giai-thanh” năm 2026 đã có số liệu ở "
        "dòng 2 — mỗi chỉ tiêu chỉ có một số liệu cho mỗi năm: giữ một mục, xóa mục kia (nếu con "
        "số được điều chỉnh, sửa ở mục cũ và ghi nguồn mới)"
    ]


def test_published_file_starts_with_no_figures() -> None:
    assert load().values == ()


def test_fixture_figures_load_with_their_kinds() -> None:
    values = load(GOOD_VALUES).values
    assert len(values) == 7
    rate = next(v for v in values if v.indicator == "ty-le-hoa-giai-thanh" and v.year == 2025)
    assert rate.number == 80.0 and (rate.numerator, rate.denominator) == (40, 50)
    assertion = next(v for v in values if v.indicator == "tai-lieu-tap-huan")
    assert assertion.assessment is not None and assertion.number is None


BAD_FILE_PROBLEMS = [
    "materials/plan/so-lieu.yml:4:16: values[1].indicator: Kế hoạch không có chỉ tiêu "
    "“ty-le-hoa-giai”",
    "materials/plan/so-lieu.yml:10:11: values[2].year: năm 2032 nằm ngoài thời gian của Kế hoạch "
    "(2025–2030)",
    "materials/plan/so-lieu.yml:14:5: values[3]: số liệu của “to-hoa-giai-kien-toan” năm 2026 "
    "chưa ghi nguồn",
    "materials/plan/so-lieu.yml:16:16: values[3].numerator: tử số 13 lớn hơn mẫu số 12 (Số tổ "
    "hòa giải đủ số lượng, thành phần cơ cấu không thể nhiều hơn tổng số tổ hòa giải ở cơ sở "
    "của xã)",
    "materials/plan/so-lieu.yml:21:12: values[4].value: tỷ lệ 150% lớn hơn 100%",
]


def test_check_reports_every_bad_figure_of_a_file_at_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / "bad" / "so-lieu.yml", project / "materials" / "plan" / "so-lieu.yml")
    result = hoagiai(project, "check")
    assert result.returncode == 1
    starts = [line.split(" — ")[0] for line in result.stderr.splitlines()
              if line.startswith("materials/")]
    assert starts == BAD_FILE_PROBLEMS
    assert f"Found {len(BAD_FILE_PROBLEMS)} problems" in result.stderr


def test_example_in_the_authoring_guide_is_valid(tmp_path: Path) -> None:
    guide = (ROOT / "HUONG-DAN-BIEN-SOAN.md").read_text(encoding="utf-8")
    section = guide[guide.index("**Ví dụ**"):]
    example = section[section.index("```yaml\n") + 8:section.index("```\n", 10)]
    assert example.startswith("values:\n") and example.count("- indicator:") == 5
    assert value_problems(example, tmp_path) == []
