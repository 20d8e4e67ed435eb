"""Turn one schema-valid scenario file into a `Scenario`, reporting what a schema cannot see.

The JSON Schema checks shapes (required fields, both languages, 2–4 choices, at
least 4 steps and 3 endings, citation syntax). These checks need the file as a
whole: ids used twice, a speaker or a tracked state that is not declared, a text
left untranslated. The graph itself is checked in `graph.py`.
"""

from __future__ import annotations

from typing import Any

from hoagiai.language import LANGUAGES, Text
from hoagiai.problems import Location, Problem, problem
from hoagiai.scenarios.model import (
    Choice,
    Citation,
    Ending,
    EndingKind,
    Party,
    Scenario,
    State,
    Step,
)
from hoagiai.schema_messages import field_name
from hoagiai.yamlpos import JsonPath, YamlDocument

# A text this long that reads the same in both languages was copied, not translated.
_UNTRANSLATED_LENGTH = 16


def read_scenario(document: YamlDocument, scenario_id: str) -> tuple[Scenario, list[Problem]]:
    """The scenario in `document` (already schema-valid) and the problems found in it."""
    reader = _Reader(document)
    data = document.data
    parties = tuple(Party(p["id"], Text.of(p["name"]), Text.of(p["role"]), Text.of(p["card"]))
                    for p in data["parties"])
    states = tuple(State(s["id"], Text.of(s["label"]), s["start"], s["good"] == "high")
                   for s in data["state"])
    reader.unique("parties", [p.id for p in parties], "người", "person")
    reader.unique("state", [s.id for s in states], "điều theo dõi", "tracked state")
    steps = tuple(reader.step(item, index, {p.id for p in parties}, [s.id for s in states])
                  for index, item in enumerate(data["steps"]))
    endings = tuple(reader.ending(item, index) for index, item in enumerate(data["endings"]))
    reader.unique_nodes(data)
    reader.untranslated(data, ())
    scenario = Scenario(
        scenario_id, document.path, Text.of(data["title"]), Text.of(data["description"]),
        data["order"], data["module"], document.location(("module",)),
        tuple((slug, document.location(("practises", i)))
              for i, slug in enumerate(data.get("practises", []))),
        tuple(data["skills"]), Text.of(data["setting"]), parties, Text.of(data["mediator"]),
        states, data["start"], steps, endings, Text.of(data["debrief"]),
        reader.cites({"cite": data.get("debrief_cite", [])}, ("debrief_cite",), key=""),
    )
    return scenario, reader.problems


class _Reader:
    def __init__(self, document: YamlDocument) -> None:
        self.document = document
        self.problems: list[Problem] = []

    def at(self, path: JsonPath) -> Location:
        return self.document.location(path)

    def report(self, path: JsonPath, what_vi: str, fix_vi: str, what_en: str, fix_en: str) -> None:
        name = field_name(path)
        self.problems.append(problem(self.at(path), f"{name}: {what_vi}", fix_vi,
                                     f"{name}: {what_en}", fix_en))

    def cites(self, item: dict[str, Any], path: JsonPath,
              key: str = "cite") -> tuple[Citation, ...]:
        """The citations of `item["cite"]`, each placed at `path` + `key` + its index."""
        inner = (key,) if key else ()
        return tuple(Citation(ref, self.at((*path, *inner, i)))
                     for i, ref in enumerate(item["cite"]))

    def step(self, item: dict[str, Any], index: int, parties: set[str],
             states: list[str]) -> Step:
        path: JsonPath = ("steps", index)
        speaker = item.get("speaker")
        if speaker is not None and speaker not in parties:
            listed = ", ".join(sorted(parties))
            self.report((*path, "speaker"), f"không có người “{speaker}” trong “parties”",
                        f"viết mã một người đã khai trong “parties” ({listed})",
                        f"there is no person “{speaker}” in “parties”",
                        f"write the id of a person listed in “parties” ({listed})")
        self.unique((*path, "choices"), [c["id"] for c in item["choices"]], "lựa chọn", "choice")
        choices = []
        for number, choice in enumerate(item["choices"]):
            choice_path = (*path, "choices", number)
            for state in choice.get("effect", {}):
                if state not in states:
                    listed = ", ".join(states)
                    self.report((*choice_path, "effect", state),
                                f"không có điều theo dõi “{state}” trong “state”",
                                f"dùng một mã đã khai trong “state” ({listed})",
                                f"there is no tracked state “{state}” in “state”",
                                f"use an id listed in “state” ({listed})")
            choices.append(Choice(choice["id"], Text.of(choice["text"]),
                                  Text.of(choice["feedback"]),
                                  dict(choice.get("effect", {})), self.cites(choice, choice_path),
                                  choice["next"], self.at((*choice_path, "next"))))
        return Step(item["id"], index + 1, Text.of(item["title"]), speaker,
                    Text.of(item["situation"]),
                    tuple(choices), self.at((*path, "id")))

    def ending(self, item: dict[str, Any], index: int) -> Ending:
        path: JsonPath = ("endings", index)
        return Ending(item["id"], EndingKind(item["kind"]), Text.of(item["title"]),
                      Text.of(item["text"]), Text.optional(item.get("agreement")),
                      Text.optional(item.get("next_steps")), self.cites(item, path),
                      self.at((*path, "id")))

    def unique(self, path: JsonPath, ids: list[str], what_vi: str, what_en: str) -> None:
        seen: dict[str, int] = {}
        for number, value in enumerate(ids):
            if value in seen:
                first = self.at((*path, seen[value], "id")).line
                self.report((*path, number, "id"),
                            f"mã {what_vi} “{value}” đã dùng ở dòng {first}",
                            "đặt một mã khác, chưa dùng trong danh sách này",
                            f"the {what_en} id “{value}” is already used on line {first}",
                            "choose another id, not used elsewhere in this list")
            else:
                seen[value] = number

    def unique_nodes(self, data: dict[str, Any]) -> None:
        """Steps and endings share one set of ids: a choice's `next` names either."""
        seen: dict[str, JsonPath] = {}
        for group in ("steps", "endings"):
            for number, item in enumerate(data[group]):
                path: JsonPath = (group, number, "id")
                if item["id"] in seen:
                    first = self.at(seen[item["id"]]).line
                    self.report(path, f"mã “{item['id']}” đã dùng ở dòng {first}",
                                "mỗi bước và mỗi kết thúc cần một mã riêng: đổi một trong hai mã "
                                "(và các “next:” trỏ tới nó)",
                                f"the id “{item['id']}” is already used on line {first}",
                                "every step and ending needs its own id: change one of the two "
                                "(and the “next:” fields that point to it)")
                else:
                    seen[item["id"]] = path

    def untranslated(self, value: Any, path: JsonPath) -> None:
        """Both languages complete: an English text that is the Vietnamese one copied."""
        if isinstance(value, dict):
            if set(value) == set(LANGUAGES) and isinstance(value["vi"], str):
                same = value["vi"].strip() == str(value["en"]).strip()
                if same and len(value["vi"]) >= _UNTRANSLATED_LENGTH:
                    self.report((*path, "en"), "lời tiếng Anh giống hệt lời tiếng Việt",
                                "dịch đoạn này sang tiếng Anh trong “en:”",
                                "the English text is the Vietnamese text unchanged",
                                "translate this passage into English under “en:”")
                return
            for key, item in value.items():
                self.untranslated(item, (*path, key))
        elif isinstance(value, list):
            for number, item in enumerate(value):
                self.untranslated(item, (*path, number))
