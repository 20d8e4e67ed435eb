"""A corpus of bad inputs: each is refused with file:line:col and a bilingual fix, or accepted
and shown safely; nothing reaches site/.

Each case puts one fixture (tests/fixtures/bad/content/) or one file-system mistake into a
copy of the project and runs the `hoagiai check` path in-process (fast); a few cases also run
`mkdocs build` to show the build stops with the same message before writing site/.
"""

from __future__ import annotations

import os
import resource
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from hoagiai import pipeline
from hoagiai.problems import Report
from hoagiai.site import Paths
from support.project import ROOT, copy_project, hoagiai, mkdocs_build

FIXTURES = Path(__file__).parent / "fixtures" / "bad" / "content"
PAGE = "docs/gioi-thieu.md"  # a plain page that fixtures are appended to
BAD_BYTE = len((ROOT / PAGE).read_bytes()) + 2  # not_utf8 appends "\nC" then a Latin-1 "à"
MODULE = "docs/hoc-tap/ket-qua-hoa-giai.md"  # a lesson that a fixture is appended to


def put(fixture: str, destination: str) -> Callable[[Path], None]:
    """The fixture replaces `destination` (relative to the project)."""
    def apply(project: Path) -> None:
        shutil.copy(FIXTURES / fixture, project / destination)
    return apply


def append(fixture: str, destination: str = PAGE) -> Callable[[Path], None]:
    """The fixture is added at the end of a page."""
    def apply(project: Path) -> None:
        target = project / destination
        with target.open("a", encoding="utf-8") as page:
            page.write((FIXTURES / fixture).read_text(encoding="utf-8"))
    return apply


def story_pair(stem: str) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        for suffix in (".md", ".en.md"):
            shutil.copy(FIXTURES / f"{stem}{suffix}", project / "docs" / "cau-chuyen" /
                        f"{stem}{suffix}")
    return apply


def symlink(name: str, target: str) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        os.symlink(target, project / name)
    return apply


def renamed_story(project: Path) -> None:
    for suffix in (".md", ".en.md"):
        source = project / "docs" / "cau-chuyen" / f"khoan-vay-chua-tra{suffix}"
        source.rename(source.with_name(f"Câu chuyện mới{suffix}"))


