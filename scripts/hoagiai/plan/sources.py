"""Load the plan and its reported figures from `materials/plan/`, collecting every problem.

Both the site build (through `PlanFeature`) and `hoagiai report` use this, so a
figure the site accepts is a figure the report accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hoagiai.materials import load_material, read_text
from hoagiai.plan.loading import read_plan
from hoagiai.plan.model import Plan
from hoagiai.plan.values import Reported, read_values
from hoagiai.problems import Report
from hoagiai.site import Site
from hoagiai.yamlpos import load_yaml

PLAN_FILE = "plan/ke-hoach.yml"
VALUES_FILE = "plan/so-lieu.yml"


@dataclass(frozen=True)
class PlanData:
    """The plan and every figure reported for it: what all plan views are made from."""

    plan: Plan
    values: tuple[Reported, ...]


def load_plan_data(site: Site, report: Report, values_path: Path | None = None) -> PlanData | None:
    """The plan with its figures, or None when the plan itself cannot be read.

    `values_path` replaces `materials/plan/so-lieu.yml` (the report command's
    `--values`); problems in either file go to `report`.
    """
    document = load_material(site.paths.materials / PLAN_FILE, "plan", site, report)
    if document is None:
        return None
    plan, problems = read_plan(document)
    report.extend(problems)
    if plan is None:
        return None
    values = load_values(values_path or site.paths.materials / VALUES_FILE, plan, site, report)
    return PlanData(plan, values)


def load_values(path: Path, plan: Plan, site: Site, report: Report) -> tuple[Reported, ...]:
    """Figures from one values file. Its own checks run even when the schema finds problems,
    so a clerk sees every mistake in one run; the figures are kept only if all is well."""
    text = read_text(path, site, report)
    if text is None:
        return ()
    document, problems = load_yaml(text, site.paths.rel(path))
    if document.data is None:
        report.extend(problems)
        return ()
    problems += site.schemas.validate(document, "plan-values")
    values: tuple[Reported, ...] = ()
    if isinstance(document.data, dict):
        values, checked = read_values(document, plan)
        problems += checked
    report.extend(problems)
    return () if problems else values
