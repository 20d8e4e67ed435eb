"""Read `materials/plan/ke-hoach.yml` (already schema-valid) into the `Plan` model.

The schema guarantees the shape; this module turns it into dataclasses, keeps
where each cited part is written (for citation messages), and checks what a
schema cannot: every unit a task or responsibility names exists, and ids are
not used twice.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from typing import Any

from hoagiai.plan.model import (
    Indicator,
    Item,
    Milestone,
    Period,
    Phase,
    Plan,
    Responsibility,
    Section,
    Task,
    TaskGroup,
    Timing,
    Unit,
    UnitRef,
)
from hoagiai.problems import Problem, Text, did_you_mean, problem
from hoagiai.schema_messages import field_name
from hoagiai.yamlpos import JsonPath, YamlDocument


def text(data: dict[str, str]) -> Text:
    return Text.of(data)


def texts(items: Iterable[dict[str, str]] | None) -> tuple[Text, ...]:
    return tuple(text(item) for item in items or ())


def start_date(value: int | str) -> dt.date:
    """A phase or period start: a full date where the plan gives one, else 1 January."""
    return dt.date(value, 1, 1) if isinstance(value, int) else dt.date.fromisoformat(value)


class _Reader:
    """Builds the model from one document, remembering positions for locations."""

    def __init__(self, document: YamlDocument) -> None:
        self.document = document
        self.data: dict[str, Any] = document.data

    def section(self, key: str, locator: str, items: list[Item]) -> Section:
        return Section(locator, tuple(items), texts(self.data[key].get("remarks")),
                       self.document.location((key,)))

    def plan(self) -> Plan:
        data = self.data
        doc = data["document"]
        return Plan(
            title=text(doc["title"]),
            number=text(doc["number"]),
            issuer=text(doc["issuer"]),
            basis=text(doc["basis"]),
            remarks=texts(doc.get("remarks")),
            purpose=self.section("purpose", "I.1",
                                 [Item(text(i), "-") for i in data["purpose"]["items"]]),
            requirements=self.section(
                "requirements", "I.2",
                [Item(text(i["wording"]), i["marker"]) for i in data["requirements"]["items"]]),
            general_goal=self.section("general_goal", "II.1",
                                      [Item(text(data["general_goal"]["wording"]))]),
            indicators=tuple(self.indicator(i, raw)
                             for i, raw in enumerate(data["targets"]["indicators"])),
            target_remarks=texts(data["targets"].get("remarks")),
            scope=self.section("scope", "III.1", [Item(text(data["scope"]["wording"]))]),
            period=self.period(data["period"]),
            groups=tuple(self.group(i, raw) for i, raw in enumerate(data["task_groups"])),
            funding=self.section("funding", "V",
                                 [Item(text(p)) for p in data["funding"]["paragraphs"]]),
            units=tuple(Unit(u["id"], text(u["name"]), u.get("generic", False))
                        for u in data["units"]),
            responsibilities=tuple(
                Responsibility(r["number"], text(r["heading"]), tuple(r["units"]),
                               texts(r["paragraphs"]),
                               self.document.location(("responsibilities", i)))
                for i, r in enumerate(data["responsibilities"])),
            targets_location=self.document.location(("targets",)),
        )

    def indicator(self, index: int, raw: dict[str, Any]) -> Indicator:
        optional = {key: text(raw[key]) for key in ("numerator", "denominator", "unit")
                    if key in raw}
        return Indicator(
            id=raw["id"], bullet=raw["bullet"], kind=raw["kind"], label=text(raw["label"]),
            wording=text(raw["wording"]), counted=text(raw["counted"]),
            target=raw.get("target"), deadline=raw.get("deadline"),
            location=self.document.location(("targets", "indicators", index)), **optional,
        )

    def period(self, raw: dict[str, Any]) -> Period:
        phases = tuple(
            Phase(p["number"], text(p["name"]), text(p["dates"]), text(p["content"]),
                  start_date(p["start"]), p["end"])
            for p in raw["phases"])
        return Period(text(raw["wording"]), start_date(raw["start"]), raw["end"], phases,
                      self.document.location(("period",)))

    def group(self, index: int, raw: dict[str, Any]) -> TaskGroup:
        path: JsonPath = ("task_groups", index)
        if "tasks" in raw:
            tasks = tuple(self.task(raw["number"], (*path, "tasks", i), t)
                          for i, t in enumerate(raw["tasks"]))
        else:
            tasks = (self.task(raw["number"], path, {**raw, "letter": ""}),)
        return TaskGroup(raw["number"], text(raw["label"]), text(raw["wording"]), tasks,
                         texts(raw.get("remarks")), self.document.location(path))

    def task(self, group: int, path: JsonPath, raw: dict[str, Any]) -> Task:
        return Task(
            group=group, letter=raw["letter"], wording=text(raw["wording"]),
            lead=unit_ref(raw["lead"]), partners=unit_ref(raw["partners"]),
            timing=timing(raw["timing"]) if "timing" in raw else None,
            remarks=texts(raw.get("remarks")), location=self.document.location(path),
        )


def unit_ref(raw: dict[str, Any]) -> UnitRef:
    return UnitRef(text(raw["wording"]), tuple(raw["units"]))


def timing(raw: dict[str, Any]) -> Timing:
    milestones = tuple(Milestone(m["year"], text(m["name"]), text(m["wording"]))
                       for m in raw.get("milestones", ()))
    wording = (text(raw["wording"]),) if "wording" in raw else tuple(m.wording for m in milestones)
    return Timing(raw["rule"], wording, raw.get("every_years"), milestones)


def read_plan(document: YamlDocument) -> tuple[Plan | None, list[Problem]]:
    """The plan model, or None with the problems that prevent building it."""
    problems = check_references(document)
    if problems:
        return None, problems
    return _Reader(document).plan(), []


def check_references(document: YamlDocument) -> list[Problem]:
    """Unit ids that do not exist; unit, indicator and group ids written twice."""
    data = document.data
    problems = _duplicates(document, "units", "id")
    problems += _duplicates(document, ("targets", "indicators"), "id")
    problems += _duplicates(document, "task_groups", "number")
    known = [unit["id"] for unit in data["units"]]
    for path, unit_id in _unit_mentions(data):
        if unit_id not in known:
            problems.append(_unknown_unit(document, path, unit_id, known))
    return problems


def _unit_mentions(data: dict[str, Any]) -> Iterable[tuple[JsonPath, str]]:
    for g, group in enumerate(data["task_groups"]):
        holders: list[tuple[JsonPath, dict]] = [(("task_groups", g), group)]
        holders += [(("task_groups", g, "tasks", t), task)
                    for t, task in enumerate(group.get("tasks", ()))]
        for path, holder in holders:
            for role in ("lead", "partners"):
                for u, unit_id in enumerate(holder.get(role, {}).get("units", ())):
                    yield (*path, role, "units", u), unit_id
    for r, responsibility in enumerate(data["responsibilities"]):
        for u, unit_id in enumerate(responsibility["units"]):
            yield ("responsibilities", r, "units", u), unit_id


def _duplicates(document: YamlDocument, where: str | tuple[str, ...], key: str) -> list[Problem]:
    path: JsonPath = (where,) if isinstance(where, str) else where
    items: Any = document.data
    for part in path:
        items = items[part]
    seen: dict[Any, int] = {}
    problems = []
    for index, item in enumerate(items):
        value = item[key]
        if value in seen:
            first = document.location((*path, seen[value], key)).line
            name = field_name((*path, index, key))
            problems.append(problem(
                document.location((*path, index, key)),
                f"{name}: “{value}” đã dùng ở dòng {first}",
                "mỗi mục cần một mã riêng: đổi mã này hoặc xóa mục trùng",
                f"{name}: “{value}” is already used on line {first}",
                "each item needs its own id: change this one or remove the repeated item",
            ))
        else:
            seen[value] = index
    return problems


def _unknown_unit(document: YamlDocument, path: JsonPath, unit_id: str,
                  known: list[str]) -> Problem:
    close = difflib.get_close_matches(unit_id, known, n=1, cutoff=0.6)
    hint = did_you_mean(close[0] if close else "")
    listed = ", ".join(known)
    name = field_name(path)
    return problem(
        document.location(path),
        f"{name}: không có đơn vị mã “{unit_id}” trong danh sách units",
        f"{hint.vi}các mã đơn vị: {listed}",
        f"{name}: there is no unit “{unit_id}” in the units list",
        f"{hint.en}unit ids: {listed}",
    )
