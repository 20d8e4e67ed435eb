"""Scenario files: the graph checks and the other checks a schema cannot make, each on a bad
fixture with its exact message; the tree the no-JavaScript page is made of; and the
scenarios of the site themselves (what issue 20 asks of them)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hoagiai.pipeline import check, load_site
from hoagiai.problems import Report
from hoagiai.render import t
from hoagiai.scenarios import ScenariosFeature
from hoagiai.scenarios.model import EndingKind, Scenario, Scenarios
from hoagiai.scenarios.tree import Branch, StepNode, build_tree
from hoagiai.scenarios.views import SKILLS
from hoagiai.schemas import SchemaSet
from hoagiai.site import Paths, Site
from support.project import ROOT, copy_project

FIXTURES = Path(__file__).parent / "fixtures" / "scenarios"
FILE = "materials/tinh-huong/thu.yml"

# fixture -> the Vietnamese half ("where: what — fix") of every problem it must cause.
EXPECTED = {
    "missing-next": [
        f"{FILE}:24:126: steps[1].choices[1].next: không có bước hay kết thúc nào mã “haii” — "
        "có phải ý bạn là “hai”? viết mã một bước trong “steps” hoặc một kết thúc trong "
        "“endings”",
    ],
    "missing-start": [
        f"{FILE}:17:8: start: không có bước hay kết thúc nào mã “mott” — có phải ý bạn là "
        "“mot”? viết mã một bước trong “steps” hoặc một kết thúc trong “endings”",
    ],
    "unreachable-step": [
        f"{FILE}:44:9: không đi tới được bước “nam” từ bước đầu “mot” — cho một lựa chọn ở một "
        "bước đi tới được “next: nam”, hoặc xóa bước này",
    ],
    "unreachable-ending": [
        f"{FILE}:63:9: không đi tới được kết thúc “bo-quen” từ bước đầu “mot” — cho một lựa "
        "chọn ở một bước đi tới được “next: bo-quen”, hoặc xóa kết thúc này",
    ],
    "cycle-without-exit": [
        f"{FILE}:39:9: vòng lặp không có lối ra: các bước “nam”, “sau” chỉ dẫn vào nhau, không "
        "bao giờ tới kết thúc — cho ít nhất một lựa chọn trong vòng này dẫn tới một kết thúc "
        "hoặc một bước ngoài vòng",
    ],
    "duplicate-id": [
        f"{FILE}:42:117: steps[4].choices[1].next: không có bước hay kết thúc nào mã “rut-lui” "
        "— viết mã một bước trong “steps” hoặc một kết thúc trong “endings”",
        f"{FILE}:57:9: endings[3].id: mã “bon” đã dùng ở dòng 38 — mỗi bước và mỗi kết thúc cần "
        "một mã riêng: đổi một trong hai mã (và các “next:” trỏ tới nó)",
    ],
    "unknown-speaker": [
        f"{FILE}:21:14: steps[1].speaker: không có người “c” trong “parties” — viết mã một "
        "người đã khai trong “parties” (a, b)",
    ],
    "unknown-state": [
        f"{FILE}:24:97: steps[1].choices[1].effect.tinh: không có điều theo dõi “tinh” trong "
        "“state” — dùng một mã đã khai trong “state” (tin)",
    ],
    "untranslated": [
        f"{FILE}:40:52: steps[4].situation.en: lời tiếng Anh giống hệt lời tiếng Việt — dịch "
        "đoạn này sang tiếng Anh trong “en:”",
    ],
    "missing-translation": [
        f"{FILE}:39:12: steps[4].title: thiếu trường bắt buộc “en” — viết cả hai dòng “vi: …” "
        "(tiếng Việt) và “en: …” (tiếng Anh)",
    ],
    "too-few-endings": [
        f"{FILE}:45:3: endings có 2 mục — mỗi tình huống cần ít nhất 3 kết thúc",
    ],
    "too-many-choices": [
        f"{FILE}:42:7: steps[4].choices có 5 mục — cần nhiều nhất 4 mục",
    ],
    "agreement-without-content": [
        f"{FILE}:45:5: endings[1]: thiếu trường bắt buộc “agreement” — kết thúc hòa giải thành "
        "cần “agreement:” ghi văn bản hòa giải thành sẽ có những gì",
    ],
}


def load_fixture(fixture: Path, tmp_path: Path) -> tuple[Site, Report]:
    """Only the scenarios feature, on a project that holds just this file: fast and exact."""
    folder = tmp_path / "materials" / "tinh-huong"
    folder.mkdir(parents=True)
    shutil.copy(fixture, folder / "thu.yml")
    site = Site(Paths.at(tmp_path), SchemaSet(ROOT / "materials" / "schemas"))
    report = Report()
    ScenariosFeature().load(site, report)
    return site, report


def vietnamese_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("materials/")]


def test_every_bad_fixture_is_listed() -> None:
    assert sorted(EXPECTED) == sorted(p.stem for p in (FIXTURES / "bad").glob("*.yml"))


def test_the_good_fixture_passes_and_records_its_citations(tmp_path: Path) -> None:
    site, report = load_fixture(FIXTURES / "good.yml", tmp_path)
    assert not report, report.format()
    (scenario,) = site.get(Scenarios).items
    # Every choice's and every ending's sources, for the legal library to check and list.
    assert len(site.citations) == 8 + 3
    first = site.citations[0]
    assert (first.ref, first.page, first.anchor) == ("luat35:4.1", "tinh-huong/thu.md",
                                                    "buoc-mot")
    assert first.label.vi == "Tình huống “Tình huống thử” – bước 1"
    assert str(first.location) == f"{FILE}:24:107"
    assert site.citations[-1].anchor == "ket-rut-lui"
    assert scenario.ending_kinds == (EndingKind.AGREEMENT, EndingKind.NO_AGREEMENT,
                                     EndingKind.STEP_ASIDE)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_scenario_is_reported_at_its_line(tmp_path: Path, name: str) -> None:
    site, report = load_fixture(FIXTURES / "bad" / f"{name}.yml", tmp_path)
    assert vietnamese_lines(report.format()) == EXPECTED[name]
    assert f"Found {len(EXPECTED[name])} problem" in report.format()
    assert site.get(Scenarios).items == ()  # a bad scenario makes no page


def test_messages_have_an_english_line(tmp_path: Path) -> None:
    _, report = load_fixture(FIXTURES / "bad" / "cycle-without-exit.yml", tmp_path)
    (problem,) = report
    assert problem.format().splitlines()[1] == (
        "    (en) a cycle without a way out: the steps “nam”, “sau” lead only to each other, "
        "never to an ending — make at least one choice in this cycle lead to an ending or to a "
        "step outside it"
    )


def test_citations_module_and_stories_are_checked_against_the_site(tmp_path: Path) -> None:
    """What only the whole site knows: the legal library, the modules, the stories."""
    project = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / "bad-references.yml", project / FILE)
    lines = vietnamese_lines(check(Paths.at(project)).format())
    assert [line for line in lines if line.startswith(FILE)] == [
        f"{FILE}:8:9: module: không có trang “docs/hoc-tap/ky-nang-hoa-giaii.md” — có phải ý "
        "bạn là “ky-nang-hoa-giai”? viết tên một tệp có trong docs/hoc-tap/ (không có .md)",
        f"{FILE}:9:13: practises: không có trang “docs/cau-chuyen/dan-ga-pha-rauu.md” — có "
        "phải ý bạn là “dan-ga-pha-rau”? viết tên một tệp có trong docs/cau-chuyen/ (không có "
        ".md)",
        f"{FILE}:43:97: trích dẫn “luat35:99.1”: Luật Hòa giải ở cơ sở không có Điều 99 — "
        "văn bản này chỉ có Điều 1–33",
    ]


def walk(node: StepNode) -> list[str]:
    """Ids written out in the tree, in order: steps, then what their branches hold."""
    found = [node.step.id]
    for branch in node.branches:
        found += written(branch)
    return found


def written(branch: Branch) -> list[str]:
    if branch.step:
        return walk(branch.step)
    return [branch.ending.id] if branch.ending else []


@pytest.fixture(scope="module")
def scenarios() -> tuple[Scenario, ...]:
    return load_site(Paths.at(ROOT)).get(Scenarios).items


def test_the_tree_writes_every_step_and_ending_once(scenarios: tuple[Scenario, ...]) -> None:
    for scenario in scenarios:
        ids = walk(build_tree(scenario))
        assert sorted(ids) == sorted([s.id for s in scenario.steps] +
                                     [e.id for e in scenario.endings]), scenario.id


def test_the_skill_list_is_the_schemas_and_every_skill_has_a_name() -> None:
    schema = json.loads((ROOT / "materials" / "schemas" / "scenario.schema.json").read_text())
    assert list(SKILLS) == schema["properties"]["skills"]["items"]["enum"]
    for skill in SKILLS:
        assert t(f"scenarios.skill.{skill}", "vi") and t(f"scenarios.skill.{skill}", "en")
