"""Helpers for the plan tests: the real plan loaded without MkDocs, figures from test files."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hoagiai.plan.sources import PlanData, load_plan_data, load_values
from hoagiai.problems import Problem, Report
from hoagiai.schemas import SchemaSet
from hoagiai.site import Paths, Site
from support.project import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "plan"
GOOD_VALUES = FIXTURES / "so-lieu.yml"
SOURCE_NAME = "ke-hoach-ubnd-xa-thuong-phuc-2025-2030-nang-cao-nang-luc-hoa-giai-vien.md"


def plan_site(root: Path = ROOT) -> Site:
    """A site whose materials are the project's own, with messages relative to `root`."""
    paths = Paths(root.resolve(), root.resolve() / "docs", ROOT / "materials")
    return Site(paths, SchemaSet(paths.schemas))


@cache
def load(values: Path | None = None) -> PlanData:
    """The real plan with the published figures, or with those of `values`; must be clean."""
    report = Report()
    data = load_plan_data(plan_site(), report, values)
    assert not report and data is not None, report.format()
    return data


def value_problems(text: str, folder: Path) -> list[Problem]:
    """The problems `text`, saved as folder/so-lieu.yml, has against the real plan."""
    path = folder / "so-lieu.yml"
    path.write_text(text, encoding="utf-8")
    report = Report()
    load_values(path, load().plan, plan_site(folder), report)
    return report.problems


def shared_source() -> Path | None:
    """The official text of the plan in shared/sources, wherever this checkout sits."""
    for folder in (ROOT.parent, *ROOT.parents):
        candidate = folder / "shared" / "sources" / SOURCE_NAME
        if candidate.is_file():
            return candidate
    return None
