"""Does a module have every part, in both languages? Each finding is a bilingual Problem.

The rules are the authoring contract of HUONG-DAN-BIEN-SOAN.md (mục 6): learning
objectives, cited content, at least two hypothetical scenarios each with
discussion questions and a hidden model answer, key points, and notes for
trainers with timing, activities and common mistakes.
"""

from __future__ import annotations

import difflib

from hoagiai.citations import find_in_markdown
from hoagiai.modules.blocks import Block
from hoagiai.modules.model import (
    ANSWER,
    KEY_POINTS,
    OBJECTIVES,
    PART_KINDS,
    SCENARIO,
    TRAINER_NOTES,
    Module,
    ModuleVersion,
)
from hoagiai.problems import Location, Problem, did_you_mean, problem
from hoagiai.render import t

OBJECTIVES_RANGE = (3, 6)
MIN_SCENARIOS = 2
MIN_KEY_POINTS = 3
NOTE_LABELS = ("modules.notes.timing", "modules.notes.activities", "modules.notes.mistakes")
# Material's own admonition kinds: anything else is most likely a misspelt part.
MATERIAL_KINDS = (
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
    "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure",
    "fail", "missing", "danger", "error", "bug", "example", "quote", "cite",
)
# Section anchors other features cite as `hoc-tap/<module>#<id>` (common contract).
REQUIRED_ANCHORS = {
    "ky-nang-hoa-giai": (
        "truoc-hoa-giai", "trong-hoa-giai", "sau-hoa-giai", "lang-nghe", "dat-cau-hoi",
        "lam-diu-cang-thang", "dien-dat-lai", "de-xuat-phuong-an", "nhay-cam-gioi",
        "bat-binh-dang-quyen-luc", "dau-hieu-bao-luc-gia-dinh", "khi-nao-chuyen-noi-khac",
    ),
}
_GUIDE = "xem HUONG-DAN-BIEN-SOAN.md, mục 6"
_GUIDE_EN = "see HUONG-DAN-BIEN-SOAN.md, section 6"


def check_version(version: ModuleVersion) -> list[Problem]:
    """Every part present and well formed in one language."""
    found: list[Problem] = []
    found += _unknown_kinds(version)
    found += _objectives(version)
    found += _scenarios(version)
    found += _key_points(version)
    found += _trainer_notes(version)
    if not any(True for _ in find_in_markdown(version.page.body)):
        found.append(problem(
            _page_start(version),
            "bài học chưa dẫn văn bản nào làm căn cứ",
            f"ghi căn cứ cho mỗi ý về pháp luật, ví dụ [[luat35:4]]; {_GUIDE}",
            "the module cites no source at all",
            f"cite the basis of every legal statement, e.g. [[luat35:4]]; {_GUIDE_EN}",
        ))
    return found


def check_module(module: Module) -> list[Problem]:
    """The two languages agree: same scenarios, same citable sections, contract anchors kept."""
    vi, en = module["vi"], module["en"]
    found: list[Problem] = []
    if len(vi.blocks(SCENARIO)) != len(en.blocks(SCENARIO)):
        found.append(problem(
            _page_start(en),
            f"bản tiếng Anh có {len(en.blocks(SCENARIO))} tình huống, bản tiếng Việt có "
            f"{len(vi.blocks(SCENARIO))}",
            "dịch đủ mọi tình huống để hai bản giống nhau",
            f"the English version has {len(en.blocks(SCENARIO))} scenarios, the Vietnamese "
            f"{len(vi.blocks(SCENARIO))}",
            "translate every scenario so that both versions match",
        ))
    for lang_version, other in ((vi, en), (en, vi)):
        for anchor in sorted(set(lang_version.anchors) - set(other.anchors)):
            heading = lang_version.anchors[anchor]
            found.append(problem(
                lang_version.page.body_location(heading.line, 1),
                f"mục {{#{anchor}}} chỉ có ở bản này, không có ở {other.page.path}",
                "đặt cùng mã mục {#…} cho tiêu đề tương ứng ở cả hai bản (trích dẫn dùng mã này)",
                f"section {{#{anchor}}} exists only here, not in {other.page.path}",
                "give the matching heading the same {#…} id in both versions (citations use it)",
            ))
    for version in (vi, en):
        for anchor in REQUIRED_ANCHORS.get(module.slug, ()):
            if anchor not in version.anchors:
                found.append(problem(
                    _page_start(version),
                    f"thiếu mục có mã {{#{anchor}}}, nơi khác trên trang đang trích dẫn "
                    f"“hoc-tap/{module.slug}#{anchor}”",
                    f"thêm “{{#{anchor}}}” vào cuối tiêu đề của mục đó",
                    f"no section has the id {{#{anchor}}}, which other pages cite as "
                    f"“hoc-tap/{module.slug}#{anchor}”",
                    f"add “{{#{anchor}}}” at the end of that section's heading",
                ))
    return found


