"""The benchmark's synthetic project: Vietnamese-like text, pages over the real sections."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from hoagiai.audiences import LISTED_PER_SECTION
from hoagiai.bench import kinds
from hoagiai.bench.configs import read_config, stock_config, write_stock_config
from hoagiai.bench.synthetic import (
    SECTIONS,
    STAND_IN_ASSETS,
    authored_pages,
    make_project,
    plan_pages,
    shares,
)
from hoagiai.bench.text import Filler, slugify
from hoagiai.frontmatter import split_front_matter
from hoagiai.pipeline import generate, load_site
from hoagiai.site import Paths
from support.project import ROOT

VIETNAMESE_MARKS = set("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")


def test_filler_is_seeded_nfc_vietnamese() -> None:
    first, again = Filler("vi", 7).paragraph(), Filler("vi", 7).paragraph()
    assert first == again
    assert first != Filler("vi", 8).paragraph()
    assert unicodedata.is_normalized("NFC", first)
    assert len(VIETNAMESE_MARKS & set(first.lower())) >= 5


@pytest.mark.parametrize("seed", range(20))
def test_descriptions_fit_the_page_schema(seed: int) -> None:
    for lang in ("vi", "en"):
        assert 30 <= len(Filler(lang, seed).description()) <= 220


@pytest.mark.parametrize(("text", "slug"), [
    ("Hòa giải ở cơ sở", "hoa-giai-o-co-so"),
    ("Đường làng, ngõ xóm!", "duong-lang-ngo-xom"),
    ("  thủy lợi  ", "thuy-loi"),
])
def test_slugs_are_ascii_without_diacritics(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize("total", [0, 1, 7, 100, 1999])
def test_shares_add_up_and_follow_the_sections(total: int) -> None:
    counts = shares(total)
    assert sum(counts) == total
    weight = sum(section.share for section in SECTIONS)
    for section, count in zip(SECTIONS, counts, strict=True):
        assert abs(count - total * section.share / weight) < 1


@pytest.mark.build
def test_planned_pages_have_unique_paths_in_real_sections(built_site: Path) -> None:
    pages = plan_pages(500)
    assert len({page.base_uri for page in pages}) == 500
    # Sections of the real site, written or generated from materials/.
    real_sections = {index.parent.name for index in built_site.glob("*/index.html")}
    assert {page.section.folder for page in pages} <= real_sections


def test_quiz_pages_ask_for_the_quiz_script_and_others_do_not() -> None:
    for maker in (kinds.module_page, kinds.quiz_page, kinds.story_page, kinds.legal_page):
        shape = maker(Filler("vi", 1), "vi")
        wanted = ["quiz"] if maker is kinds.quiz_page else None
        assert shape.meta.get("scripts") == wanted, maker.__name__


def test_stories_are_marked_hypothetical() -> None:
    assert kinds.story_page(Filler("vi", 1), "vi").body.startswith("*Tình huống giả định*")
    assert kinds.story_page(Filler("en", 1), "en").body.startswith("*Hypothetical scenario*")


@pytest.fixture(scope="module")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("bench") / "project"
    make_project(ROOT, project, 80)
    return project


def test_project_has_n_pages_per_language_each_with_its_twin(small_project: Path) -> None:
    docs = small_project / "docs"
    assert authored_pages(docs) == 80
    vietnamese = {p for p in docs.rglob("*.md") if not p.name.endswith(".en.md")}
    english = {p for p in docs.rglob("*.en.md")}
    assert {p.with_name(p.name.replace(".md", ".en.md")) for p in vietnamese} == english


def test_synthetic_pages_pass_the_projects_own_validation(small_project: Path) -> None:
    site = load_site(Paths.at(small_project))  # raises ContentError listing any problem
    made = generate(site)
    assert any(item.path.startswith("danh-cho/") for item in made)


def test_audience_pages_list_a_few_pages_per_section_and_link_the_rest(
        small_project: Path) -> None:
    made = {item.src_uri: item.content for item in generate(load_site(Paths.at(small_project)))}
    stories = len(list((small_project / "docs" / "cau-chuyen").glob("*-*.md"))) // 2
    assert stories > LISTED_PER_SECTION
    citizens = made["danh-cho/nguoi-dan.md"]
    listed = citizens.count("](../cau-chuyen/") - 2  # the heading and the "more" line
    assert listed == LISTED_PER_SECTION
    more = stories - LISTED_PER_SECTION
    assert f"- *[… và {more} trang khác trong mục Câu chuyện](../cau-chuyen/index.md)*" in citizens
    assert f"[… and {more} more pages in Stories](../cau-chuyen/index.md)" in made[
        "danh-cho/nguoi-dan.en.md"]


def test_synthetic_pages_are_nfc_with_front_matter(small_project: Path) -> None:
    quiz = next((small_project / "docs" / "trac-nghiem").glob("*-1.md"))
    text = quiz.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    front, problems = split_front_matter(text, "quiz.md")
    assert problems == [] and front.meta["scripts"] == ["quiz"]
    for asset in STAND_IN_ASSETS:
        assert (small_project / "docs" / asset).is_file()


def test_stock_configuration_is_plain_material_with_the_same_pages(small_project: Path) -> None:
    project = read_config(small_project / "mkdocs.yml")
    stock = stock_config(project)
    assert stock["theme"] == {"name": "material", "language": "vi", "font": False}
    assert stock["plugins"][0] == "search"
    i18n = stock["plugins"][1]["i18n"]
    assert set(i18n) == {"docs_structure", "languages"}
    assert stock["markdown_extensions"] == project["markdown_extensions"]
    assert "extra_css" not in stock and stock["strict"] is False


def test_stock_configuration_file_keeps_mkdocs_tags(small_project: Path) -> None:
    text = write_stock_config(small_project).read_text(encoding="utf-8")
    assert "site_url: !ENV" in text
    assert "!!python/name:material.extensions.emoji.twemoji" in text
    assert "hoagiai" not in text and "custom_dir" not in text
