"""Reported figures (`materials/plan/so-lieu.yml`): one entry per indicator per year.

The schema checks the shape of each entry; this module checks what needs the
plan or the other entries, with messages a commune clerk can act on: a year
outside the plan period, an indicator the plan does not have, a figure with no
source, the same indicator and year twice, a figure written the wrong way for
its indicator, a rate above 100 %, a numerator above its denominator, a report
dated before the year it reports on.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from typing import Any

from hoagiai.plan.model import Indicator, Plan
from hoagiai.problems import Location, Problem, Text, did_you_mean, problem
from hoagiai.schema_messages import field_name
from hoagiai.yamlpos import YamlDocument

FIGURE_FIELDS = ("value", "numerator", "denominator", "achieved", "assessment")


@dataclass(frozen=True)
class Reported:
    """One reported figure: an indicator's value in one year, where it came from."""

    indicator: str
    year: int
    date: str
    source: str
    value: float | None = None  # a percentage for a rate, a number for a count
    numerator: int | None = None
    denominator: int | None = None
    achieved: bool | None = None
    assessment: Text | None = None
    note: Text | None = None
    location: Location = field(default=Location(""), compare=False)

    @property
    def number(self) -> float | None:
        """The figure as one number: the percentage of a rate, the count of a count."""
        if self.numerator is not None and self.denominator:
            return self.numerator / self.denominator * 100
        return self.value


