"""Bad question banks stop `hoagiai check` and the build with file:line and a fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hoagiai.pipeline import check
from hoagiai.site import Paths
from support.project import copy_project, hoagiai, mkdocs_build

FIXTURES = Path(__file__).parent / "fixtures" / "quiz"
BANK = "materials/quiz/hoa-giai-o-co-so-la-gi.yml"

# fixture -> the Vietnamese half ("where: what — fix") of every problem it must cause.
EXPECTED = {
    "answer-not-a-choice": [
        f"{BANK}:22:13: questions[1].answer: đáp án “c” không có trong các lựa chọn (a, b) — "
        "viết mã của một lựa chọn có trong “choices”",
    ],
    "duplicate-question-id": [
        f"{BANK}:27:9: questions[2].id: mã câu hỏi “mot” đã dùng ở dòng 11 — "
        "đặt cho câu này một mã khác, chưa dùng trong tệp",
    ],
    "duplicate-choice-id": [
        f"{BANK}:20:13: questions[1].choices[2].id: mã lựa chọn “a” bị trùng — "
        "mỗi lựa chọn trong một câu cần một mã riêng, ví dụ a, b, c, d",
    ],
    "missing-translation": [
        f"{BANK}:15:7: questions[1].prompt: thiếu trường bắt buộc “en” — "
        "viết cả hai dòng “vi: …” (tiếng Việt) và “en: …” (tiếng Anh)",
    ],
    "missing-citation": [
        f"{BANK}:11:5: questions[1]: thiếu trường bắt buộc “cite” — "
        "thêm dòng “cite: …” vào mục này",
    ],
    "empty-citation": [
        f"{BANK}:26:11: questions[1].cite có 0 mục — "
        "mỗi câu hỏi cần ít nhất một căn cứ, ví dụ “cite: [luat35:12.1]”",
    ],
    "citation-syntax": [
        f"{BANK}:37:12: questions[2].cite[1]: “Điều 4 Luật 35” không đúng dạng — "
        "viết trích dẫn dạng “luat35:12.1.a” (Luật 35, Điều 12, khoản 1, điểm a) "
        "hoặc “hoc-tap/ten-bai#muc”",
    ],
    "single-two-answers": [
        f"{BANK}:22:13: questions[1].answer: câu một đáp án (single) cần đúng 1 đáp án, "
        "đang có 2 — giữ một đáp án, hoặc đổi type thành multiple",
    ],
    "multiple-one-answer": [
        f"{BANK}:22:13: questions[1].answer: câu nhiều đáp án (multiple) cần ít nhất 2 đáp án "
        "đúng, đang có 1 — viết các đáp án dạng “answer: [a, c]”, hoặc đổi type thành single",
    ],
    "multiple-all-right": [
        f"{BANK}:22:13: questions[1].answer: câu nhiều đáp án (multiple) có mọi lựa chọn đều "
        "đúng — thêm ít nhất một lựa chọn sai để câu hỏi có ý nghĩa",
    ],
    "true-false-with-choices": [
        f"{BANK}:34:7: questions[2].choices: câu đúng/sai (true-false) không dùng “choices” — "
        "xóa phần “choices”: trang tự thêm hai lựa chọn Đúng và Sai",
    ],
    "true-false-letter-answer": [
        f"{BANK}:33:13: questions[2].answer: câu đúng/sai (true-false) cần đáp án true hoặc "
        "false, đang là “a” — viết “answer: true” (nhận định đúng) hoặc “answer: false” (sai)",
    ],
    "single-without-choices": [
        f"{BANK}:11:5: questions[1]: câu một đáp án (single) cần danh sách lựa chọn “choices” — "
        "thêm “choices:” với các lựa chọn, mỗi lựa chọn có “id” và “text”",
    ],
    "module-mismatch": [
        f"{BANK}:3:9: module: bài học “ky-nang-hoa-giai” không khớp tên tệp "
        "“hoa-giai-o-co-so-la-gi.yml” — mỗi bài học có một tệp câu hỏi cùng tên: sửa thành "
        "“module: hoa-giai-o-co-so-la-gi” hoặc đổi tên tệp thành “ky-nang-hoa-giai.yml”",
    ],
    "unknown-module": [
        "materials/quiz/khong-co-bai.yml:3:9: module: không có bài học "
        "“docs/hoc-tap/khong-co-bai.md” — mỗi bộ câu hỏi đi kèm một bài học có sẵn: đặt tên "
        "tệp và “module:” theo tên một tệp trong docs/hoc-tap/",
    ],
    "unknown-field": [
        f"{BANK}:11:5: questions[1]: thiếu trường bắt buộc “explanation” — "
        "thêm dòng “explanation: …” vào mục này",
        f"{BANK}:23:5: questions[1]: trường “explaination” không dùng được ở đây — có phải ý bạn "
        "là “explanation”? các trường dùng được: answer, choices, cite, difficulty, explanation, "
        "id, prompt, type",
    ],
    "yaml-syntax": [
        f"{BANK}:24:16: YAML sai cú pháp: có dấu hai chấm “:” không đúng chỗ — kiểm tra thụt lề "
        "(chỉ dùng dấu cách, không dùng Tab) và đặt câu có dấu “:” hoặc “#” trong ngoặc kép",
    ],
}


def install(project: Path, fixture: Path) -> None:
    """Put a fixture bank in place of the real bank of module 1 (or beside it, if it names
    another module in its file name)."""
    name = "khong-co-bai.yml" if fixture.stem == "unknown-module" else Path(BANK).name
    (project / BANK).unlink()
    shutil.copy(fixture, project / "materials" / "quiz" / name)


def vietnamese_lines(text: str) -> list[str]:
    """The first line of every problem: "where: what — fix" in Vietnamese."""
    return [line for line in text.splitlines() if line.startswith("materials/")]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_every_bad_fixture_is_listed() -> None:
    assert sorted(EXPECTED) == sorted(p.stem for p in (FIXTURES / "bad").glob("*.yml"))


def test_the_good_fixture_passes(project: Path) -> None:
    install(project, FIXTURES / "good.yml")
    assert not check(Paths.at(project)), check(Paths.at(project)).format()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_bank_is_reported_at_its_line(project: Path, name: str) -> None:
    install(project, FIXTURES / "bad" / f"{name}.yml")
    report = check(Paths.at(project))
    assert vietnamese_lines(report.format()) == EXPECTED[name]
    assert f"Found {len(EXPECTED[name])} problem" in report.format()


def test_messages_have_an_english_line(project: Path) -> None:
    install(project, FIXTURES / "bad" / "answer-not-a-choice.yml")
    (problem,) = check(Paths.at(project))
    assert problem.format().splitlines()[1] == (
        "    (en) questions[1].answer: the answer “c” is not one of the choices (a, b) — "
        "write the id of one of the “choices”"
    )


def test_check_command_stops_with_the_message(project: Path) -> None:
    install(project, FIXTURES / "bad" / "duplicate-question-id.yml")
    result = hoagiai(project, "check")
    assert result.returncode == 1
    assert result.stderr.startswith(EXPECTED["duplicate-question-id"][0])


@pytest.mark.build
def test_build_stops_and_writes_nothing(project: Path, tmp_path: Path) -> None:
    install(project, FIXTURES / "bad" / "answer-not-a-choice.yml")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert EXPECTED["answer-not-a-choice"][0] in result.stdout + result.stderr
    assert not (site / "index.html").exists()