def huge_file(project: Path) -> None:
    """A 10 MB materials file (a clerk pasted a whole export into it)."""
    line = "  - id: cau-hoi\n    question: {vi: Hỏi gì?, en: What?}\n"
    with (project / "materials" / "faq.yml").open("a", encoding="utf-8") as faq:
        faq.write(line * (10 * 1024 * 1024 // len(line.encode())))


def not_utf8(project: Path) -> None:
    page = project / PAGE
    page.write_bytes(page.read_bytes() + "\nCà phê\n".encode("latin-1"))


def delete(name: str) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        (project / name).unlink()
    return apply


@dataclass(frozen=True)
class Case:
    setup: Callable[[Path], None]
    expected: list[str]  # every problem, as `hoagiai check` prints it (both lines)


def p(where: str, vi: str, en: str) -> str:
    return f"{where}: {vi}\n    (en) {en}"


EMPTY_VI = ("tệp không có nội dung (trống, hoặc chỉ có dòng chú thích “#”) — viết nội dung theo "
            "mẫu của một tệp cùng loại, hoặc xóa tệp này nếu không cần")
EMPTY_EN = ("the file has no content (it is empty or holds only “#” comments) — write its content "
            "following a file of the same kind, or delete it if unneeded")
GUIDE_VI = "các thẻ được dùng có trong HUONG-DAN-BIEN-SOAN.md, mục “HTML trong bài viết”"
GUIDE_EN = "the allowed elements are listed in HUONG-DAN-BIEN-SOAN.md, “HTML in content”"
LINK_FIX_VI = ("chỉ dẫn tới trang khác bằng http://, https://, mailto:, tel: hoặc đường dẫn tới "
               "một tệp trong docs/")
LINK_FIX_EN = "link with http://, https://, mailto:, tel: or a path to a file in docs/"
REMOTE_FIX_VI = "tải tệp về, lưu vào docs/assets/images/ và dẫn tới tệp đó"
REMOTE_FIX_EN = "download it, save it in docs/assets/images/ and point to that file"
LINK_VI = "liên kết tượng trưng (symlink)"
LINK_EN = "a symbolic link"


def line(n: int, page: str = PAGE) -> int:
    """Where line `n` of a fixture appended to `page` lands: after the page's own lines."""
    return len((ROOT / page).read_text(encoding="utf-8").splitlines()) + n


CASES: dict[str, Case] = {
    # --- cases handled before this corpus (kept here so they stay handled) ---
    "yaml syntax error": Case(put("../audiences-syntax-error.yml", "materials/audiences.yml"), [
        p("materials/audiences.yml:8:16",
          "YAML sai cú pháp: có dấu hai chấm “:” không đúng chỗ — kiểm tra thụt lề (chỉ dùng dấu "
          "cách, không dùng Tab) và đặt câu có dấu “:” hoặc “#” trong ngoặc kép",
          "YAML syntax error: a colon “:” is in the wrong place — check the indentation (spaces "
          "only, no Tabs) and put text containing “:” or “#” in quotes"),
    ]),
    "missing translation": Case(delete("docs/gioi-thieu.en.md"), [
        p("docs/gioi-thieu.md:1:1",
          "trang này chưa có bản tiếng Anh “docs/gioi-thieu.en.md” — tạo tệp "
          "docs/gioi-thieu.en.md với cùng phần đầu trang (title, description, audience) đã dịch",
          "this page has no English version “docs/gioi-thieu.en.md” — create "
          "docs/gioi-thieu.en.md with the same front matter (title, description, audience) "
          "translated"),
    ]),
    "not UTF-8": Case(not_utf8, [
        p("docs/gioi-thieu.en.md:1:1",
          "trang này chưa có bản tiếng Việt “docs/gioi-thieu.md” — tạo tệp docs/gioi-thieu.md với "
          "cùng phần đầu trang (title, description, audience) đã dịch",
          "this page has no Vietnamese version “docs/gioi-thieu.md” — create docs/gioi-thieu.md "
          "with the same front matter (title, description, audience) translated"),
        p("docs/gioi-thieu.md",
          f"tệp không phải UTF-8 (byte lỗi ở vị trí {BAD_BYTE}) — mở tệp bằng trình soạn thảo "
          "và lưu lại với bảng mã UTF-8",
          f"the file is not UTF-8 (bad byte at offset {BAD_BYTE}) — open it in an editor and "
          "save it as UTF-8"),
    ]),
    # --- empty files ---
    "empty YAML file": Case(put("audiences-empty.yml", "materials/audiences.yml"), [
        p("materials/audiences.yml:1:1", EMPTY_VI, EMPTY_EN),
    ]),
    "quiz bank with only comments": Case(
        put("quiz-comments-only.yml", "materials/quiz/ket-qua-hoa-giai.yml"),
        [p("materials/quiz/ket-qua-hoa-giai.yml:1:1", EMPTY_VI, EMPTY_EN)],
    ),
    "missing materials file": Case(delete("materials/faq.yml"), [
        p("materials/faq.yml",
          "không có tệp này, hoặc đây là một thư mục — tạo lại tệp (lấy từ bản sao lưu hoặc kho "
          "mã), đặt đúng tên và đúng chỗ",
          "this file does not exist, or it is a folder — create it again (from a backup or the "
          "repository) with this name, in this place"),
    ]),
    # --- raw HTML in Markdown: the content HTML policy ---
    "script in Markdown": Case(append("page-script.md"), [
        p(f"{PAGE}:{line(4)}:1",
          f"thẻ HTML “<script>” không được dùng trong bài viết — trang không chạy mã lấy từ nội "
          f"dung: xóa thẻ này; {GUIDE_VI}",
          f"the HTML element “<script>” is not allowed in content — pages never run code from "
          f"content: remove it; {GUIDE_EN}"),
    ]),
    "iframe in Markdown": Case(append("page-iframe.md"), [
        p(f"{PAGE}:{line(4)}:1",
          f"thẻ HTML “<iframe>” không được dùng trong bài viết — không nhúng trang hay tệp của "
          f"nơi khác: viết một liên kết thường [tên](địa chỉ); {GUIDE_VI}",
          f"the HTML element “<iframe>” is not allowed in content — do not embed other sites or "
          f"files: write a plain link [name](address); {GUIDE_EN}"),
    ]),
    "image from another host": Case(append("page-remote-image.md"), [
        p(f"{PAGE}:{line(2)}:1",
          "ảnh hoặc tệp lấy từ máy chủ khác “https://example.com/anh.png”: trang sẽ gửi yêu cầu "
          f"ra ngoài — {REMOTE_FIX_VI}",
          "an image or file from another host “https://example.com/anh.png”: the page would "
          f"request it — {REMOTE_FIX_EN}"),
        p(f"{PAGE}:{line(4)}:13",
          "ảnh hoặc tệp lấy từ máy chủ khác “https://example.com/anh-2.png”: trang sẽ gửi yêu "
          f"cầu ra ngoài — {REMOTE_FIX_VI}",
          "an image or file from another host “https://example.com/anh-2.png”: the page would "
          f"request it — {REMOTE_FIX_EN}"),
    ]),
    "javascript: and data: links": Case(append("page-javascript-link.md"), [
        p(f"{PAGE}:{line(2)}:15",
          f"địa chỉ “javascript:alert(1)” dùng kiểu “javascript:” không được phép — {LINK_FIX_VI}",
          f"the address “javascript:alert(1)” uses “javascript:”, which is not allowed — "
          f"{LINK_FIX_EN}"),
        p(f"{PAGE}:{line(2)}:41",
          f"địa chỉ “JaVaScRiPt:alert(2)” dùng kiểu “javascript:” không được phép — {LINK_FIX_VI}",
          f"the address “JaVaScRiPt:alert(2)” uses “javascript:”, which is not allowed — "
          f"{LINK_FIX_EN}"),
        p(f"{PAGE}:{line(4)}:7",
          f"địa chỉ “data:text/html;base64,PHNjcmlwdD4=” dùng kiểu “data:” không được phép — "
          f"{LINK_FIX_VI}",
          f"the address “data:text/html;base64,PHNjcmlwdD4=” uses “data:”, which is not allowed "
          f"— {LINK_FIX_EN}"),
    ]),
    "event attribute, style, form": Case(append("page-event-style.md"), [
        p(f"{PAGE}:{line(2)}:1",
          "thuộc tính “onclick” (chạy mã khi bấm, rê chuột…) không được dùng — xóa thuộc tính này",
          "the attribute “onclick” (runs code on a click, hover…) is not allowed — remove this "
          "attribute"),
        p(f"{PAGE}:{line(2)}:40",
          "thuộc tính “style” không được dùng (trang chặn kiểu viết thẳng vào thẻ) — xóa “style”; "
          "cần kiểu riêng thì nhờ người phát triển thêm một lớp (class) vào "
          "docs/assets/css/site.css",
          "the attribute “style” is not allowed (pages block inline styles) — remove “style”; for "
          "a special look ask a developer to add a class to docs/assets/css/site.css"),
        p(f"{PAGE}:{line(4)}:1",
          f"thẻ HTML “<form>” không được dùng trong bài viết — xóa thẻ này hoặc viết bằng "
          f"Markdown; {GUIDE_VI}",
          f"the HTML element “<form>” is not allowed in content — remove it or write it in "
          f"Markdown; {GUIDE_EN}"),
        p(f"{PAGE}:{line(4)}:21",
          f"thẻ HTML “<input>” không được dùng trong bài viết — xóa thẻ này hoặc viết bằng "
          f"Markdown; {GUIDE_VI}",
          f"the HTML element “<input>” is not allowed in content — remove it or write it in "
          f"Markdown; {GUIDE_EN}"),
    ]),
    "allowed HTML and code are accepted": Case(append("page-allowed-html.md"), []),
    "markup in a title is accepted (and escaped)": Case(story_pair("story-markup-title"), []),
    # --- bounded input ---
    "YAML alias bomb": Case(put("faq-alias-bomb.yml", "materials/faq.yml"), [
        p("materials/faq.yml:2:4",
          "YAML dùng nhãn “&” hoặc “*” (anchor/alias), tài liệu không dùng cách viết này — viết "
          "đầy đủ giá trị ở mỗi chỗ cần dùng, bỏ “&tên” và “*tên”",
          "the YAML uses an “&” anchor or “*” alias, which materials do not use — write the value "
          "out in full wherever it is needed; remove “&name” and “*name”"),
    ]),
    "YAML nested too deeply": Case(put("faq-deep-nesting.yml", "materials/faq.yml"), [
        p("materials/faq.yml:2:40",
          "YAML lồng nhau quá sâu (hơn 30 mức) — kiểm tra thụt lề và dấu ngoặc “[ {”: có thể "
          "thiếu dấu đóng",
          "the YAML is nested too deeply (more than 30 levels) — check the indentation and the "
          "“[ {” brackets: one may not be closed"),
    ]),
    "10 MB file": Case(huge_file, [
        p("materials/faq.yml",
          "tệp quá lớn (10.0 MB; tối đa 1024 KB) — tách nội dung thành nhiều tệp nhỏ hơn, hoặc "
          "kiểm tra xem có dán nhầm gì vào tệp không",
          "the file is too large (10.0 MB; at most 1024 KB) — split it into smaller files, or "
          "check that nothing was pasted into it by mistake"),
    ]),
    # --- files ---
    "symlink to a file outside the project": Case(symlink("docs/ngoai.md", "/etc/hostname"), [
        p("docs/ngoai.md",
          f"{LINK_VI} tới “/etc/hostname”: trang không dùng symlink — thay liên kết bằng một bản "
          "sao thật của tệp (hoặc xóa nó)",
          f"{LINK_EN} to “/etc/hostname”: the site does not follow symlinks — replace the link "
          "with a real copy of the file (or remove it)"),
    ]),
    "dangling symlink": Case(symlink("materials/quiz/mat.yml", "khong-con.yml"), [
        p("materials/quiz/mat.yml",
          f"{LINK_VI} trỏ tới “khong-con.yml”, nơi không có tệp nào — xóa liên kết này; nếu cần "
          "tệp thì chép một bản thật vào đây",
          f"{LINK_EN} pointing to “khong-con.yml”, where there is no file — remove the link; if "
          "the file is needed, copy the real file here"),
    ]),
    "file name with spaces and accents": Case(renamed_story, [
        p("docs/cau-chuyen/Câu chuyện mới.en.md",
          "tên tệp “Câu chuyện mới.en.md” có chữ hoa, dấu, dấu cách hoặc ký tự đặc biệt: tên này "
          "thành địa chỉ trang — đổi tên thành “cau-chuyen-moi.en.md” (chữ thường không dấu, nối "
          "bằng dấu gạch ngang)",
          "the file name “Câu chuyện mới.en.md” has capitals, accents, spaces or special "
          "characters: it becomes the page's address — rename it to “cau-chuyen-moi.en.md” "
          "(lowercase, no accents, words joined by hyphens)"),
        p("docs/cau-chuyen/Câu chuyện mới.md",
          "tên tệp “Câu chuyện mới.md” có chữ hoa, dấu, dấu cách hoặc ký tự đặc biệt: tên này "
          "thành địa chỉ trang — đổi tên thành “cau-chuyen-moi.md” (chữ thường không dấu, nối "
          "bằng dấu gạch ngang)",
          "the file name “Câu chuyện mới.md” has capitals, accents, spaces or special "
          "characters: it becomes the page's address — rename it to “cau-chuyen-moi.md” "
          "(lowercase, no accents, words joined by hyphens)"),
    ]),
    # --- missed by `hoagiai check` before ---
    "image that does not exist": Case(append("page-missing-image.md"), [
        p(f"{PAGE}:{line(2)}:28",
          "không có tệp ảnh “assets/images/so-do-khong-co.png” — kiểm tra tên tệp (chữ thường, "
          "đúng đuôi .png/.jpg/.svg) và đường dẫn tính từ trang này; ảnh để trong "
          "docs/assets/images/",
          "there is no image file “assets/images/so-do-khong-co.png” — check the file name "
          "(lowercase, the right .png/.jpg/.svg ending) and the path from this page; images "
          "belong in docs/assets/images/"),
    ]),
    "module links a quiz bank that does not exist": Case(
        append("module-missing-bank.md", MODULE), [
            p(f"{MODULE}:{line(2, MODULE)}:23",
              "liên kết tới bộ câu hỏi “ket-qua-hoa-giai-2” nhưng không có tệp "
              "materials/quiz/ket-qua-hoa-giai-2.yml — có phải ý bạn là “ket-qua-hoa-giai.md”? "
              "sửa liên kết theo tên một tệp trong materials/quiz/, hoặc tạo bộ câu hỏi đó",
              "a link to the quiz bank “ket-qua-hoa-giai-2”, but there is no "
              "materials/quiz/ket-qua-hoa-giai-2.yml — did you mean “ket-qua-hoa-giai.md”? link "
              "to a file of materials/quiz/, or create that bank"),
        ]),
    "glossary id defined twice": Case(put("glossary-id-twice.yml", "materials/glossary.yml"), [
        p("materials/glossary.yml:8:9",
          "mã thuật ngữ “hoa-giai-vien” đã có ở dòng 3 — mỗi mã thuật ngữ chỉ viết một lần: gộp "
          "hai mục lại, hoặc đổi một trong hai",
          "the term id “hoa-giai-vien” is already used on line 3 — write each term id once: merge "
          "the two entries, or change one of them"),
    ]),
    "glossary term defined again under a new id": Case(
        put("glossary-term-twice.yml", "materials/glossary.yml"), [
            p("materials/glossary.yml:9:16",
              "thuật ngữ “Hòa giải viên” đã có ở dòng 4 — mỗi thuật ngữ chỉ viết một lần: gộp hai "
              "mục lại, hoặc đổi một trong hai",
              "the term “Hòa giải viên” is already used on line 4 — write each term once: merge "
              "the two entries, or change one of them"),
        ]),
    "two FAQ entries with one id": Case(put("faq-id-twice.yml", "materials/faq.yml"), [
        p("materials/faq.yml:12:9",
          "mã câu hỏi “hoa-giai-o-co-so-la-gi” đã có ở dòng 4 — mỗi mã câu hỏi chỉ viết một lần: "
          "gộp hai mục lại, hoặc đổi một trong hai",
          "the question id “hoa-giai-o-co-so-la-gi” is already used on line 4 — write each "
          "question id once: merge the two entries, or change one of them"),
    ]),
    "story dated in the future": Case(story_pair("story-future"), [
        p(f"docs/cau-chuyen/story-future{suffix}:6:7",
          "ngày đăng 2099-03-12 là ngày trong tương lai — ghi ngày đăng thật (hôm nay là "
          "{today}); có thể đang gõ nhầm năm",
          "the date 2099-03-12 is in the future — write the real date (today is {today}); the "
          "year may be mistyped")
        for suffix in (".en.md", ".md")
    ]),
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("pristine") / "project")


@pytest.fixture(scope="module")
def workplace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("work")


@pytest.fixture
def project(pristine: Path, workplace: Path) -> Path:
    """A fresh copy of the project with a site/ from an earlier build, which must stay
    untouched. Always at the same path: what the generator keeps between loads (parsed and
    validated files, by path and text) then serves every case, as in `mkdocs serve`."""
    root = workplace / "project"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(pristine, root, symlinks=True)
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("earlier build", encoding="utf-8")
    return root


def expected_lines(case: Case) -> list[str]:
    import datetime as dt

    return [text.replace("{today}", dt.date.today().isoformat()) for text in case.expected]


def checked(project: Path) -> Report:
    return pipeline.check(Paths.at(project))


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_refused_where_it_is(project: Path, name: str) -> None:
    case = CASES[name]
    case.setup(project)
    started = time.monotonic()
    report = checked(project)
    assert time.monotonic() - started < 30, "the check must finish in seconds"
    assert [item.format() for item in sorted(report, key=lambda x: x.location)] == \
        expected_lines(case)
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "earlier build"
    assert sorted(path.name for path in (project / "site").iterdir()) == ["index.html"]


def test_a_crash_inside_the_generator_names_the_file(project: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from hoagiai.glossary import model

    def broken(document: object) -> object:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("hoagiai.glossary.read_glossary", broken)
    assert model.read_glossary is not broken
    report = checked(project)
    assert [item.format() for item in report] == [p(
        "materials/glossary.yml",
        "lỗi nội bộ của trình tạo trang khi xử lý tệp này (glossary.load: ZeroDivisionError: "
        "division by zero) — kiểm tra tệp có đúng mẫu không; nếu vẫn lỗi, gửi thông báo này cho "
        "người phát triển",
        "internal error of the generator while processing this file (glossary.load: "
        "ZeroDivisionError: division by zero) — check that the file follows its model; if it "
        "still fails, send this message to a developer")]


@pytest.mark.parametrize("name", ["YAML alias bomb", "YAML nested too deeply", "10 MB file"])
def test_check_command_is_quick_small_and_quiet(project: Path, name: str) -> None:
    """`hoagiai check` as a clerk runs it: seconds, far below 1 GiB, no traceback."""
    CASES[name].setup(project)
    started = time.monotonic()
    result = hoagiai(project, "check")
    assert time.monotonic() - started < 60  # about 1.5 s on an idle machine
    # The largest child this test process ran so far (KiB): an upper bound for this one.
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 1024 * 1024
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(expected_lines(CASES[name])[0].split(" — ")[0])


BUILD_CASES = ["script in Markdown", "dangling symlink", "quiz bank with only comments",
               "10 MB file"]


@pytest.mark.build
@pytest.mark.parametrize("name", BUILD_CASES)
def test_build_stops_before_writing_site(project: Path, name: str) -> None:
    CASES[name].setup(project)
    site = project / "site"
    result = mkdocs_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for expected in expected_lines(CASES[name]):
        assert expected.split(" — ")[0] in output
    assert (site / "index.html").read_text(encoding="utf-8") == "earlier build"
    assert sorted(path.name for path in site.iterdir()) == ["index.html"]
