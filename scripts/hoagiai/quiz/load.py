"""Turn one schema-valid bank file into a `Bank`, reporting what a schema cannot see.

The JSON Schema checks shapes (required fields, both languages, citation syntax).
These checks need the question as a whole: ids used twice, an answer that is not
among the choices, the wrong number of right answers for the question's type.
Every problem points at the line of the offending value.
"""

from __future__ import annotations

import difflib
from typing import Any

from hoagiai.language import Text
from hoagiai.problems import Problem, did_you_mean, problem
from hoagiai.quiz.model import (
    FALSE_ID,
    TRUE_FALSE_CHOICES,
    TRUE_ID,
    Bank,
    Choice,
    Citation,
    Question,
    QuestionType,
)
from hoagiai.schema_messages import field_name
from hoagiai.yamlpos import JsonPath, YamlDocument

_TYPE_NAMES = {
    QuestionType.SINGLE: Text("câu một đáp án (single)", "a single-answer question (single)"),
    QuestionType.MULTIPLE: Text("câu nhiều đáp án (multiple)",
                                "a multiple-answer question (multiple)"),
    QuestionType.TRUE_FALSE: Text("câu đúng/sai (true-false)",
                                  "a true/false question (true-false)"),
}


def read_bank(document: YamlDocument, bank_id: str,
              order: int) -> tuple[Bank | None, list[Problem]]:
    """The bank in `document` (already schema-valid), or None with the problems found."""
    reader = _BankReader(document)
    data = document.data
    reader.check_module(data["module"], bank_id)
    questions = tuple(reader.question(item, index) for index, item in enumerate(data["questions"]))
    if reader.problems:
        return None, reader.problems
    bank = Bank(bank_id, data["module"], Text.of(data["title"]), Text.of(data["description"]),
                tuple(q for q in questions if q is not None), document.path,
                document.location(("module",)), order)
    return bank, []


