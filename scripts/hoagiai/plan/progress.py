"""Where each target stands: its reported history, latest figure and gap to the target."""

from __future__ import annotations

from dataclasses import dataclass

from hoagiai.plan.model import Indicator, Plan
from hoagiai.plan.values import Reported


@dataclass(frozen=True)
class Progress:
    """One indicator with the figures reported for it, oldest first."""

    indicator: Indicator
    history: tuple[Reported, ...]

    @property
    def latest(self) -> Reported | None:
        return self.history[-1] if self.history else None

    def in_year(self, year: int) -> Reported | None:
        return next((r for r in self.history if r.year == year), None)

    def before(self, year: int) -> Reported | None:
        """The latest figure of an earlier year, to compare a year with."""
        earlier = [r for r in self.history if r.year < year]
        return earlier[-1] if earlier else None

    def gap(self, reported: Reported | None = None) -> float | None:
        """How far a numeric figure is below the target (0 once reached); None if unknown."""
        figure = reported or self.latest
        target = self.indicator.target
        if figure is None or figure.number is None or target is None:
            return None
        return max(target - figure.number, 0.0)

    def reached(self, reported: Reported | None = None) -> bool | None:
        """Whether the target is met by this figure (the latest by default); None if unknown."""
        figure = reported or self.latest
        if figure is None or self.indicator.kind == "qualitative":
            return None
        if self.indicator.kind == "yes-no":
            return figure.achieved
        return self.gap(figure) == 0


def progress_of(plan: Plan, values: tuple[Reported, ...]) -> tuple[Progress, ...]:
    """Every indicator of the plan, in the plan's order, with its figures by year."""
    return tuple(
        Progress(indicator, tuple(sorted((v for v in values if v.indicator == indicator.id),
                                         key=lambda v: v.year)))
        for indicator in plan.indicators
    )
