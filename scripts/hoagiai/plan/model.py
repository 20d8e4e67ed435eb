"""The commune plan as a typed model: sections, targets, tasks, units, phases.

Everything the plan says is kept as `Text` (Vietnamese verbatim, English an
unofficial translation); the structure around it (task letters, unit ids,
years, target values) is what lets the site answer questions such as "what
does Công an xã have to do?" or "how far is the 2030 target?". Locators follow
the plan's own numbering (`IV.4.b`, `II.2`, `VI.3`) and are what the site cites
as `kehoach:<locator>`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from hoagiai.problems import Location, Text

DOCUMENT_ID = "kehoach"
KINDS = ("rate", "count", "yes-no", "qualitative")
NUMERIC_KINDS = ("rate", "count")


def cite(locator: str) -> str:
    """The citation of a part of the plan: `kehoach:IV.4.b`."""
    return f"{DOCUMENT_ID}:{locator}"


def anchor_of(locator: str) -> str:
    """The HTML id used for a part of the plan on our pages: IV.4.b → iv-4-b."""
    return locator.lower().replace(".", "-")


class PlanPart:
    """A part the plan numbers: its anchor and citation follow from its `locator`."""

    locator: str  # a field or a property of each part

    @property
    def anchor(self) -> str:
        return anchor_of(self.locator)

    @property
    def cite(self) -> str:
        return cite(self.locator)


@dataclass(frozen=True)
class Item:
    """One point or paragraph of a section, with its list marker as in the original."""

    wording: Text
    marker: str = ""


@dataclass(frozen=True)
class Section(PlanPart):
    """A part of the plan that is just text: purpose (I.1), requirements (I.2), funding (V)..."""

    locator: str
    items: tuple[Item, ...]
    remarks: tuple[Text, ...] = ()
    location: Location = field(default=Location(""), compare=False)


@dataclass(frozen=True)
class Unit:
    """A body the plan gives work to, under one canonical id."""

    id: str
    name: Text
    generic: bool = False  # "các cơ quan, tổ chức có liên quan": a group, not one body


@dataclass(frozen=True)
class UnitRef:
    """Who leads or supports a task: the plan's words, and the canonical units they name."""

    wording: Text
    units: tuple[str, ...]


@dataclass(frozen=True)
class Milestone:
    year: int
    name: Text  # "Sơ kết" / "Mid-term review"
    wording: Text  # "Sơ kết: Năm 2026."


# What a task's timing means for one year (used by the yearly report).
DUE, NOT_DUE, PERIODIC, UNSTATED = "due", "not-due", "periodic", "unstated"


@dataclass(frozen=True)
class Timing:
    """When a task is to be done: every year, at least once every N years, or in given years."""

    rule: str  # annual | at-least-every | milestones
    wording: tuple[Text, ...]
    every_years: int | None = None
    milestones: tuple[Milestone, ...] = ()

    def status_in(self, year: int) -> str:
        if self.rule == "annual":
            return DUE
        if self.rule == "at-least-every":
            return PERIODIC
        return DUE if self.milestone_in(year) else NOT_DUE

    def milestone_in(self, year: int) -> Milestone | None:
        return next((m for m in self.milestones if m.year == year), None)


@dataclass(frozen=True)
class Task(PlanPart):
    """One task of section IV: group 1 is a task by itself, the others have letters a, b, c."""

    group: int
    letter: str
    wording: Text
    lead: UnitRef
    partners: UnitRef
    timing: Timing | None
    remarks: tuple[Text, ...] = ()
    location: Location = field(default=Location(""), compare=False)

    @property
    def locator(self) -> str:
        return f"IV.{self.group}.{self.letter}" if self.letter else f"IV.{self.group}"

    @property
    def number(self) -> str:
        """How the plan numbers it: "2.a" reads "2a" in our tables, group 1 is "1"."""
        return f"{self.group}{self.letter}"

    def status_in(self, year: int) -> str:
        return self.timing.status_in(year) if self.timing else UNSTATED


@dataclass(frozen=True)
class TaskGroup:
    number: int
    label: Text  # our short name, for contents lists
    wording: Text
    tasks: tuple[Task, ...]
    remarks: tuple[Text, ...] = ()
    location: Location = field(default=Location(""), compare=False)

    @property
    def anchor(self) -> str:
        return f"nhom-{self.number}"

    @property
    def cite(self) -> str:
        return cite(f"IV.{self.number}")


