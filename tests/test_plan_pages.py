"""The plan pages as the generator writes them (no MkDocs): with and without figures."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from hoagiai.citations import find_in_markdown
from hoagiai.feature import GeneratedFile
from hoagiai.frontmatter import split_front_matter
from hoagiai.pipeline import generate, load_site
from hoagiai.plan.pages import plan_citations, plan_pages
from hoagiai.site import Paths
from support.plan import GOOD_VALUES, load
from support.project import copy_project

EMPTY = {page.src_uri: page for page in plan_pages(load())}
FILLED = {page.src_uri: page for page in plan_pages(load(GOOD_VALUES))}
PAGES = ["ke-hoach/index.md", "ke-hoach/tien-do.md", "ke-hoach/nhiem-vu.md", "ke-hoach/don-vi.md"]


def body(page: GeneratedFile) -> str:
    return split_front_matter(str(page.content), page.src_uri)[0].body


def test_four_pages_in_each_language_with_front_matter() -> None:
    assert sorted(EMPTY) == sorted([*PAGES, *(p.replace(".md", ".en.md") for p in PAGES)])
    for page in EMPTY.values():
        front, problems = split_front_matter(str(page.content), page.src_uri)
        assert problems == []
        assert 30 <= len(front.meta["description"]) <= 220
        assert front.meta["styles"] == ["plan"] and front.meta["audience"]


def test_english_pages_say_the_translation_is_unofficial() -> None:
    for path in PAGES:
        assert "Unofficial translation" in body(EMPTY[path.replace(".md", ".en.md")])
        assert "không chính thức" not in body(EMPTY[path])


def test_dashboard_without_figures_says_so_and_draws_no_chart() -> None:
    dashboard = body(EMPTY["ke-hoach/tien-do.md"])
    assert "Chưa có số liệu nào được báo cáo." in dashboard
    assert "hg-plan-chart__svg" not in dashboard and "hg-plan-history" not in dashboard
    # Each of the 12 targets: latest figure and gap in the summary, and again in its card.
    assert dashboard.count("Chưa có số liệu") == 1 + 12 * 4
    assert "No data yet" in body(EMPTY["ke-hoach/tien-do.en.md"])
    assert "hg-plan-timeline__svg" in dashboard  # the phases are drawn with or without figures


def test_dashboard_with_figures_has_a_chart_per_measured_target() -> None:
    dashboard = body(FILLED["ke-hoach/tien-do.md"])
    assert "Chưa có số liệu nào được báo cáo." not in dashboard
    assert dashboard.count('class="hg-plan-chart__svg"') == 3  # rate, rate and count with data
    assert dashboard.count('class="hg-plan-table hg-plan-history"') == 5  # every target with data
    assert "85,5% (2026)" in dashboard and "Còn thiếu 4,5 điểm phần trăm" in dashboard
    assert "Báo cáo thử nghiệm số 2" in dashboard and "20/12/2026" in dashboard
    english = body(FILLED["ke-hoach/tien-do.en.md"])
    assert "85.5% (2026)" in english and "4.5 percentage points short" in english


def test_tasks_and_units_pages_have_an_anchor_for_each_task_and_unit() -> None:
    tasks = body(EMPTY["ke-hoach/nhiem-vu.md"])
    units = body(EMPTY["ke-hoach/don-vi.md"])
    plan = load().plan
    for task in plan.tasks:
        assert f'<tr id="{task.anchor}" markdown="1">' in tasks
        assert f"(nhiem-vu.md#{task.anchor})" in units or not any(
            task in (*plan.led_by(u.id), *plan.supported_by(u.id)) for u in plan.units)
    for unit in plan.units:
        assert f"{{#{unit.id}}}" in units
    # Công an xã: leads 5a, supports nothing, has the duties of VI.3.
    police = units[units.index("{#cong-an-xa}"):units.index("{#phong-kinh-te}")]
    assert "(nhiem-vu.md#iv-5-a)" in police and "[[kehoach:VI.3]]" in police
    assert police.count("(nhiem-vu.md#") == 1 and "Không có nhiệm vụ nào ở mục IV." in police


def test_recorded_citations_are_exactly_those_printed() -> None:
    recorded = Counter((use.page, use.ref) for use in plan_citations(load().plan))
    for lang_suffix in ("", ".en"):
        printed = Counter()
        for path in PAGES:
            page = EMPTY[path.replace(".md", f"{lang_suffix}.md")]
            printed.update((path, found.ref) for found in find_in_markdown(body(page)))
        assert printed == recorded
    assert recorded[("ke-hoach/nhiem-vu.md", "kehoach:IV.4.b")] == 1


def test_citation_uses_point_back_to_the_yaml() -> None:
    uses = plan_citations(load().plan)
    task = next(u for u in uses if u.ref == "kehoach:IV.5.a" and u.page.endswith("nhiem-vu.md"))
    assert task.location.path == "materials/plan/ke-hoach.yml" and task.location.line > 1
    assert task.anchor == "iv-5-a" and task.label.vi == "Nhiệm vụ: nhiệm vụ 5a"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_text_from_the_figures_file_is_escaped(project: Path) -> None:
    values = project / "materials" / "plan" / "so-lieu.yml"
    shutil.copy(GOOD_VALUES, values)
    text = values.read_text(encoding="utf-8").replace(
        '"Báo cáo thử nghiệm số 1"', '"<script>alert(1)</script> *số* 1"')
    values.write_text(text, encoding="utf-8")
    made = {item.src_uri: item for item in generate(load_site(Paths.at(project)))}
    dashboard = str(made["ke-hoach/tien-do.md"].content)
    assert "<script>alert" not in dashboard
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *số* 1" in dashboard  # raw HTML table cell


def test_pipeline_generates_the_plan_pages(project: Path) -> None:
    made = {item.src_uri for item in generate(load_site(Paths.at(project)))}
    assert set(EMPTY) <= made
    assert not (project / "docs" / "ke-hoach" / "index.md").exists()
