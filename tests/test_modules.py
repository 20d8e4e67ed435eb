"""Training modules without a build: structure, checks with exact messages, printable copies."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from hoagiai import pipeline
from hoagiai.modules.blocks import parse
from hoagiai.modules.checks import REQUIRED_ANCHORS
from hoagiai.modules.keypoints import key_points_pages
from hoagiai.modules.links import absolute_links, noted_citations, rebase_links
from hoagiai.modules.model import (
    ANSWER,
    KEY_POINTS,
    OBJECTIVES,
    SCENARIO,
    TRAINER_NOTES,
    Modules,
)
from hoagiai.modules.variants import learner_copy, trainer_copy
from hoagiai.print_links import mark_print_urls
from hoagiai.printing.markdown import SITE_EXTENSIONS
from hoagiai.render import t
from hoagiai.site import Paths
from support.project import ROOT, copy_project

FIXTURES = Path(__file__).parent / "fixtures" / "modules"
SLUGS = [
    "hoa-giai-o-co-so-la-gi", "hoa-giai-vien-va-to-hoa-giai", "trinh-tu-hoa-giai",
    "ket-qua-hoa-giai", "cong-nhan-tai-toa-an", "ky-nang-hoa-giai", "ghi-chep-va-bieu-mau",
    "hoa-giai-tai-toa-an", "kinh-phi-va-ho-tro", "to-hoa-giai-5-tot",
]


@pytest.fixture(scope="module")
def site():
    return pipeline.load_site(Paths.at(ROOT), "https://xa.example/hoa-giai/")


@pytest.fixture(scope="module")
def modules(site) -> Modules:
    return site.get(Modules)


# --- the real modules ---------------------------------------------------------------------


def test_all_ten_modules_load_in_teaching_order(modules: Modules) -> None:
    assert [m.slug for m in modules.items] == SLUGS
    assert [m.number for m in modules.items] == list(range(1, 11))


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_module_has_every_part(modules: Modules, slug: str, lang: str) -> None:
    version = modules.find(slug)[lang]
    assert 3 <= len(version.block(OBJECTIVES).list_items()) <= 6
    scenarios = version.blocks(SCENARIO)
    assert len(scenarios) >= 2
    for scenario in scenarios:
        assert scenario.title.startswith(t("modules.scenario_prefix", lang))
        assert any(item[0].isdigit() for item in scenario.list_items()), scenario.title
        answers = [child for child in scenario.children if child.kind == ANSWER]
        assert len(answers) == 1 and answers[0].collapsible and answers[0].text()
    assert len(version.block(KEY_POINTS).list_items()) >= 3
    notes = version.block(TRAINER_NOTES)
    assert notes.collapsible
    for key in ("modules.notes.timing", "modules.notes.activities", "modules.notes.mistakes"):
        assert f"**{t(key, lang)}:**" in notes.text()
    assert "[[" in version.page.body
    assert version.reviewed and version.duration >= 15


def test_skills_module_carries_the_contract_anchors(modules: Modules) -> None:
    skills = modules.find("ky-nang-hoa-giai")
    for lang in ("vi", "en"):
        assert set(REQUIRED_ANCHORS["ky-nang-hoa-giai"]) <= set(skills[lang].anchors)


def test_module_sections_resolve_as_citations(site) -> None:
    target = site.resolve("hoc-tap/ky-nang-hoa-giai#lang-nghe")
    assert target is not None
    assert (target.page, target.anchor) == ("hoc-tap/ky-nang-hoa-giai.md", "lang-nghe")
    assert target.label.vi == "Lắng nghe (Bài 6)" and target.label.en == "Listening (Module 6)"
    assert site.resolve("hoc-tap/ky-nang-hoa-giai#khong-co") is None
    assert site.resolve("hoc-tap/khong-co#lang-nghe") is None


def test_module_nine_names_the_commune_procedure_and_the_expiry(modules: Modules) -> None:
    body = modules.find("kinh-phi-va-ho-tro")["vi"].page.body
    for ref in ("nd120:18.2", "nd120:PL.III.1", "nd120:PL.III.2", "nd120:PL.III.3", "nd120:23.2"):
        assert f"[[{ref}]]" in body
    assert "07 ngày làm việc" in body and "01/3/2027" in body


def test_module_ten_labels_the_criteria_as_press_facts(modules: Modules) -> None:
    for lang, words in (("vi", "không phải văn bản quy định"), ("en", "not a regulation")):
        version = modules.find("to-hoa-giai-5-tot")[lang]
        assert words in version.page.body and "[[ghichep:1]]" in version.page.body


# --- bad modules: exact messages at file:line ----------------------------------------------

BAD = {
    "objectives missing": (
        '!!! objectives "Mục tiêu bài học"\n    - một;\n    - hai;\n    - ba.\n', "",
        ["docs/hoc-tap/thu-nghiem.md:1:1: bài học thiếu phần “mục tiêu”"],
    ),
    "two objectives": (
        "    - ba.\n", "",
        ["docs/hoc-tap/thu-nghiem.md:10:1: phần mục tiêu có 2 mục, cần từ 3 đến 6"],
    ),
    "misspelt kind": (
        '!!! scenario "Tình huống giả định 2', '!!! senario "Tình huống giả định 2',
        [
            "docs/hoc-tap/thu-nghiem.md:19:1: bài học có 1 tình huống, cần ít nhất 2",
            "docs/hoc-tap/thu-nghiem.md:27:1: không có loại khối “senario”",
            "docs/hoc-tap/thu-nghiem.md:32:5: khối gợi ý trả lời “answer” nằm ngoài tình huống",
        ],
    ),
    "scenario not marked hypothetical": (
        '"Tình huống giả định 2: Hai"', '"Chuyện hàng xóm"',
        ["docs/hoc-tap/thu-nghiem.md:27:1: tên tình huống phải bắt đầu bằng “Tình huống giả định”"
         " để người đọc biết đây là chuyện không có thật"],
    ),
    "answer not collapsed": (
        '    ??? answer', '    !!! answer',
        ["docs/hoc-tap/thu-nghiem.md:19:1: tình huống cần đúng một gợi ý trả lời, viết trong khối "
         "thu gọn “??? answer”"],
    ),
    "no questions": (
        "    1. Hỏi gì?\n", "",
        ["docs/hoc-tap/thu-nghiem.md:19:1: tình huống chưa có câu hỏi thảo luận"],
    ),
    "key points missing": (
        '!!! key-points ""\n    - ý một;\n    - ý hai;\n    - ý ba.\n', "",
        ["docs/hoc-tap/thu-nghiem.md:1:1: bài học thiếu phần “ý chính”"],
    ),
    "trainer notes lack a label": (
        "**Hoạt động:** Thảo luận.", "Thảo luận.",
        ["docs/hoc-tap/thu-nghiem.md:40:1: ghi chú cho tập huấn viên thiếu mục **Hoạt động:**"],
    ),
    "no citation": (
        " [[luat35:4.1]]", "",
        ["docs/hoc-tap/thu-nghiem.md:1:1: bài học chưa dẫn văn bản nào làm căn cứ"],
    ),
    "anchor in one language only": (
        "{#noi-dung}", "{#noi-dung-chinh}",
        [
            "docs/hoc-tap/thu-nghiem.en.md:15:1: mục {#noi-dung} chỉ có ở bản này, không có ở "
            "docs/hoc-tap/thu-nghiem.md",
            "docs/hoc-tap/thu-nghiem.md:15:1: mục {#noi-dung-chinh} chỉ có ở bản này, không có ở "
            "docs/hoc-tap/thu-nghiem.en.md",
        ],
    ),
    "duration missing": (
        "duration: 30\n", "",
        ["docs/hoc-tap/thu-nghiem.md:2:1: thiếu trường bắt buộc “duration”"],
    ),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("modules") / "project")
    shutil.copy(FIXTURES / "module.en.md", project / "docs" / "hoc-tap" / "thu-nghiem.en.md")
    return project


def check_with(project: Path, vi_text: str) -> list[str]:
    (project / "docs" / "hoc-tap" / "thu-nghiem.md").write_text(vi_text, encoding="utf-8")
    report = pipeline.check(Paths.at(project))
    ours = [p for p in report if "thu-nghiem" in p.location.path]
    return [p.format().splitlines()[0].split(" — ")[0]
            for p in sorted(ours, key=lambda p: p.location)]


def test_the_good_fixture_passes(project: Path) -> None:
    assert check_with(project, (FIXTURES / "module.md").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_module_is_reported_where_it_is_wrong(project: Path, case: str) -> None:
    old, new, expected = BAD[case]
    good = (FIXTURES / "module.md").read_text(encoding="utf-8")
    assert old in good, "the table no longer matches the fixture"
    assert check_with(project, good.replace(old, new, 1)) == expected


def test_problems_say_how_to_fix_in_both_languages(project: Path) -> None:
    good = (FIXTURES / "module.md").read_text(encoding="utf-8")
    (project / "docs" / "hoc-tap" / "thu-nghiem.md").write_text(
        good.replace('!!! scenario "Tình huống giả định 2', '!!! senario "Tình huống giả định 2'),
        encoding="utf-8")
    report = pipeline.check(Paths.at(project))
    text = report.format()
    assert "có phải ý bạn là “scenario”?" in text
    assert "(en) there is no block kind “senario” — did you mean “scenario”?" in text


# --- printable copies ----------------------------------------------------------------------

FIXTURE_BODY = (FIXTURES / "module.md").read_text(encoding="utf-8").split("---\n", 2)[2]


def test_learner_copy_drops_answers_and_trainer_notes() -> None:
    learner = learner_copy(FIXTURE_BODY)
    assert "Trả lời một" not in learner and "Trả lời hai" not in learner
    assert "trainer-notes" not in learner and "Thời lượng" not in learner
    assert "Chuyện một" in learner and "1. Hỏi gì?" in learner and "ý ba" in learner
    kinds = [b.kind for b in parse(learner).all_blocks()]
    assert kinds == [OBJECTIVES, SCENARIO, SCENARIO, KEY_POINTS]


def test_trainer_copy_keeps_everything_open() -> None:
    trainer = trainer_copy(FIXTURE_BODY)
    assert "???" not in trainer
    assert '    !!! answer "Gợi ý trả lời"' in trainer and '!!! trainer-notes "' in trainer
    assert trainer.replace("!!!", "???") == FIXTURE_BODY.replace("!!!", "???")


def test_blocks_nest_and_keep_their_lines() -> None:
    structure = parse(FIXTURE_BODY)
    first = structure.blocks[1]
    assert (first.kind, first.line, first.title) == (SCENARIO, 11, "Tình huống giả định 1: Một")
    assert [(c.kind, c.line, c.indent) for c in first.children] == [(ANSWER, 16, 4)]
    assert [(h.text, h.id) for h in structure.headings] == [("Nội dung", "noi-dung")]


def test_blocks_inside_code_fences_are_ignored() -> None:
    text = '```\n!!! scenario "x"\n    y\n```\n'
    assert parse(text).blocks == []


def test_links_are_rebased_or_made_absolute() -> None:
    text = "[a](ket-qua.md#x) [b](../tai-lieu-in/index.md) [c](https://vbpl.vn/) [d](#y)"
    assert rebase_links(text, "hoc-tap", "tai-lieu-in") == (
        "[a](../hoc-tap/ket-qua.md#x) [b](index.md) [c](https://vbpl.vn/) [d](#y)")
    assert absolute_links(text, "hoc-tap", "https://xa.example/en/") == (
        "[a](https://xa.example/en/hoc-tap/ket-qua/#x) [b](https://xa.example/en/tai-lieu-in/) "
        "[c](https://vbpl.vn/) [d](#y)")


def test_printed_citations_are_numbered_notes_listed_at_the_end(site) -> None:
    text = ("A [[luat35:4.1|khoản 1 Điều 4]], B [[luat35:17.5]] [[luat35:17.6]]; [[luat35:17.7]],"
            " C [[hoc-tap/ky-nang-hoa-giai#lang-nghe]], D [[luat35:17.5]] [[luat35:17.6]]"
            " [[luat35:17.7]].")
    printed = noted_citations(text, site, "vi", "x.md")
    body, notes = printed.split("\n\n", 1)
    assert body == ('A khoản 1 Điều 4, B <sup class="cite">[1]</sup>, '
                    'C <sup class="cite">[2]</sup>, D <sup class="cite">[1]</sup>.')
    assert '<p class="cite-note">[1] Điều 17, khoản 5–7 — Luật Hòa giải ở cơ sở</p>' in notes
    assert '<p class="cite-note">[2] Lắng nghe (Bài 6)</p>' in notes
    assert "http" not in printed


def test_print_urls_only_for_links_that_leave_the_site() -> None:
    html = ('<a href="../../van-ban/luat35/#dieu-4">x</a> <a class="headerlink" href="#y">#</a> '
            '<a href="https://vbpl.vn/a?b=1&amp;c=2">vbpl</a> '
            '<a href="https://xa.example/hoa-giai/hoc-tap/">here</a>')
    marked = mark_print_urls(html, "https://xa.example/hoa-giai/")
    assert '<a href="../../van-ban/luat35/#dieu-4">x</a>' in marked
    assert '<a class="headerlink" href="#y">#</a>' in marked
    assert 'data-print-url="https://vbpl.vn/a?b=1&amp;c=2">vbpl' in marked
    assert '<a href="https://xa.example/hoa-giai/hoc-tap/">here</a>' in marked


# --- agreements with mkdocs.yml ------------------------------------------------------------


class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml without running its !ENV and !!python tags."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)


def test_pdf_markdown_uses_the_sites_extensions() -> None:
    names = [next(iter(e)) if isinstance(e, dict) else e
             for e in mkdocs_config()["markdown_extensions"]]
    assert names == list(SITE_EXTENSIONS)


def test_printed_site_title_matches_the_sites_name() -> None:
    config = mkdocs_config()
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    english = next(lang for lang in i18n["languages"] if lang["locale"] == "en")
    assert t("modules.site_title", "vi") == config["site_name"]
    assert t("modules.site_title", "en") == english["site_name"]


def test_key_points_page_lists_every_module_with_its_review_date(site) -> None:
    made = {item.src_uri: item for item in key_points_pages(site, site.get(Modules))}
    page = made["hoc-tap/y-chinh.md"].content
    assert isinstance(page, str)
    for number, slug in enumerate(SLUGS, start=1):
        assert re.search(rf"## Bài {number}\. .* \{{#{slug}\}}", page), slug
    assert len(re.findall(r"Rà soát lần cuối: \d\d/\d\d/20\d\d", page)) == 10
    assert "Rà soát lần cuối: 06/12/2026" in page  # the date in the lesson's front matter
    assert "[[luat35:2.1]]" in page
    assert "Last reviewed: 6 December 2026" in made["hoc-tap/y-chinh.en.md"].content