@dataclass(frozen=True)
class Indicator:
    """A target of section II.2 as something that can be measured each year."""

    id: str
    bullet: int  # which point of II.2 it comes from
    kind: str  # one of KINDS
    label: Text
    wording: Text
    counted: Text
    numerator: Text | None = None
    denominator: Text | None = None
    unit: Text | None = None
    target: float | None = None  # a minimum: percent for a rate, a number for a count
    deadline: int | None = None  # only where the plan names a year
    location: Location = field(default=Location(""), compare=False)

    @property
    def is_numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS

    @property
    def cite(self) -> str:
        return cite("II.2")


@dataclass(frozen=True)
class Phase:
    number: int
    name: Text
    dates: Text
    content: Text
    start: dt.date
    end_year: int

    @property
    def end(self) -> dt.date:
        return dt.date(self.end_year, 12, 31)


@dataclass(frozen=True)
class Period:
    wording: Text
    start: dt.date
    end_year: int
    phases: tuple[Phase, ...]
    location: Location = field(default=Location(""), compare=False)

    @property
    def years(self) -> range:
        return range(self.start.year, self.end_year + 1)

    def phase_in(self, year: int) -> Phase | None:
        return next((p for p in self.phases if p.start.year <= year <= p.end_year), None)


@dataclass(frozen=True)
class Responsibility(PlanPart):
    """What section VI asks of one unit (or, for VI.7, of two)."""

    number: int
    heading: Text
    units: tuple[str, ...]
    paragraphs: tuple[Text, ...]
    location: Location = field(default=Location(""), compare=False)

    @property
    def locator(self) -> str:
        return f"VI.{self.number}"


@dataclass(frozen=True)
class Plan:
    title: Text
    number: Text
    issuer: Text
    basis: Text
    remarks: tuple[Text, ...]  # on the document as a whole
    purpose: Section
    requirements: Section
    general_goal: Section
    indicators: tuple[Indicator, ...]
    target_remarks: tuple[Text, ...]
    scope: Section
    period: Period
    groups: tuple[TaskGroup, ...]
    funding: Section
    units: tuple[Unit, ...]
    responsibilities: tuple[Responsibility, ...]
    targets_location: Location = field(default=Location(""), compare=False)

    @property
    def tasks(self) -> tuple[Task, ...]:
        return tuple(task for group in self.groups for task in group.tasks)

    def unit(self, unit_id: str) -> Unit:
        return next(unit for unit in self.units if unit.id == unit_id)

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def led_by(self, unit_id: str) -> tuple[Task, ...]:
        return tuple(task for task in self.tasks if unit_id in task.lead.units)

    def supported_by(self, unit_id: str) -> tuple[Task, ...]:
        return tuple(task for task in self.tasks if unit_id in task.partners.units)

    def responsibilities_of(self, unit_id: str) -> tuple[Responsibility, ...]:
        return tuple(r for r in self.responsibilities if unit_id in r.units)

    def milestones(self) -> tuple[Milestone, ...]:
        """Every dated milestone of the tasks (the reviews of 2026 and 2030), by year."""
        found = {m for task in self.tasks if task.timing for m in task.timing.milestones}
        return tuple(sorted(found, key=lambda m: m.year))

    def verbatim(self) -> Iterator[tuple[str, Text]]:
        """Every text quoted from the plan, with the locator it comes from (for fidelity checks)."""
        yield "title", self.title
        yield "basis", self.basis
        for section in (self.purpose, self.requirements, self.general_goal, self.scope,
                        self.funding):
            for item in section.items:
                yield section.locator, item.wording
        for indicator in self.indicators:
            yield "II.2", indicator.wording
        yield "III.2", self.period.wording
        for phase in self.period.phases:
            yield "III.2", phase.name
            yield "III.2", phase.dates
            yield "III.2", phase.content
        for group in self.groups:
            yield f"IV.{group.number}", group.wording
            for task in group.tasks:
                yield task.locator, task.wording
                yield task.locator, task.lead.wording
                yield task.locator, task.partners.wording
                for line in task.timing.wording if task.timing else ():
                    yield task.locator, line
        for responsibility in self.responsibilities:
            yield responsibility.locator, responsibility.heading
            for paragraph in responsibility.paragraphs:
                yield responsibility.locator, paragraph
