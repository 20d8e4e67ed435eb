"""The yearly review report: every indicator and every task for one year.

`hoagiai report --year 2026` writes it as Markdown (to edit), HTML (to read or
print) and PDF (to hand out) — the draft the commune office completes for its
mid-term review (sơ kết 2026) and final review (tổng kết 2030), or for any
other year. Plain functions; `commands/report.py` only wires them to the CLI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from hoagiai.language import DEFAULT_LANGUAGE
from hoagiai.plan.formatting import Formatter
from hoagiai.plan.model import Milestone, Phase, Plan, Task
from hoagiai.plan.progress import Progress, progress_of
from hoagiai.plan.sources import PlanData
from hoagiai.printing.document import A4_LANDSCAPE, Document
from hoagiai.printing.markdown import to_html
from hoagiai.printing.pdf import PdfMaker
from hoagiai.render import render
from hoagiai.urls import language_suffix

# The report's Markdown is meant to be edited by hand, so it escapes only what could change
# the meaning inside a sentence or a table cell (the site's `md` filter escapes more).
_REPORT_SPECIAL = re.compile(r"([\\`*_\[\]|<>])")


def report_text(value: object) -> Markup:
    """Text from the plan or the figures, safe in the report's Markdown and readable there."""
    return Markup(_REPORT_SPECIAL.sub(r"\\\1", str(value)))


@dataclass(frozen=True)
class TaskInYear:
    """A task and what its timing asks of this year (due, not due, periodic, unstated)."""

    task: Task
    status: str


@dataclass(frozen=True)
class YearReport:
    plan: Plan
    year: int
    phase: Phase | None
    milestone: Milestone | None  # the review held this year, if any (task 7a)
    progress: tuple[Progress, ...]
    tasks: tuple[TaskInYear, ...]

    def reported(self) -> list[Progress]:
        return [p for p in self.progress if p.in_year(self.year)]

    def missing(self) -> list[Progress]:
        return [p for p in self.progress if not p.in_year(self.year)]

    def reached(self) -> list[Progress]:
        return [p for p in self.reported() if p.reached(p.in_year(self.year)) is True]


def year_report(data: PlanData, year: int) -> YearReport:
    plan = data.plan
    milestone = next((m for m in plan.milestones() if m.year == year), None)
    return YearReport(
        plan=plan,
        year=year,
        phase=plan.period.phase_in(year),
        milestone=milestone,
        progress=progress_of(plan, data.values),
        tasks=tuple(TaskInYear(task, task.status_in(year)) for task in plan.tasks),
    )


def report_markdown(report: YearReport, lang: str) -> str:
    return render("plan/report.md.j2", lang=lang, report=report, plan=report.plan,
                  fmt=Formatter(lang), title=report_title(report, lang), text=report_text)


def report_title(report: YearReport, lang: str) -> str:
    fmt = Formatter(lang)
    if report.milestone is not None:
        return fmt.t("report.title_review", review=report.milestone.name[lang].lower(),
                     year=report.year)
    return fmt.t("report.title_year", year=report.year)


def report_html(report: YearReport, lang: str, markdown_text: str) -> str:
    """A standalone, printable page: the Markdown converted, with its own print styles."""
    document = Document(lang, report_title(report, lang),
                        Markup(to_html(markdown_text, "report")),
                        (A4_LANDSCAPE, "plan/report.css"))
    return document.html("plan/report.html.j2")


def write_report(data: PlanData, year: int, out: Path, maker: PdfMaker,
                 lang: str = DEFAULT_LANGUAGE) -> list[Path]:
    """Write the report for `year` as .md, .html and .pdf (made by `maker`) into `out`;
    return the files."""
    report = year_report(data, year)
    text = report_markdown(report, lang)
    html = report_html(report, lang, text)
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"bao-cao-ke-hoach-{year}{language_suffix(lang)}"
    written = [stem.with_name(stem.name + ext) for ext in (".md", ".html", ".pdf")]
    written[0].write_text(text, encoding="utf-8")
    written[1].write_text(html, encoding="utf-8")
    written[2].write_bytes(maker.pdf(stem.name, html))
    return written
