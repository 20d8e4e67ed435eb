"""Charts and gaps are right: the SVG drawn at build time is parsed back and measured."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from hoagiai.plan import charts
from hoagiai.plan.formatting import Formatter, number
from hoagiai.plan.progress import Progress, progress_of
from support.plan import GOOD_VALUES, load

SVG = "{http://www.w3.org/2000/svg}"
DATA = load(GOOD_VALUES)
PROGRESS = {p.indicator.id: p for p in progress_of(DATA.plan, DATA.values)}
YEARS = DATA.plan.period.years
PLOT_HEIGHT = charts.PLOT_BOTTOM - charts.PLOT_TOP


def drawn(progress: Progress, lang: str = "vi") -> ET.Element:
    chart = charts.bar_chart(progress, YEARS, Formatter(lang))
    assert chart is not None
    return ET.fromstring(str(charts.chart_svg(chart)))


def bars(svg: ET.Element) -> dict[int, dict[str, float]]:
    found = {}
    for rect in svg.iter(f"{SVG}rect"):
        if rect.get("class") == "hg-plan-bar":
            found[int(rect.get("data-year"))] = {
                key: float(rect.get(key)) for key in ("x", "y", "width", "height", "data-value")
            }
    return found


def target_y(svg: ET.Element) -> float:
    (line,) = [e for e in svg.iter(f"{SVG}line") if e.get("class") == "hg-plan-target"]
    assert line.get("y1") == line.get("y2")
    return float(line.get("y1"))


def test_rate_bars_stand_on_the_axis_at_the_height_of_their_percentage() -> None:
    svg = drawn(PROGRESS["ty-le-hoa-giai-thanh"])
    found = bars(svg)
    assert sorted(found) == [2025, 2026]
    assert found[2025]["data-value"] == 80.0  # 40 of 50
    assert found[2026]["data-value"] == 85.5
    for bar in found.values():
        assert bar["height"] == pytest.approx(bar["data-value"] / 100 * PLOT_HEIGHT, abs=0.01)
        assert bar["y"] + bar["height"] == pytest.approx(charts.PLOT_BOTTOM, abs=0.01)
    # The 90 % target line, and the bars in their years' slots, left to right.
    assert target_y(svg) == pytest.approx(charts.PLOT_BOTTOM - 0.9 * PLOT_HEIGHT, abs=0.01)
    slot = (charts.PLOT_RIGHT - charts.PLOT_LEFT) / len(YEARS)
    centre = found[2026]["x"] + found[2026]["width"] / 2
    assert centre == pytest.approx(charts.PLOT_LEFT + 1.5 * slot, abs=0.01)


def test_count_chart_scales_to_a_round_maximum() -> None:
    svg = drawn(PROGRESS["so-tap-huan-vien"])
    found = bars(svg)
    assert found[2025]["height"] == 0  # a reported zero is drawn as zero, not left out
    assert found[2026]["height"] == pytest.approx(3 / 5 * PLOT_HEIGHT, abs=0.01)
    assert target_y(svg) == pytest.approx(charts.PLOT_BOTTOM - 1 / 5 * PLOT_HEIGHT, abs=0.01)


def test_every_chart_is_an_image_with_a_title_and_a_description() -> None:
    svg = drawn(PROGRESS["ty-le-hoa-giai-thanh"])
    assert svg.get("role") == "img"
    ids = svg.get("aria-labelledby").split()
    texts = {e.get("id"): e.text for e in svg if e.get("id")}
    assert ids == ["bieu-do-ty-le-hoa-giai-thanh-title", "bieu-do-ty-le-hoa-giai-thanh-desc"]
    assert texts[ids[0]] == "Biểu đồ cột: Tỷ lệ hòa giải thành, theo năm"
    assert texts[ids[1]] == (
        "Số liệu từng năm — 2025: 80%; 2026: 85,5%. Mục tiêu: từ 90% trở lên; "
        "thời hạn: Đến hết năm 2030."
    )
    english = drawn(PROGRESS["ty-le-hoa-giai-thanh"], "en")
    assert "2026: 85.5%" in next(e.text for e in english if e.get("id", "").endswith("-desc"))


@pytest.mark.parametrize("indicator", [
    "xa-dien-hinh",  # yes/no: its history is a table, not a chart
    "tai-lieu-tap-huan",  # qualitative
    "hoa-giai-vien-duoc-tap-huan",  # numeric, but nothing reported yet
])
def test_no_chart_where_there_is_nothing_to_draw(indicator: str) -> None:
    assert charts.bar_chart(PROGRESS[indicator], YEARS, Formatter("vi")) is None


@pytest.mark.parametrize(("value", "ceiling"), [
    (0, 1), (1, 1), (3, 5), (7, 10), (12, 20), (150, 200),
])
def test_nice_ceiling(value: float, ceiling: float) -> None:
    assert charts.nice_ceiling(value) == ceiling


def test_timeline_draws_each_phase_from_its_start_to_the_end_of_its_last_year() -> None:
    fmt = Formatter("vi")
    picture = charts.timeline(DATA.plan.period, DATA.plan.milestones(), fmt)
    svg = ET.fromstring(str(charts.timeline_svg(picture)))
    spans = [e for e in svg.iter(f"{SVG}rect") if e.get("class") == "hg-plan-phase"]
    origin, finish = dt.date(2025, 1, 1), dt.date(2031, 1, 1)
    scale = (charts.LINE_RIGHT - charts.LINE_LEFT) / (finish - origin).days
    expected = [(dt.date(2025, 7, 1), dt.date(2027, 1, 1)), (dt.date(2027, 1, 1), finish)]
    for rect, (start, end) in zip(spans, expected, strict=True):
        x = charts.LINE_LEFT + (start - origin).days * scale
        assert float(rect.get("x")) == pytest.approx(x, abs=0.01)
        assert float(rect.get("width")) == pytest.approx((end - start).days * scale, abs=0.02)
    assert [m.label for m in picture.marks] == ["Sơ kết 2026", "Tổng kết 2030"]
    assert svg.get("role") == "img" and picture.description == (
        "Giai đoạn 1: từ ngày 01 tháng 7 năm 2025 đến năm 2026. Giai đoạn 2: từ năm 2027 đến "
        "năm 2030. Sơ kết: năm 2026. Tổng kết: năm 2030."
    )
    for mark in picture.marks:  # labels stay inside the picture
        half = len(mark.label) * charts.CHAR_WIDTH / 2
        assert mark.label_x - half >= charts.LINE_LEFT
        assert mark.label_x + half <= charts.LINE_RIGHT


@pytest.mark.parametrize(("indicator", "vi", "en"), [
    ("ty-le-hoa-giai-thanh", "Còn thiếu 4,5 điểm phần trăm", "4.5 percentage points short"),
    ("so-tap-huan-vien", "Đã đạt mục tiêu", "Target reached"),
    ("to-hoa-giai-kien-toan", "Đã đạt mục tiêu", "Target reached"),
    ("xa-dien-hinh", "Chưa đạt", "Not yet met"),
    ("tai-lieu-tap-huan", "Không tính được (chỉ tiêu định tính)",
     "Not measurable (qualitative target)"),
    ("hoa-giai-vien-duoc-tap-huan", "Chưa có số liệu", "No data yet"),
])
def test_gap_to_the_target(indicator: str, vi: str, en: str) -> None:
    progress = PROGRESS[indicator]
    assert Formatter("vi").gap(progress) == vi
    assert Formatter("en").gap(progress) == en


def test_gap_of_an_earlier_year_and_of_a_count() -> None:
    rate = PROGRESS["ty-le-hoa-giai-thanh"]
    assert rate.gap() == pytest.approx(4.5)
    assert rate.gap(rate.in_year(2025)) == pytest.approx(10.0)
    count = PROGRESS["so-tap-huan-vien"]
    assert Formatter("vi").gap(count, count.in_year(2025)) == "Còn thiếu 1 tập huấn viên"
    assert count.reached(count.in_year(2025)) is False and count.reached() is True


@pytest.mark.parametrize(("value", "vi", "en"), [
    (80.0, "80", "80"), (85.5, "85,5", "85.5"), (200 / 3, "66,7", "66.7"), (0, "0", "0"),
])
def test_numbers_read_in_each_language(value: float, vi: str, en: str) -> None:
    assert (number(value, "vi"), number(value, "en")) == (vi, en)