def _page_start(version: ModuleVersion) -> Location:
    return Location(version.page.path, 1, 1)


def _at(version: ModuleVersion, block: Block) -> Location:
    return version.page.body_location(block.line, block.indent + 1)


def _missing(version: ModuleVersion, what_vi: str, example: str, what_en: str) -> Problem:
    return problem(
        _page_start(version),
        f"bài học thiếu phần “{what_vi}”",
        f"thêm khối {example}; {_GUIDE}",
        f"the module has no “{what_en}” part",
        f"add a block {example}; {_GUIDE_EN}",
    )


def _unknown_kinds(version: ModuleVersion) -> list[Problem]:
    found = []
    for block in version.structure.all_blocks():
        if block.kind in PART_KINDS or block.kind in MATERIAL_KINDS:
            continue
        close = difflib.get_close_matches(block.kind, PART_KINDS, n=1)
        hint = did_you_mean(close[0] if close else "")
        found.append(problem(
            _at(version, block),
            f"không có loại khối “{block.kind}”",
            f"{hint.vi}các loại khối của bài học: {', '.join(PART_KINDS)}",
            f"there is no block kind “{block.kind}”",
            f"{hint.en}module block kinds: {', '.join(PART_KINDS)}",
        ))
    return found


def _objectives(version: ModuleVersion) -> list[Problem]:
    blocks = version.blocks(OBJECTIVES)
    if not blocks:
        title = t("modules.objectives", version.lang)
        return [_missing(version, "mục tiêu", f"“!!! objectives \"{title}\"” có 3–6 mục tiêu",
                         "objectives")]
    count = len(blocks[0].list_items())
    low, high = OBJECTIVES_RANGE
    if low <= count <= high:
        return []
    return [problem(
        _at(version, blocks[0]),
        f"phần mục tiêu có {count} mục, cần từ {low} đến {high}",
        "viết mỗi mục tiêu thành một dòng bắt đầu bằng “- ”, thụt vào 4 dấu cách",
        f"the objectives list has {count} items; {low} to {high} are needed",
        "write each objective on its own line starting with “- ”, indented by 4 spaces",
    )]


def _scenarios(version: ModuleVersion) -> list[Problem]:
    scenarios = version.blocks(SCENARIO)
    prefix = t("modules.scenario_prefix", version.lang)
    found: list[Problem] = []
    if len(scenarios) < MIN_SCENARIOS:
        found.append(problem(
            _at(version, scenarios[0]) if scenarios else _page_start(version),
            f"bài học có {len(scenarios)} tình huống, cần ít nhất {MIN_SCENARIOS}",
            f"thêm khối “!!! scenario \"{prefix}: …\"”; {_GUIDE}",
            f"the module has {len(scenarios)} scenario(s); at least {MIN_SCENARIOS} are needed",
            f"add a block “!!! scenario \"{prefix}: …\"”; {_GUIDE_EN}",
        ))
    for block in scenarios:
        found += _scenario(version, block, prefix)
    for block in version.structure.all_blocks():
        inside = any(block in s.children for s in scenarios)
        if block.kind == ANSWER and not inside:
            found.append(problem(
                _at(version, block),
                "khối gợi ý trả lời “answer” nằm ngoài tình huống",
                "thụt khối này vào 4 dấu cách để nó thuộc về tình huống ở trên",
                "the “answer” block is outside any scenario",
                "indent it by 4 spaces so that it belongs to the scenario above",
            ))
    return found


