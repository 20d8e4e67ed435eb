"""The commune plan as a site feature: load and check `materials/plan/`, make `ke-hoach/` pages."""

from __future__ import annotations

from collections.abc import Iterable

from hoagiai.feature import Feature, GeneratedFile
from hoagiai.plan.pages import plan_citations, plan_pages
from hoagiai.plan.sources import PlanData, load_plan_data
from hoagiai.problems import Report
from hoagiai.site import Site


class PlanFeature(Feature):
    name = "plan"

    def load(self, site: Site, report: Report) -> None:
        data = load_plan_data(site, report)
        if data is not None:
            site.put(data)
            site.citations.extend(plan_citations(data.plan))

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        data = site.find(PlanData)
        return plan_pages(data) if data is not None else ()
