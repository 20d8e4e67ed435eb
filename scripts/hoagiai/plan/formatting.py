"""How the plan's figures read in each language: numbers, targets, gaps, deadlines.

Vietnamese writes a decimal comma (85,5%), English a decimal point (85.5%);
percentages keep the plan's own style, with no space before “%”.
"""

from __future__ import annotations

from hoagiai.plan.model import Indicator, Task
from hoagiai.plan.progress import Progress
from hoagiai.plan.values import Reported
from hoagiai.render import t


def number(value: float, lang: str) -> str:
    """At most one decimal, trailing zero dropped, in the language's decimal style."""
    rounded = round(value, 1)
    text = str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"
    return text.replace(".", ",") if lang == "vi" else text


class Formatter:
    """Every phrase the plan pages and the report build from numbers, in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def t(self, key: str, **values: object) -> str:
        return t(f"plan.{key}", self.lang, **values)

    def number(self, value: float) -> str:
        return number(value, self.lang)

    def percent(self, value: float) -> str:
        return f"{self.number(value)}%"

    def date(self, iso: str) -> str:
        """A report date: 15/12/2026 in Vietnamese, ISO 2026-12-15 (unambiguous) in English."""
        if self.lang != "vi":
            return iso
        year, month, day = iso.split("-")
        return f"{day}/{month}/{year}"

    def amount(self, indicator: Indicator, value: float) -> str:
        """A value in the indicator's own terms: “85%” or “2 tập huấn viên”."""
        if indicator.kind == "rate":
            return self.percent(value)
        unit = indicator.unit
        return f"{self.number(value)} {unit[self.lang]}" if unit else self.number(value)

    def target(self, indicator: Indicator) -> str:
        """The target as the plan sets it: “từ 90% trở lên”, “100%”, “tối thiểu 1 …”, “Đạt”."""
        if indicator.kind in ("qualitative", "yes-no") or indicator.target is None:
            return self.t(f"target.{indicator.kind}")
        amount = self.amount(indicator, indicator.target)
        if indicator.kind == "rate":
            return amount if indicator.target == 100 else self.t("target.rate", amount=amount)
        return self.t("target.count", amount=amount)

    def deadline(self, indicator: Indicator) -> str:
        if indicator.deadline is None:
            return self.t("deadline.none")
        return self.t("deadline.year", year=indicator.deadline)

    def figure(self, indicator: Indicator, reported: Reported) -> str:
        """The reported figure as it reads in a table cell."""
        if indicator.kind == "yes-no":
            return self.t("status.met" if reported.achieved else "status.not_met")
        if indicator.kind == "qualitative":
            return reported.assessment[self.lang] if reported.assessment else ""
        assert reported.number is not None  # validation guarantees a number for these kinds
        text = self.amount(indicator, reported.number)
        if reported.numerator is not None and reported.denominator is not None:
            text += f" ({reported.numerator}/{reported.denominator})"
        return text

    def gap(self, progress: Progress, reported: Reported | None = None) -> str:
        """How far the target is: “Còn thiếu 5 điểm phần trăm”, “Đã đạt mục tiêu”..."""
        figure = reported or progress.latest
        indicator = progress.indicator
        if figure is None:
            return self.t("no_data")
        if indicator.kind == "qualitative":
            return self.t("gap.qualitative")
        if progress.reached(figure):
            return self.t("gap.reached")
        if indicator.kind == "yes-no":
            return self.t("gap.not_met")
        gap = progress.gap(figure) or 0.0
        if indicator.kind == "rate":
            return self.t("gap.points", points=self.number(gap))
        return self.t("gap.short", amount=self.amount(indicator, gap))

    def timing(self, task: Task) -> list[str]:
        """The task's timing as the plan words it (one line per milestone)."""
        if task.timing is None:
            return [self.t("timing.unstated")]
        return [line[self.lang] for line in task.timing.wording]