def _scenario(version: ModuleVersion, block: Block, prefix: str) -> list[Problem]:
    found = []
    if not block.title.startswith(prefix):
        found.append(problem(
            _at(version, block),
            f"tên tình huống phải bắt đầu bằng “{prefix}” để người đọc biết đây là chuyện không có "
            "thật",
            f"sửa tên thành “{prefix}: {block.title}”",
            f"a scenario's title must start with “{prefix}” so readers know it is not real",
            f"rename it “{prefix}: {block.title}”",
        ))
    if not any(item[0].isdigit() for item in block.list_items()):
        found.append(problem(
            _at(version, block),
            "tình huống chưa có câu hỏi thảo luận",
            "thêm danh sách câu hỏi đánh số “1. …”, thụt vào 4 dấu cách",
            "the scenario has no discussion questions",
            "add a numbered list of questions “1. …”, indented by 4 spaces",
        ))
    answers = [child for child in block.children if child.kind == ANSWER]
    if len(answers) != 1 or not answers[0].collapsible or not answers[0].text():
        label = t("modules.answer", version.lang)
        found.append(problem(
            _at(version, block),
            "tình huống cần đúng một gợi ý trả lời, viết trong khối thu gọn “??? answer”",
            f"thêm “??? answer \"{label}\"” (thụt 4 dấu cách) ở cuối tình huống, rồi viết gợi ý "
            "bên dưới (thụt 8 dấu cách)",
            "a scenario needs exactly one model answer, in a collapsed “??? answer” block",
            f"add “??? answer \"{label}\"” (indented 4 spaces) at the end of the scenario, then "
            "the answer below it (indented 8 spaces)",
        ))
    return found


def _key_points(version: ModuleVersion) -> list[Problem]:
    blocks = version.blocks(KEY_POINTS)
    if not blocks:
        return [_missing(version, "ý chính", "“!!! key-points \"\"” có ít nhất 3 ý", "key points")]
    count = len(blocks[0].list_items())
    if count >= MIN_KEY_POINTS:
        return []
    return [problem(
        _at(version, blocks[0]),
        f"phần ý chính có {count} ý, cần ít nhất {MIN_KEY_POINTS}",
        "viết mỗi ý thành một dòng bắt đầu bằng “- ”, thụt vào 4 dấu cách",
        f"the key points list has {count} items; at least {MIN_KEY_POINTS} are needed",
        "write each key point on its own line starting with “- ”, indented by 4 spaces",
    )]


def _trainer_notes(version: ModuleVersion) -> list[Problem]:
    blocks = version.blocks(TRAINER_NOTES)
    if not blocks:
        title = t("modules.trainer_notes", version.lang)
        return [_missing(version, "ghi chú cho tập huấn viên",
                         f"“??? trainer-notes \"{title}\"”", "notes for trainers")]
    found = []
    block = blocks[0]
    if not block.collapsible:
        found.append(problem(
            _at(version, block),
            "ghi chú cho tập huấn viên phải thu gọn được",
            "đổi “!!!” thành “???” ở đầu khối",
            "the notes for trainers must be collapsible",
            "change “!!!” to “???” at the start of the block",
        ))
    text = block.text()
    labels = [t(key, version.lang) for key in NOTE_LABELS]
    absent = [label for label in labels if f"**{label}:**" not in text]
    if absent:
        wanted = ", ".join(f"**{label}:**" for label in absent)
        found.append(problem(
            _at(version, block),
            f"ghi chú cho tập huấn viên thiếu mục {wanted}",
            "mỗi ghi chú có ba mục: thời lượng, hoạt động, lỗi thường gặp (mỗi mục mở đầu bằng "
            "nhãn in đậm)",
            f"the notes for trainers lack {wanted}",
            "the notes have three parts: timing, activities, common mistakes (each opening with "
            "its bold label)",
        ))
    return found
