"""The plan as data: everything section IV, II.2, III and VI say is captured, verbatim."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from hoagiai.plan.model import DUE, NOT_DUE, PERIODIC, UNSTATED
from hoagiai.plan.sources import load_plan_data
from hoagiai.problems import Report
from hoagiai.schemas import SchemaSet
from hoagiai.site import Paths, Site
from support.plan import load, shared_source
from support.project import ROOT

PLAN = load().plan


def test_every_task_of_section_iv_is_captured() -> None:
    assert [task.locator for task in PLAN.tasks] == [
        "IV.1", "IV.2.a", "IV.2.b", "IV.3.a", "IV.3.b", "IV.3.c", "IV.4.a", "IV.4.b",
        "IV.5.a", "IV.5.b", "IV.6.a", "IV.6.b", "IV.7.a", "IV.7.b",
    ]
    assert [group.number for group in PLAN.groups] == [1, 2, 3, 4, 5, 6, 7]


def test_timing_is_modelled_as_the_plan_words_it() -> None:
    tasks = {task.locator: task for task in PLAN.tasks}
    assert tasks["IV.1"].timing is None  # the plan gives task 1 no timing
    assert tasks["IV.6.b"].timing.every_years == 5
    assert tasks["IV.6.b"].timing.wording[0].vi == "Tối thiểu 05 năm/ 01 lần."
    assert [(m.year, m.wording.vi) for m in tasks["IV.7.a"].timing.milestones] == [
        (2026, "Sơ kết: Năm 2026."), (2030, "Tổng kết: Năm 2030."),
    ]
    annual = [t.locator for t in PLAN.tasks if t.timing and t.timing.rule == "annual"]
    assert len(annual) == 11


@pytest.mark.parametrize(("locator", "year", "status"), [
    ("IV.2.a", 2027, DUE),
    ("IV.7.a", 2026, DUE),
    ("IV.7.a", 2027, NOT_DUE),
    ("IV.7.a", 2030, DUE),
    ("IV.6.b", 2026, PERIODIC),
    ("IV.1", 2026, UNSTATED),
])
def test_what_a_task_asks_of_a_year(locator: str, year: int, status: str) -> None:
    task = next(t for t in PLAN.tasks if t.locator == locator)
    assert task.status_in(year) == status


def test_what_does_cong_an_xa_have_to_do() -> None:
    assert [t.locator for t in PLAN.led_by("cong-an-xa")] == ["IV.5.a"]
    assert PLAN.supported_by("cong-an-xa") == ()
    assert [r.locator for r in PLAN.responsibilities_of("cong-an-xa")] == ["VI.3"]
    # The plan's own words stay for display; the unit id is what the question is asked with.
    lead = PLAN.led_by("cong-an-xa")[0].lead
    assert lead.wording.vi == "Văn phòng HĐND và UBND xã, Công an xã."
    assert lead.units == ("van-phong-hdnd-ubnd", "cong-an-xa")


def test_variant_names_of_one_unit_share_its_id() -> None:
    culture = [t.locator for t in PLAN.supported_by("phong-van-hoa-xa-hoi")]
    assert culture == ["IV.4.a", "IV.4.b"]  # "phòng Văn hóa - xã hội xã" / "Phòng Văn hóa - xã hội"
    front = PLAN.supported_by("mttq-xa")
    assert "IV.7.a" in [t.locator for t in front]  # "… cùng cấp", with an editorial remark
    assert next(t for t in front if t.locator == "IV.7.a").remarks


def test_every_unit_has_work_and_every_section_vi_duty_is_kept() -> None:
    for unit in PLAN.units:
        work = (PLAN.led_by(unit.id), PLAN.supported_by(unit.id),
                PLAN.responsibilities_of(unit.id))
        assert any(work), unit.id
    assert [r.locator for r in PLAN.responsibilities] == [f"VI.{n}" for n in range(1, 8)]
    assert PLAN.responsibilities[6].units == ("toa-an-khu-vuc-11", "vien-kiem-sat-khu-vuc-11")


def test_every_target_of_section_ii_2_is_an_indicator() -> None:
    assert sorted({i.bullet for i in PLAN.indicators}) == list(range(1, 11))
    kinds = [i.kind for i in PLAN.indicators]
    assert kinds.count("rate") == 7 and kinds.count("count") == 1
    assert kinds.count("yes-no") == 2 and kinds.count("qualitative") == 2
    for indicator in PLAN.indicators:
        if indicator.kind == "rate":
            assert indicator.numerator and indicator.denominator and indicator.target
    # Only the points that say "đến hết năm 2030" have a deadline.
    assert {i.id: i.deadline for i in PLAN.indicators if i.deadline} == {
        "ty-le-hoa-giai-thanh": 2030, "xa-dien-hinh": 2030, "to-hoa-giai-5-tot": 2030,
    }
    targets = {i.id: i.target for i in PLAN.indicators if i.target is not None}
    assert targets["to-hoa-giai-duoc-ho-tro"] == 10 and targets["so-tap-huan-vien"] == 1


def test_phases_and_period() -> None:
    period = PLAN.period
    assert (period.start.isoformat(), period.end_year) == ("2025-07-01", 2030)
    assert [(p.start.isoformat(), p.end_year) for p in period.phases] == [
        ("2025-07-01", 2026), ("2027-01-01", 2030),
    ]
    assert period.phase_in(2026).number == 1 and period.phase_in(2027).number == 2


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_wording_is_verbatim_from_the_official_text() -> None:
    source = shared_source()
    if source is None:
        pytest.skip("shared/sources is not next to this checkout")
    body = _normalised(source.read_text(encoding="utf-8").split("---", 2)[2])
    quoted = list(PLAN.verbatim())
    assert len(quoted) > 90
    missing = [(where, text.vi) for where, text in quoted if _normalised(text.vi) not in body]
    assert missing == []


def test_slips_of_the_original_are_kept_and_remarked() -> None:
    assert sum("Phần đầu" in i.wording.vi for i in PLAN.indicators) == 6
    assert PLAN.target_remarks and "Phấn đấu" in PLAN.target_remarks[0].vi
    assert [item.marker for item in PLAN.requirements.items] == ["-", "b)", "c)"]
    assert PLAN.requirements.remarks


@pytest.mark.parametrize(("old", "new", "expected"), [
    (
        "units: [van-phong-hdnd-ubnd, cong-an-xa]", "units: [van-phong-hdnd-ubnd, cong-an]",
        "materials/plan/ke-hoach.yml:LINE:40: task_groups[5].tasks[1].lead.units[2]: không có "
        "đơn vị mã “cong-an” trong danh sách units — có phải ý bạn là “cong-an-xa”? "
        "các mã đơn vị: van-phong-hdnd-ubnd, ubnd-xa, mttq-xa, phong-van-hoa-xa-hoi, "
        "cong-an-xa, phong-kinh-te, toa-an-khu-vuc-11, vien-kiem-sat-khu-vuc-11, "
        "phong-ban-nganh-xa, co-quan-to-chuc-lien-quan",
    ),
    (
        "  - id: xa-dien-hinh", "  - id: to-hoa-giai-5-tot",
        "materials/plan/ke-hoach.yml:LINE:11: targets.indicators[12].id: “to-hoa-giai-5-tot” "
        "đã dùng ở dòng FIRST — mỗi mục cần một mã riêng: đổi mã này hoặc xóa mục trùng",
    ),
])
def test_plan_file_mistakes_are_reported(tmp_path: Path, old: str, new: str,
                                         expected: str) -> None:
    materials = tmp_path / "materials"
    shutil.copytree(ROOT / "materials", materials)
    plan_file = materials / "plan" / "ke-hoach.yml"
    text = plan_file.read_text(encoding="utf-8")
    assert text.count(old) == 1
    changed = text.replace(old, new)
    plan_file.write_text(changed, encoding="utf-8")
    line = _line_of(changed, new, last=True)
    expected = expected.replace("LINE", str(line)).replace("FIRST", str(_line_of(changed, new)))
    paths = Paths.at(tmp_path)
    report = Report()
    assert load_plan_data(Site(paths, SchemaSet(paths.schemas)), report) is None
    assert [p.format().splitlines()[0] for p in report.problems] == [expected]


def _line_of(text: str, needle: str, last: bool = False) -> int:
    """The line (from 1) where `needle` is written, first or last time."""
    offset = text.rindex(needle) if last else text.index(needle)
    return text.count("\n", 0, offset) + 1


def test_authoring_guide_lists_every_indicator_id() -> None:
    guide = (ROOT / "HUONG-DAN-BIEN-SOAN.md").read_text(encoding="utf-8")
    for indicator in PLAN.indicators:
        assert f"| `{indicator.id}` |" in guide, indicator.id