class _BankReader:
    def __init__(self, document: YamlDocument) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self.question_ids: dict[str, int] = {}  # id -> line where first used

    def report(self, path: JsonPath, what_vi: str, fix_vi: str, what_en: str, fix_en: str) -> None:
        name = field_name(path)
        self.problems.append(problem(self.document.location(path), f"{name}: {what_vi}", fix_vi,
                                     f"{name}: {what_en}", fix_en))

    def check_module(self, module: str, bank_id: str) -> None:
        if module != bank_id:
            self.report(
                ("module",),
                f"bài học “{module}” không khớp tên tệp “{bank_id}.yml”",
                f"mỗi bài học có một tệp câu hỏi cùng tên: sửa thành “module: {bank_id}” "
                f"hoặc đổi tên tệp thành “{module}.yml”",
                f"the module “{module}” does not match the file name “{bank_id}.yml”",
                f"each module has one question file of the same name: write “module: {bank_id}” "
                f"or rename the file to “{module}.yml”",
            )

    def question(self, item: dict[str, Any], index: int) -> Question | None:
        path: JsonPath = ("questions", index)
        count_before = len(self.problems)
        self._check_unique_id(item["id"], path)
        kind = QuestionType(item["type"])
        choices = self._choices(item, kind, path)
        correct = self._correct(item, kind, choices, path) if choices else ()
        if len(self.problems) > count_before:
            return None
        cites = tuple(Citation(ref, self.document.location((*path, "cite", i)))
                      for i, ref in enumerate(item["cite"]))
        return Question(item["id"], index + 1, kind, item["difficulty"], Text.of(item["prompt"]),
                        choices, correct, Text.of(item["explanation"]), cites,
                        self.document.location(path))

    def _check_unique_id(self, question_id: str, path: JsonPath) -> None:
        line = self.document.location((*path, "id")).line
        if question_id in self.question_ids:
            first = self.question_ids[question_id]
            self.report(
                (*path, "id"),
                f"mã câu hỏi “{question_id}” đã dùng ở dòng {first}",
                "đặt cho câu này một mã khác, chưa dùng trong tệp",
                f"the question id “{question_id}” is already used on line {first}",
                "give this question another id, not used elsewhere in the file",
            )
        else:
            self.question_ids[question_id] = line

    def _choices(self, item: dict[str, Any], kind: QuestionType,
                 path: JsonPath) -> tuple[Choice, ...]:
        kind_name = _TYPE_NAMES[kind]
        if kind is QuestionType.TRUE_FALSE:
            if "choices" in item:
                self.report(
                    (*path, "choices"), f"{kind_name.vi} không dùng “choices”",
                    "xóa phần “choices”: trang tự thêm hai lựa chọn Đúng và Sai",
                    f"{kind_name.en} takes no “choices”",
                    "remove “choices”: the page adds the two choices True and False itself",
                )
                return ()
            return tuple(Choice(choice_id, TRUE_FALSE_CHOICES[value])
                         for choice_id, value in ((TRUE_ID, True), (FALSE_ID, False)))
        if "choices" not in item:
            self.report(
                path, f"{kind_name.vi} cần danh sách lựa chọn “choices”",
                "thêm “choices:” với các lựa chọn, mỗi lựa chọn có “id” và “text”",
                f"{kind_name.en} needs a list of “choices”",
                "add “choices:” with the options, each with an “id” and a “text”",
            )
            return ()
        seen: set[str] = set()
        for number, choice in enumerate(item["choices"]):
            if choice["id"] in seen:
                self.report(
                    (*path, "choices", number, "id"), f"mã lựa chọn “{choice['id']}” bị trùng",
                    "mỗi lựa chọn trong một câu cần một mã riêng, ví dụ a, b, c, d",
                    f"the choice id “{choice['id']}” is used twice",
                    "each choice of a question needs its own id, for example a, b, c, d",
                )
            seen.add(choice["id"])
        return tuple(Choice(choice["id"], Text.of(choice["text"])) for choice in item["choices"])

    def _correct(self, item: dict[str, Any], kind: QuestionType, choices: tuple[Choice, ...],
                 path: JsonPath) -> tuple[str, ...]:
        answer = item["answer"]
        answer_path = (*path, "answer")
        kind_name = _TYPE_NAMES[kind]
        if kind is QuestionType.TRUE_FALSE:
            if not isinstance(answer, bool):
                self.report(answer_path,
                            f"{kind_name.vi} cần đáp án true hoặc false, đang là “{answer}”",
                            "viết “answer: true” (nhận định đúng) hoặc “answer: false” (sai)",
                            f"{kind_name.en} needs the answer true or false, not “{answer}”",
                            "write “answer: true” (the statement is right) or “answer: false”")
                return ()
            return (TRUE_ID,) if answer else (FALSE_ID,)
        if isinstance(answer, bool):
            self.report(answer_path, f"{kind_name.vi} cần mã của lựa chọn đúng, đang là “{answer}”",
                        "viết mã lựa chọn, ví dụ “answer: b”, hoặc đổi type thành true-false",
                        f"{kind_name.en} needs the id of the right choice, not “{answer}”",
                        "write a choice id, e.g. “answer: b”, or change the type to true-false")
            return ()
        given = [answer] if isinstance(answer, str) else list(answer)
        ids = [choice.id for choice in choices]
        for number, value in enumerate(given):
            if value not in ids:
                where = answer_path if isinstance(answer, str) else (*answer_path, number)
                self._not_a_choice(where, value, ids)
        if not self._count_fits(kind, len(set(given)), len(ids), answer_path):
            return ()
        return tuple(choice_id for choice_id in ids if choice_id in given)

    def _not_a_choice(self, path: JsonPath, value: str, ids: list[str]) -> None:
        close = difflib.get_close_matches(value, ids, n=1, cutoff=0.5)
        hint = did_you_mean(close[0] if close else "")
        listed = ", ".join(ids)
        self.report(path, f"đáp án “{value}” không có trong các lựa chọn ({listed})",
                    f"{hint.vi}viết mã của một lựa chọn có trong “choices”",
                    f"the answer “{value}” is not one of the choices ({listed})",
                    f"{hint.en}write the id of one of the “choices”")

    def _count_fits(self, kind: QuestionType, count: int, choice_count: int,
                    path: JsonPath) -> bool:
        kind_name = _TYPE_NAMES[kind]
        if kind is QuestionType.SINGLE and count != 1:
            self.report(path, f"{kind_name.vi} cần đúng 1 đáp án, đang có {count}",
                        "giữ một đáp án, hoặc đổi type thành multiple",
                        f"{kind_name.en} needs exactly 1 right answer, it has {count}",
                        "keep one answer, or change the type to multiple")
            return False
        if kind is QuestionType.MULTIPLE and count < 2:
            self.report(path, f"{kind_name.vi} cần ít nhất 2 đáp án đúng, đang có {count}",
                        "viết các đáp án dạng “answer: [a, c]”, hoặc đổi type thành single",
                        f"{kind_name.en} needs at least 2 right answers, it has {count}",
                        "write the answers as “answer: [a, c]”, or change the type to single")
            return False
        if kind is QuestionType.MULTIPLE and count >= choice_count:
            self.report(path, f"{kind_name.vi} có mọi lựa chọn đều đúng",
                        "thêm ít nhất một lựa chọn sai để câu hỏi có ý nghĩa",
                        f"{kind_name.en} has every choice right",
                        "add at least one wrong choice so the question means something")
            return False
        return True
