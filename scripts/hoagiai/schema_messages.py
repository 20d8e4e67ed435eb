"""Plain-language explanations of JSON Schema errors, one small function per rule.

Each explainer returns an `Explanation`: what is wrong, how to fix it (both in
Vietnamese and English) and, for errors about a field name, the key to point at.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from jsonschema import ValidationError

from hoagiai.problems import Text, did_you_mean
from hoagiai.yamlpos import JsonPath

_TYPE_NAMES: dict[str, Text] = {
    "string": Text("một đoạn chữ", "text"),
    "integer": Text("một số nguyên", "a whole number"),
    "number": Text("một số", "a number"),
    "boolean": Text("true hoặc false", "true or false"),
    "array": Text("một danh sách (các dòng bắt đầu bằng “- ”)",
                  "a list (lines starting with “- ”)"),
    "object": Text("một nhóm trường (tên: giá trị)", "a group of fields (name: value)"),
    "null": Text("để trống", "empty"),
}

KnownProperties = Callable[[dict], list[str]]


@dataclass(frozen=True)
class Explanation:
    what: Text
    fix: Text
    key: str = ""


@dataclass(frozen=True)
class Subject:
    """The error and how to name its field in a sentence."""

    error: ValidationError
    name: str  # "questions[3].prompt" or "(root)"
    where: str  # "questions[3].prompt: " or "" at the root
    known: KnownProperties


def field_name(json_path: JsonPath) -> str:
    """`questions[3].prompt.vi`: how a path into the data reads in a message."""
    text = ""
    for part in json_path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _type_name(type_: Any) -> Text:
    types = type_ if isinstance(type_, list) else [type_]
    names = [_TYPE_NAMES.get(t, Text(t, t)) for t in types]
    return Text(" hoặc ".join(n.vi for n in names), " or ".join(n.en for n in names))


def _actual_type(value: Any) -> Text:
    for name, python_type in (
        ("boolean", bool), ("integer", int), ("number", float), ("string", str),
        ("array", list), ("object", dict),
    ):
        if isinstance(value, python_type):
            return _TYPE_NAMES[name]
    return _TYPE_NAMES["null"]


def _suggest(value: Any, choices: Iterable[Any]) -> str:
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1, cutoff=0.6)
    return close[0] if close else ""


def _required(s: Subject) -> Explanation:
    missing = next((r for r in s.error.validator_value if r not in (s.error.instance or {})), "?")
    return Explanation(
        Text(f"{s.where}thiếu trường bắt buộc “{missing}”",
             f"{s.where}the required field “{missing}” is missing"),
        Text(f"thêm dòng “{missing}: …” vào mục này", f"add a line “{missing}: …” here"),
    )


def _unknown_field(s: Subject) -> Explanation:
    allowed = s.known(s.error.schema)
    value = s.error.instance
    extra = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
    key = extra[0] if extra else ""
    hint = did_you_mean(_suggest(key, allowed))
    return Explanation(
        Text(f"{s.where}trường “{key}” không dùng được ở đây",
             f"{s.where}the field “{key}” is not allowed here"),
        Text(f"{hint.vi}các trường dùng được: {', '.join(allowed)}",
             f"{hint.en}allowed fields: {', '.join(allowed)}"),
        key,
    )


def _wrong_type(s: Subject) -> Explanation:
    want = _type_name(s.error.validator_value)
    got = _actual_type(s.error.instance)
    return Explanation(
        Text(f"{s.name} phải là {want.vi}, nhưng đang là {got.vi}",
             f"{s.name} must be {want.en}, but it is {got.en}"),
        Text(f"sửa lại thành {want.vi}", f"change it to {want.en}"),
    )


def _not_a_choice(s: Subject) -> Explanation:
    value = s.error.instance
    choices = s.error.validator_value if s.error.validator == "enum" else [s.error.validator_value]
    hint = did_you_mean(_suggest(value, choices))
    listed = ", ".join(str(c) for c in choices)
    return Explanation(
        Text(f"{s.where}giá trị “{value}” không hợp lệ", f"{s.where}“{value}” is not allowed"),
        Text(f"{hint.vi}chọn một trong: {listed}", f"{hint.en}choose one of: {listed}"),
    )


def _length(s: Subject) -> Explanation:
    limit, value = s.error.validator_value, s.error.instance
    if s.error.validator == "minLength" and limit == 1:
        return Explanation(
            Text(f"{s.name} đang để trống", f"{s.name} is empty"),
            Text("viết nội dung cho trường này", "write a value for this field"),
        )
    short = s.error.validator == "minLength"
    return Explanation(
        Text(f"{s.name} {'quá ngắn' if short else 'quá dài'} ({len(value)} ký tự)",
             f"{s.name} is {'too short' if short else 'too long'} ({len(value)} characters)"),
        Text(f"viết {'ít nhất' if short else 'nhiều nhất'} {limit} ký tự",
             f"write {'at least' if short else 'at most'} {limit} characters"),
    )


def _items(s: Subject) -> Explanation:
    limit, fewest = s.error.validator_value, s.error.validator == "minItems"
    count = len(s.error.instance)
    return Explanation(
        Text(f"{s.name} có {count} mục", f"{s.name} has {count} items"),
        Text(f"cần {'ít nhất' if fewest else 'nhiều nhất'} {limit} mục",
             f"it needs {'at least' if fewest else 'at most'} {limit} items"),
    )


def _unique(s: Subject) -> Explanation:
    return Explanation(
        Text(f"{s.name} có mục bị lặp lại", f"{s.name} repeats an item"),
        Text("xóa mục trùng", "remove the repeated item"),
    )


_BOUNDS = {"minimum": "≥", "maximum": "≤", "exclusiveMinimum": ">", "exclusiveMaximum": "<"}


def _range(s: Subject) -> Explanation:
    sign, limit = _BOUNDS[s.error.validator], s.error.validator_value
    return Explanation(
        Text(f"{s.name} = {s.error.instance} nằm ngoài giới hạn",
             f"{s.name} = {s.error.instance} is out of range"),
        Text(f"giá trị phải {sign} {limit}", f"the value must be {sign} {limit}"),
    )


def _format(s: Subject) -> Explanation:
    if s.error.validator_value != "date":
        return _fallback(s)
    return Explanation(
        Text(f"{s.where}“{s.error.instance}” không phải là ngày hợp lệ",
             f"{s.where}“{s.error.instance}” is not a valid date"),
        Text("viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-07-01",
             "write the date as YEAR-MONTH-DAY, for example 2025-07-01"),
    )


def _pattern(s: Subject) -> Explanation:
    return Explanation(
        Text(f"{s.where}“{s.error.instance}” không đúng dạng",
             f"{s.where}“{s.error.instance}” has the wrong form"),
        Text(f"giá trị phải khớp mẫu {s.error.validator_value}",
             f"the value must match {s.error.validator_value}"),
    )


def _fallback(s: Subject) -> Explanation:
    return Explanation(
        Text(f"{s.where}giá trị không hợp lệ ({s.error.message})",
             f"{s.where}invalid value ({s.error.message})"),
        Text("xem mô tả của trường trong tệp schema", "see the field's description in its schema"),
    )


_EXPLAINERS: dict[str, Callable[[Subject], Explanation]] = {
    "required": _required,
    "additionalProperties": _unknown_field,
    "unevaluatedProperties": _unknown_field,
    "type": _wrong_type,
    "enum": _not_a_choice,
    "const": _not_a_choice,
    "minLength": _length,
    "maxLength": _length,
    "minItems": _items,
    "maxItems": _items,
    "uniqueItems": _unique,
    "minimum": _range,
    "maximum": _range,
    "exclusiveMinimum": _range,
    "exclusiveMaximum": _range,
    "format": _format,
    "pattern": _pattern,
}

# Rules whose generic advice is better than a field's own hint (they list the allowed names).
_KEEP_GENERIC_FIX = {"additionalProperties", "unevaluatedProperties"}


def explain(error: ValidationError, json_path: JsonPath, known: KnownProperties) -> Explanation:
    """What is wrong and how to fix it; a schema's `x-hint` replaces the generic fix."""
    name = field_name(json_path)
    subject = Subject(error, name or "(root)", f"{name}: " if name else "", known)
    explanation = _EXPLAINERS.get(str(error.validator), _fallback)(subject)
    hint = error.schema.get("x-hint") if isinstance(error.schema, dict) else None
    if isinstance(hint, dict) and error.validator not in _KEEP_GENERIC_FIX:
        fix = Text(hint.get("vi", explanation.fix.vi), hint.get("en", explanation.fix.en))
        explanation = Explanation(explanation.what, fix, explanation.key)
    return explanation
