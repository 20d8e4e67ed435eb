"""The plan's pages under `ke-hoach/`, in both languages, and the citations they publish.

Four views of one model: the overview (the plan section by section), the
dashboard (each target's latest figure, gap and history), the tasks by task and
the tasks by unit. Every page cites the part of the plan it restates; the same
references are recorded as `CitationUse`s (`plan_citations`) so the legal
library can check them and list where the plan is cited.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hoagiai.citations import CitationUse
from hoagiai.feature import GeneratedFile, generated_page
from hoagiai.plan.charts import bar_chart, chart_svg, timeline, timeline_svg
from hoagiai.plan.formatting import Formatter
from hoagiai.plan.model import Indicator, Plan, Unit, cite
from hoagiai.plan.progress import progress_of
from hoagiai.plan.sources import PlanData
from hoagiai.problems import Location, Text
from hoagiai.render import render, t
from hoagiai.site import LANGUAGES
from hoagiai.sitemap import SITE_MAP

PLAN = SITE_MAP["plan"]
FOLDER = PLAN.slug
AUDIENCE = PLAN.audience


@dataclass(frozen=True)
class PlanPage:
    key: str  # names its strings (plan.page.<key>.title) and its template (plan/<key>.md.j2)
    path: str
    order: int


def _placed(key: str, name: str) -> PlanPage:
    """A page placed in the section by the site map (`ke-hoach/<name>`)."""
    place = PLAN.page(name)
    return PlanPage(key, place.path, place.order)


OVERVIEW = PlanPage("overview", PLAN.index, PLAN.order)
DASHBOARD = _placed("dashboard", "tien-do")
TASKS = _placed("tasks", "nhiem-vu")
UNITS = _placed("units", "don-vi")
PAGES = (OVERVIEW, DASHBOARD, TASKS, UNITS)


@dataclass(frozen=True)
class Bullet:
    """One point of section II.2 with the indicators made from it (points 7 and 10 give two)."""

    number: int
    wording: Text
    indicators: tuple[Indicator, ...]


def bullets(plan: Plan) -> list[Bullet]:
    found: list[Bullet] = []
    for number in sorted({i.bullet for i in plan.indicators}):
        indicators = tuple(i for i in plan.indicators if i.bullet == number)
        wordings = list(dict.fromkeys(i.wording for i in indicators))  # 10a and 10b share one
        wording = Text(" ".join(w.vi for w in wordings), " ".join(w.en for w in wordings))
        found.append(Bullet(number, wording, indicators))
    return found


def units_in_order(plan: Plan) -> list[Unit]:
    """Named bodies first, in the plan's order; the catch-all groups last."""
    return sorted(plan.units, key=lambda unit: unit.generic)


def page_meta(page: PlanPage, lang: str) -> dict[str, Any]:
    return {
        "title": t(f"plan.page.{page.key}.title", lang),
        "description": t(f"plan.page.{page.key}.description", lang),
        "audience": AUDIENCE,
        "order": page.order,
        "styles": ["plan"],
    }


def page_context(data: PlanData, lang: str) -> dict[str, Any]:
    """Everything the four templates read, for one language."""
    fmt = Formatter(lang)
    plan = data.plan
    progress = progress_of(plan, data.values)
    charts = {}
    for item in progress:
        chart = bar_chart(item, plan.period.years, fmt)
        charts[item.indicator.id] = chart_svg(chart) if chart else None
    return {
        "lang": lang,
        "plan": plan,
        "fmt": fmt,
        "progress": progress,
        "reported_any": bool(data.values),
        "charts": charts,
        "timeline": timeline_svg(timeline(plan.period, plan.milestones(), fmt)),
        "bullets": bullets(plan),
        "units": units_in_order(plan),
    }


def plan_pages(data: PlanData) -> Iterator[GeneratedFile]:
    for lang in LANGUAGES:
        context = page_context(data, lang)
        for page in PAGES:
            body = render(f"plan/{page.key}.md.j2", **context)
            yield generated_page(page.path, lang, page_meta(page, lang), body)


def plan_citations(plan: Plan) -> list[CitationUse]:
    """Every `[[kehoach:…]]` the plan pages print: page, anchor and the YAML place behind it."""
    uses: list[CitationUse] = []

    def add(page: PlanPage, ref: str, where: Location, anchor: str, item: Text) -> None:
        title = _both(f"plan.page.{page.key}.title")
        label = Text(f"{title.vi}: {item.vi}", f"{title.en}: {item.en}")
        uses.append(CitationUse(ref, where, page.path, anchor, label))

    for section, anchor in ((plan.purpose, "i-1"), (plan.requirements, "i-2"),
                            (plan.general_goal, "ii-1"), (plan.scope, "iii"),
                            (plan.funding, "v")):
        add(OVERVIEW, section.cite, section.location, anchor, _section_label(section.locator))
    add(OVERVIEW, cite("II.2"), plan.targets_location, "ii-2", _section_label("II.2"))
    add(OVERVIEW, cite("III.2"), plan.period.location, "iii", _section_label("III.2"))
    for duty in plan.responsibilities:
        add(OVERVIEW, duty.cite, duty.location, duty.anchor, duty.heading)
    add(DASHBOARD, cite("II.2"), plan.targets_location, "", _section_label("II.2"))
    for indicator in plan.indicators:
        add(DASHBOARD, indicator.cite, indicator.location, indicator.id, indicator.label)
    for group in plan.groups:
        if group.tasks[0].letter:
            add(TASKS, group.cite, group.location, group.anchor, group.label)
        for task in group.tasks:
            add(TASKS, task.cite, task.location, task.anchor, _task_label(task.number))
    for unit in units_in_order(plan):
        for task in (*plan.led_by(unit.id), *plan.supported_by(unit.id)):
            add(UNITS, task.cite, task.location, unit.id, unit.name)
        for duty in plan.responsibilities_of(unit.id):
            add(UNITS, duty.cite, duty.location, f"{unit.id}-{duty.anchor}", unit.name)
    return uses


def _both(key: str, **values: object) -> Text:
    """An interface string in both languages."""
    return Text.each(lambda lang: t(key, lang, **values))


def _section_label(locator: str) -> Text:
    return _both("plan.cited.section", locator=locator)


def _task_label(number: str) -> Text:
    return _both("plan.cited.task", number=number)
