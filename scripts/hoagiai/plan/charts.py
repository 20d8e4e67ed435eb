"""Small SVG pictures made at build time: a bar chart per target, a timeline of the phases.

Geometry is computed here, in plain numbers a test can check; the templates
`plan/chart.svg.j2` and `plan/timeline.svg.j2` only draw it. No chart library
runs in the browser. Every picture carries a title and a description that say
in words what it shows (`role="img"` with `aria-labelledby`), and the pages also
give its data as a table.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from markupsafe import Markup

from hoagiai.plan.formatting import Formatter
from hoagiai.plan.model import Milestone, Period
from hoagiai.plan.progress import Progress
from hoagiai.render import render

# The drawing area of a bar chart, in SVG user units (scaled to the page width).
CHART_WIDTH, CHART_HEIGHT = 320, 200
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM = 44, 312, 40, 164
BAR_SHARE = 0.72  # of each year's slot
LABEL_INSIDE_MIN = 20  # a bar this tall has room for its label inside

TIMELINE_WIDTH, TIMELINE_HEIGHT = 320, 112
LINE_LEFT, LINE_RIGHT = 8, 312
CHAR_WIDTH = 6.2  # rough width of one character at the 11-unit font size, to keep labels inside


@dataclass(frozen=True)
class Bar:
    year: int
    value: float
    x: float
    y: float
    width: float
    height: float
    label: str

    @property
    def centre(self) -> float:
        return round(self.x + self.width / 2, 2)

    @property
    def label_inside(self) -> bool:
        """Tall bars carry their value inside, so it cannot collide with the target line."""
        return self.height >= LABEL_INSIDE_MIN

    @property
    def label_y(self) -> float:
        return round(self.y + 14 if self.label_inside else self.y - 4, 2)


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    bars: tuple[Bar, ...]
    years: tuple[Tick, ...]  # x position of each year's centre
    levels: tuple[Tick, ...]  # y position of each labelled level
    target_y: float
    target_label: str
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT
    left: int = PLOT_LEFT
    right: int = PLOT_RIGHT
    top: int = PLOT_TOP
    bottom: int = PLOT_BOTTOM


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50… that is at least `value` (an axis maximum)."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    return next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= value)


def y_of(value: float, top_value: float) -> float:
    return PLOT_BOTTOM - value / top_value * (PLOT_BOTTOM - PLOT_TOP)


def bar_chart(progress: Progress, years: range, fmt: Formatter) -> BarChart | None:
    """The chart of a numeric target's history, or None when there is nothing to draw."""
    indicator = progress.indicator
    figures = [(r.year, r.number) for r in progress.history if r.number is not None]
    if not indicator.is_numeric or not figures or indicator.target is None:
        return None
    top_value = 100.0 if indicator.kind == "rate" else nice_ceiling(
        max([indicator.target, *(value for _, value in figures)]))
    slot = (PLOT_RIGHT - PLOT_LEFT) / len(years)
    width = slot * BAR_SHARE
    bars = []
    for year, value in figures:
        x = PLOT_LEFT + years.index(year) * slot + (slot - width) / 2
        y = y_of(value, top_value)
        short = fmt.percent(value) if indicator.kind == "rate" else fmt.number(value)
        bars.append(Bar(year, value, round(x, 2), round(y, 2), round(width, 2),
                        round(PLOT_BOTTOM - y, 2), short))
    label = getattr(indicator.label, fmt.lang)
    target = fmt.target(indicator)
    told = "; ".join(f"{bar.year}: {fmt.amount(indicator, bar.value)}" for bar in bars)
    return BarChart(
        id=f"bieu-do-{indicator.id}",
        title=fmt.t("chart.title", label=label),
        description=fmt.t("chart.description", figures=told, target=target,
                          deadline=fmt.deadline(indicator)),
        bars=tuple(bars),
        years=tuple(Tick(round(PLOT_LEFT + (i + 0.5) * slot, 2), str(year))
                    for i, year in enumerate(years)),
        levels=tuple(Tick(round(y_of(v, top_value), 2),
                          fmt.percent(v) if indicator.kind == "rate" else fmt.number(v))
                     for v in (0, top_value)),
        target_y=round(y_of(indicator.target, top_value), 2),
        target_label=fmt.t("chart.target", target=target),
    )


@dataclass(frozen=True)
class Span:
    """A phase drawn as a bar from its start date to the end of its last year."""

    label: str
    x: float
    width: float
    fill: str


@dataclass(frozen=True)
class Mark:
    """A milestone (the reviews) drawn as a diamond in the middle of its year."""

    label: str
    x: float
    label_x: float


@dataclass(frozen=True)
class Timeline:
    title: str
    description: str
    spans: tuple[Span, ...]
    marks: tuple[Mark, ...]
    years: tuple[Tick, ...]  # centre of each year, for its label
    borders: tuple[float, ...]  # where each year starts
    width: int = TIMELINE_WIDTH
    height: int = TIMELINE_HEIGHT


PHASE_FILLS = ("#1b4f8a", "#8b1a1a")  # the site's blue and red; white text on both ≥ 7:1


def timeline(period: Period, milestones: tuple[Milestone, ...], fmt: Formatter) -> Timeline:
    first, last = period.years[0], period.years[-1]
    origin, finish = dt.date(first, 1, 1), dt.date(last + 1, 1, 1)
    scale = (LINE_RIGHT - LINE_LEFT) / (finish - origin).days

    def x_of(day: dt.date) -> float:
        return round(LINE_LEFT + (day - origin).days * scale, 2)

    spans = tuple(
        Span(getattr(p.name, fmt.lang), x_of(p.start),
             round(x_of(p.end + dt.timedelta(days=1)) - x_of(p.start), 2),
             PHASE_FILLS[i % len(PHASE_FILLS)])
        for i, p in enumerate(period.phases))
    marks = []
    for milestone in milestones:
        x = x_of(dt.date(milestone.year, 7, 2))  # the middle of the year
        label = f"{getattr(milestone.name, fmt.lang)} {milestone.year}"
        half = len(label) * CHAR_WIDTH / 2
        marks.append(Mark(label, x, round(min(max(x, LINE_LEFT + half), LINE_RIGHT - half), 2)))
    told = " ".join(
        fmt.t("timeline.phase", name=getattr(p.name, fmt.lang), dates=getattr(p.dates, fmt.lang))
        for p in period.phases)
    told += " " + " ".join(fmt.t("timeline.milestone", name=getattr(m.name, fmt.lang),
                                 year=m.year) for m in milestones)
    return Timeline(
        title=fmt.t("timeline.title", first=first, last=last),
        description=told.strip(),
        spans=spans,
        marks=tuple(marks),
        years=tuple(Tick(x_of(dt.date(year, 7, 2)), str(year)) for year in period.years),
        borders=tuple(x_of(dt.date(year, 1, 1)) for year in [*period.years, last + 1]),
    )


def chart_svg(chart: BarChart) -> Markup:
    """The chart as inline SVG markup (escaped by its own template)."""
    return Markup(render("plan/chart.svg.j2", chart=chart).strip())


def timeline_svg(picture: Timeline) -> Markup:
    return Markup(render("plan/timeline.svg.j2", timeline=picture).strip())
