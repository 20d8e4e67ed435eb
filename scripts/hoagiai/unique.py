"""Values that must be unique in a YAML list (ids, terms), reported at the second use."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from hoagiai.problems import Problem, problem
from hoagiai.yamlpos import JsonPath, YamlDocument


def same_text(value: Any) -> str:
    """How two spellings are compared: NFC, lowercase, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", str(value)).lower().split())


def duplicates(document: YamlDocument, items: JsonPath, field: JsonPath, name_vi: str,
               name_en: str, key: Callable[[Any], str] = str) -> list[Problem]:
    """A problem for each item of the list at `items` whose `field` repeats an earlier one."""
    seen: dict[str, int] = {}
    found: list[Problem] = []
    data: Any = document.data
    for step in items:
        data = data[step]
    for index, item in enumerate(data):
        value: Any = item
        for step in field:
            value = value.get(step) if isinstance(value, dict) else None
        if value is None:
            continue
        where = document.location((*items, index, *field))
        first = seen.setdefault(key(value), where.line)
        if first != where.line:
            found.append(problem(
                where,
                f"{name_vi} “{value}” đã có ở dòng {first}",
                f"mỗi {name_vi} chỉ viết một lần: gộp hai mục lại, hoặc đổi một trong hai",
                f"the {name_en} “{value}” is already used on line {first}",
                f"write each {name_en} once: merge the two entries, or change one of them",
            ))
    return found
