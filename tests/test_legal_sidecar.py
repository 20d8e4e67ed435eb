"""The metadata files of the library: checked against their schema and against the source text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from hoagiai import pipeline
from hoagiai.site import Paths
from support.project import copy_project

Edit = Callable[[Path], None]


def replace_in(name: str, old: str, new: str) -> Edit:
    def edit(legal: Path) -> None:
        path = legal / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def rename(old: str, new: str) -> Edit:
    return lambda legal: (legal / old).rename(legal / new)


def line_of(name: str, text: str) -> int:
    legal = Path(__file__).parents[1] / "materials" / "legal"
    return (legal / name).read_text(encoding="utf-8").splitlines().index(text) + 1


HEADING_15 = '  "15": Entry into force'

# (what is broken, the edit, the Vietnamese half of every message it must produce)
CASES = [
    ("date that disagrees with the source header",
     replace_in("luat35.yml", "issued: 2013-06-20", "issued: 2013-06-02"),
     [f"materials/legal/luat35.yml:{line_of('luat35.yml', 'issued: 2013-06-20')}:9: “issued: "
      "2013-06-02” khác với phần đầu tệp nguồn materials/legal/luat35.md (“issued: 2013-06-20”) "
      "— ghi đúng như phần đầu tệp nguồn; không sửa tệp nguồn"]),
    ("date checked that is not the date retrieved",
     replace_in("nd15.yml", "checked: 2026-11-26", "checked: 2026-11-27"),
     [f"materials/legal/nd15.yml:{line_of('nd15.yml', '  checked: 2026-11-26')}:12: “status."
      "checked: 2026-11-27” khác với phần đầu tệp nguồn materials/legal/nd15.md (“retrieved: "
      "2026-11-26”) — ghi đúng như phần đầu tệp nguồn; không sửa tệp nguồn"]),
    ("article without an English heading",
     replace_in("nqlt01.yml", '  "15": Entry into force\n', ""),
     [f"materials/legal/nqlt01.yml:{line_of('nqlt01.yml', 'headings_en:')}:1: thiếu tên tiếng Anh "
      "của “15” trong headings_en — thêm dòng “\"15\": <tên tiếng Anh>” dưới headings_en"]),
    ("English heading of an article the text does not have",
     replace_in("nqlt01.yml", '  "15": Entry into force', '  "14": Entry into force'),
     [f"materials/legal/nqlt01.yml:{line_of('nqlt01.yml', 'headings_en:')}:1: thiếu tên tiếng Anh "
      "của “15” trong headings_en — thêm dòng “\"15\": <tên tiếng Anh>” dưới headings_en",
      f"materials/legal/nqlt01.yml:{line_of('nqlt01.yml', HEADING_15)}:3: "
      "headings_en có “14” nhưng văn bản không có phần này — xóa dòng này hoặc sửa lại số cho "
      "đúng với văn bản"]),
    ("translation that cites something else",
     replace_in("nqlt01.yml", "State management\n    [[nqlt01:1]].",
                "State management\n    [[nqlt01:15]]."),
     [f"materials/legal/nqlt01.yml:{line_of('nqlt01.yml', 'summary:') + 1}:3: hai bản vi/en "
      "trích dẫn "
      "khác nhau (chỉ bản vi: nqlt01:1; chỉ bản en: nqlt01:15) — bản tiếng Anh là bản dịch: hãy "
      "trích dẫn đúng những điều như bản tiếng Việt"]),
    ("id that is not the file name",
     replace_in("qd315.yml", "id: qd315", "id: qd316"),
     [f"materials/legal/qd315.yml:{line_of('qd315.yml', 'id: qd315')}:5: mã văn bản “qd316” khác "
      "tên tệp “qd315.yml” — đặt “id: qd315” hoặc đổi tên tệp thành “qd316.yml”"]),
    ("metadata without its text",
     rename("qd315.md", "qd315.txt"),
     [f"materials/legal/qd315.yml:{line_of('qd315.yml', 'id: qd315')}:1: không có tệp toàn văn "
      "“materials/legal/qd315.md” — chép "
      "nguyên văn tệp nguồn “quyet-dinh-315-qd-ttg-2024-de-an-nang-cao-nang-luc-hoa-giai-vien-"
      "partial.md” thành materials/legal/qd315.md"]),
    ("text without its metadata",
     rename("qd315.yml", "qd315.yml.bak"),
     ["materials/legal/qd315.md:1:1: văn bản “materials/legal/qd315.md” chưa có tệp thông tin "
      "“materials/legal/qd315.yml” — tạo materials/legal/qd315.yml theo mẫu của các tệp .yml cùng "
      "thư mục"]),
    ("unknown type",
     replace_in("tt56.yml", "type: thong-tu", "type: thongtu"),
     [f"materials/legal/tt56.yml:{line_of('tt56.yml', 'type: thong-tu')}:7: type: giá trị "
      "“thongtu” không hợp lệ — có phải ý bạn là “thong-tu”?"]),
]


@pytest.mark.parametrize(("edit", "expected"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_bad_metadata_is_reported_at_its_line(tmp_path: Path, edit: Edit,
                                              expected: list[str]) -> None:
    project = copy_project(tmp_path / "project")
    edit(project / "materials" / "legal")
    report = pipeline.check(Paths.at(project))
    found = [problem.format().splitlines()[0] for problem in report]
    assert len(found) == len(expected), "\n".join(found)
    for line, start in zip(sorted(found), sorted(expected), strict=True):
        assert line.startswith(start), f"{line}\n  does not start with\n{start}"


def test_each_vendored_text_has_metadata_naming_its_source(project_root: Path) -> None:
    legal = project_root / "materials" / "legal"
    texts = sorted(path.stem for path in legal.glob("*.md") if path.name != "README.md")
    sidecars = sorted(path.stem for path in legal.glob("*.yml"))
    assert texts == sidecars