# How each kind of indicator is reported: its name in a sentence, and what to write.
_KIND_ADVICE: dict[str, tuple[Text, Text]] = {
    "rate": (
        Text("một tỷ lệ", "a rate"),
        Text("ghi “value:” (phần trăm, ví dụ 85) hoặc cả “numerator:” (tử số) và “denominator:” "
             "(mẫu số), không ghi cả hai cách",
             "write “value:” (a percentage, e.g. 85) or both “numerator:” and “denominator:”, "
             "not both ways"),
    ),
    "count": (
        Text("một số đếm", "a count"),
        Text("ghi “value:” là một số nguyên, ví dụ “value: 2”",
             "write “value:” as a whole number, e.g. “value: 2”"),
    ),
    "yes-no": (
        Text("chỉ tiêu đạt/chưa đạt", "a yes/no target"),
        Text("ghi “achieved: true” (đã đạt) hoặc “achieved: false” (chưa đạt)",
             "write “achieved: true” (met) or “achieved: false” (not yet met)"),
    ),
    "qualitative": (
        Text("chỉ tiêu định tính", "a qualitative target"),
        Text("ghi nhận xét ở “assessment:” với hai dòng “vi:” và “en:”",
             "write the assessment under “assessment:” with both “vi:” and “en:” lines"),
    ),
}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class _Checker:
    """Checks every entry of one values document against the plan and against each other."""

    def __init__(self, document: YamlDocument, plan: Plan) -> None:
        self.document = document
        self.plan = plan
        self.problems: list[Problem] = []
        self.seen: dict[tuple[str, int], int] = {}

    def where(self, *path: str | int) -> tuple[Location, str]:
        json_path = ("values", *path)
        return self.document.location(json_path), f"{field_name(json_path)}: "

    def add(self, path: tuple[str | int, ...], what_vi: str, fix_vi: str, what_en: str,
            fix_en: str) -> None:
        location, name = self.where(*path)
        self.problems.append(problem(location, name + what_vi, fix_vi, name + what_en, fix_en))

    def entry(self, index: int, raw: dict[str, Any]) -> Reported | None:
        before = len(self.problems)
        indicator = self.indicator(index, raw.get("indicator"))
        year = raw.get("year")
        if _is_int(year):
            self.year(index, year)
        self.source(index, raw)
        if indicator is not None and _is_int(year):
            self.duplicate(index, indicator.id, year)
        if indicator is not None:
            self.figure(index, indicator, raw)
        if year in self.plan.period.years and isinstance(raw.get("date"), str):
            self.date(index, year, raw["date"])
        if len(self.problems) > before or indicator is None:
            return None
        return self.reported(index, raw)

    def indicator(self, index: int, indicator_id: Any) -> Indicator | None:
        if not isinstance(indicator_id, str):
            return None
        found = self.plan.indicator(indicator_id)
        if found is None:
            known = [i.id for i in self.plan.indicators]
            close = difflib.get_close_matches(indicator_id, known, n=1, cutoff=0.6)
            hint = did_you_mean(close[0] if close else "")
            self.add((index, "indicator"),
                     f"Kế hoạch không có chỉ tiêu “{indicator_id}”",
                     f"{hint.vi}các mã chỉ tiêu: {', '.join(known)}",
                     f"the plan has no indicator “{indicator_id}”",
                     f"{hint.en}indicator ids: {', '.join(known)}")
        return found

    def year(self, index: int, year: int) -> None:
        years = self.plan.period.years
        first, last = years[0], years[-1]
        if year not in years:
            self.add((index, "year"),
                     f"năm {year} nằm ngoài thời gian của Kế hoạch ({first}–{last})",
                     f"ghi năm mà số liệu nói tới, từ {first} đến {last}",
                     f"the year {year} is outside the plan period ({first}–{last})",
                     f"write the year the figure is about, from {first} to {last}")

    def source(self, index: int, raw: dict[str, Any]) -> None:
        source = raw.get("source")
        if isinstance(source, str) and source.strip():
            return
        self.add((index,),
                 f"số liệu của “{raw.get('indicator')}” năm {raw.get('year')} chưa ghi nguồn",
                 "thêm dòng “source: …” ghi số, ngày của báo cáo hoặc tên cuộc họp đưa ra con số "
                 "này, ví dụ “source: Báo cáo số …/BC-UBND ngày …”",
                 f"the figure for “{raw.get('indicator')}” in {raw.get('year')} has no source",
                 "add a line “source: …” naming the report (number and date) or the meeting "
                 "that gave this figure")

    def duplicate(self, index: int, indicator_id: str, year: int) -> None:
        key = (indicator_id, year)
        if key not in self.seen:
            self.seen[key] = index
            return
        line = self.document.location(("values", self.seen[key])).line
        self.add((index,),
                 f"chỉ tiêu “{indicator_id}” năm {year} đã có số liệu ở dòng {line}",
                 "mỗi chỉ tiêu chỉ có một số liệu cho mỗi năm: giữ một mục, xóa mục kia (nếu con "
                 "số được điều chỉnh, sửa ở mục cũ và ghi nguồn mới)",
                 f"the indicator “{indicator_id}” already has a figure for {year} on line {line}",
                 "each indicator has one figure per year: keep one entry and remove the other "
                 "(if the figure was revised, change the old entry and give the new source)")

    def figure(self, index: int, indicator: Indicator, raw: dict[str, Any]) -> None:
        if not _well_formed(indicator.kind, raw):
            kind, fix = _KIND_ADVICE[indicator.kind]
            self.add((index,),
                     f"chỉ tiêu “{indicator.id}” là {kind.vi} nhưng số liệu ghi chưa đúng cách",
                     fix.vi,
                     f"the indicator “{indicator.id}” is {kind.en}, but the figure is not "
                     "written the right way",
                     fix.en)
        elif indicator.kind == "rate":
            self.rate(index, indicator, raw)

    def rate(self, index: int, indicator: Indicator, raw: dict[str, Any]) -> None:
        value, top, bottom = raw.get("value"), raw.get("numerator"), raw.get("denominator")
        if _is_number(value) and value > 100:
            self.add((index, "value"),
                     f"tỷ lệ {value}% lớn hơn 100%",
                     "tỷ lệ ghi bằng phần trăm, từ 0 đến 100 (ví dụ 85 hoặc 85.5); nếu báo cáo "
                     "có số đếm, ghi “numerator:” và “denominator:” thay cho “value:”",
                     f"the rate {value}% is above 100%",
                     "write the rate as a percentage from 0 to 100 (e.g. 85 or 85.5); if the "
                     "report gives counts, write “numerator:” and “denominator:” instead")
        names = indicator.numerator, indicator.denominator
        if _is_int(top) and _is_int(bottom) and top > bottom and names[0] and names[1]:
            self.add((index, "numerator"),
                     f"tử số {top} lớn hơn mẫu số {bottom} "
                     f"({names[0].vi} không thể nhiều hơn {names[1].vi.lower()})",
                     "kiểm tra lại hai con số trong báo cáo; có thể đã ghi đảo ngược",
                     f"the numerator {top} is larger than the denominator {bottom} "
                     f"({names[0].en} cannot outnumber {names[1].en.lower()})",
                     "check both figures in the report; they may have been swapped")

    def date(self, index: int, year: int, date: str) -> None:
        try:
            written = dt.date.fromisoformat(date)
        except ValueError:
            return  # the schema already says the date is not valid
        if written.year < year:
            self.add((index, "date"),
                     f"ngày {date} ở trước năm {year} mà số liệu nói tới",
                     "ghi ngày của báo cáo hoặc cuộc họp đưa ra con số (trong hoặc sau năm đó), "
                     "hoặc sửa lại năm",
                     f"the date {date} is before the year {year} the figure is about",
                     "write the date of the report or meeting that gave the figure (in or after "
                     "that year), or correct the year")

    def reported(self, index: int, raw: dict[str, Any]) -> Reported:
        bilingual = {key: Text.of(raw[key])
                     for key in ("assessment", "note") if key in raw}
        plain = {key: raw[key] for key in ("value", "numerator", "denominator", "achieved")
                 if key in raw}
        # Only called for entries without problems; `get` keeps a schema error from crashing.
        return Reported(raw["indicator"], raw.get("year", 0), raw.get("date", ""),
                        raw["source"].strip(),
                        location=self.document.location(("values", index)),
                        **plain, **bilingual)


def _well_formed(kind: str, raw: dict[str, Any]) -> bool:
    """Whether the entry gives its figure in the one way its kind of indicator allows."""
    given = {key for key in FIGURE_FIELDS if key in raw}
    if kind == "rate":
        return given in ({"value"}, {"numerator", "denominator"})
    if kind == "count":
        return given == {"value"} and _is_int(raw["value"])
    if kind == "yes-no":
        return given == {"achieved"}
    return given == {"assessment"}


def read_values(document: YamlDocument, plan: Plan) -> tuple[tuple[Reported, ...], list[Problem]]:
    """Every valid reported figure, and the problems of the others (all of them at once)."""
    checker = _Checker(document, plan)
    entries = document.data.get("values") or []
    found = [checker.entry(i, raw) for i, raw in enumerate(entries) if isinstance(raw, dict)]
    return tuple(r for r in found if r is not None), checker.problems
