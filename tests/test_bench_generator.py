"""The benchmark's synthetic project: Vietnamese-like text, sources of every kind of the site."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from hoagiai.audiences import LISTED_PER_SECTION
from hoagiai.bench import kinds, legal
from hoagiai.bench.configs import (
    STOCK_DOCS,
    read_config,
    stock_config,
    write_stock_config,
)
from hoagiai.bench.synthetic import (
    MODULES,
    SECTIONS,
    counted_pages,
    make_project,
    plan_pages,
    read_project,
    shares,
    unit_counts,
)
from hoagiai.bench.text import Filler, slugify
from hoagiai.feature import GeneratedFile
from hoagiai.frontmatter import split_front_matter
from hoagiai.pipeline import generate, load_site
from hoagiai.printing.pdf import CACHE_VARIABLE
from hoagiai.site import Paths
from support.project import PDF_CACHE, ROOT

VIETNAMESE_MARKS = set("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")
ADDED = 40  # pages per language the small project adds to the real ones
SOURCES = kinds.Sources(("luat35:4", "luat35:12.1", "hoc-tap/ky-nang-hoa-giai#lang-nghe"),
                        ("dat-dai", "loi-di", "hang-xom"))


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


@pytest.mark.parametrize("total", [0, 1, 7, 100, 1999])
@pytest.mark.parametrize("room", [0, 5, 89])
def test_units_make_the_pages_asked_with_whole_modules_in_their_room(total: int,
                                                                     room: int) -> None:
    units = unit_counts(total, room)
    assert sum(count * section.pages for section, count in zip(SECTIONS, units,
                                                               strict=True)) == total
    assert units[SECTIONS.index(MODULES)] <= room


@pytest.mark.build
def test_planned_pages_have_unique_paths_in_real_sections(built_site: Path) -> None:
    pages = plan_pages(500, read_project(ROOT))
    assert len({page.base_uri for page in pages}) == len(pages)
    # Sections of the real site, written or generated from materials/.
    real_sections = {index.parent.name for index in built_site.glob("*/index.html")}
    assert {page.section.folder for page in pages} <= real_sections
    modules = [page.order for page in pages if page.section is MODULES]
    assert modules and modules[-1] <= read_project(ROOT).last_module


def drafts(maker: kinds.PageMaker, number: int = 3) -> dict[str, kinds.PageShape]:
    """One page in both languages, drawn as the synthetic project draws it."""
    return {lang: maker(kinds.Draft(number, lang, Filler(lang, 1), random.Random(1), SOURCES))
            for lang in ("vi", "en")}


def citations(text: str) -> list[str]:
    return re.findall(r"\[\[([^\]]+)\]\]", text)


@pytest.mark.parametrize("maker", [kinds.module_page, kinds.story_page, kinds.guide_page])
def test_both_languages_share_structure_and_citations(maker: kinds.PageMaker) -> None:
    shapes = drafts(maker)
    vi, en = shapes["vi"].body, shapes["en"].body
    assert vi != en
    assert citations(vi) == citations(en) and set(citations(vi)) <= set(SOURCES.refs)
    assert re.findall(r"\{#[a-z0-9-]+\}", vi) == re.findall(r"\{#[a-z0-9-]+\}", en)
    assert shapes["vi"].meta == shapes["en"].meta
    assert unicodedata.is_normalized("NFC", vi)


def test_modules_have_every_part_with_the_projects_own_words() -> None:
    shapes = drafts(kinds.module_page)
    for lang, heading in (("vi", "Tình huống giả định"), ("en", "Hypothetical scenario")):
        body = shapes[lang].body
        assert body.count(f'!!! scenario "{heading} ') == 2
        assert body.count("    ??? answer ") == 2
        for kind in ("!!! objectives ", '!!! key-points ""', "??? trainer-notes "):
            assert kind in body
    assert set(shapes["vi"].meta) == {"duration", "reviewed", "styles", "scripts"}


def test_stories_are_hypothetical_dated_and_on_the_projects_topics() -> None:
    meta = drafts(kinds.story_page, number=3)["vi"].meta
    assert meta["kind"] == "hypothetical"
    assert set(meta["tags"]) <= set(SOURCES.tags)
    assert meta["date"] == str(kinds.REVIEWED - 3 * kinds.STORY_INTERVAL)


@pytest.fixture(scope="module", autouse=True)
def shared_pdf_cache() -> Iterator[None]:
    """Generating renders handout PDFs: share the real project's cache, as builds in tests do."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_VARIABLE, str(PDF_CACHE))
        yield


@pytest.fixture(scope="module")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("bench") / "project"
    make_project(ROOT, project, counted_pages(ROOT) + ADDED)
    return project


@pytest.fixture(scope="module")
def made(small_project: Path) -> dict[str, GeneratedFile]:
    """What the project's own generator makes of the small project (its check passes first)."""
    site = load_site(Paths.at(small_project))  # raises ContentError listing any problem
    return {item.src_uri: item for item in generate(site)}


def is_synthetic(path: Path) -> bool:
    """Synthetic pages and banks are named by their number: `<words>-<number>`."""
    return re.search(r"-[0-9]+$", path.name.split(".")[0]) is not None


def synthetic(project: Path, section: str) -> list[Path]:
    """The Vietnamese synthetic pages of a section."""
    return sorted(path for path in (project / "docs" / section).glob("*.md")
                  if is_synthetic(path) and not path.name.endswith(".en.md"))


def test_project_has_n_pages_per_language_each_with_its_twin(small_project: Path) -> None:
    docs = small_project / "docs"
    assert counted_pages(small_project) == counted_pages(ROOT) + ADDED
    vietnamese = {p for p in docs.rglob("*.md") if not p.name.endswith(".en.md")}
    english = {p for p in docs.rglob("*.en.md")}
    assert {p.with_name(p.name.replace(".md", ".en.md")) for p in vietnamese} == english


def test_the_project_makes_quizzes_handouts_and_library_pages(small_project: Path,
                                                              made: dict[str, GeneratedFile]
                                                              ) -> None:
    modules = [path.stem for path in synthetic(small_project, MODULES.folder)]
    assert modules
    for module in modules:
        assert (small_project / "materials" / "quiz" / f"{module}.yml").is_file()
        for page in (f"trac-nghiem/{module}.md", f"tai-lieu-in/{module}.en.md"):
            assert page in made
        assert made[f"trac-nghiem/{module}.md"].meta["scripts"] == ["quiz"]
    texts = sorted((small_project / "materials" / "legal").glob("gialap*.yml"))
    assert texts and all(f"van-ban/{text.stem}.en.md" in made for text in texts)
    assert any(uri.startswith("danh-cho/") for uri in made)


def test_synthetic_legal_texts_say_they_are_not_law(small_project: Path) -> None:
    for sidecar in (small_project / "materials" / "legal").glob(f"{legal.PREFIX}*.yml"):
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
        assert data["nature"] == "thu-cap"
        assert "không phải văn bản pháp luật" in data["title"]["vi"]
        assert "not a legal text" in data["title"]["en"]
        text = sidecar.with_suffix(".md").read_text(encoding="utf-8")
        assert "không phải văn bản pháp luật" in text.split("#### Điều 1.")[0]


def citizens_stories(project: Path, made: dict[str, GeneratedFile]) -> int:
    """Pages of the stories section for citizens, in Vietnamese, the section's own index aside
    (the topic and year indexes inside it are pages of the section too)."""
    authored = [split_front_matter(path.read_text(encoding="utf-8"), path.name)[0].meta
                for path in (project / "docs" / "cau-chuyen").glob("*.md")
                if not path.name.endswith(".en.md")]
    generated = [item.meta for item in made.values()
                 if item.path.startswith("cau-chuyen/") and item.is_page and item.lang == "vi"
                 and item.path != "cau-chuyen/index.md"]
    return sum("nguoi-dan" in meta["audience"] for meta in authored + generated)


def stories_group(audience_page: str) -> str:
    """The stories' part of an audience page, from its heading to the next one."""
    return next(part for part in audience_page.split("\n## ")
                if part.startswith(("[Câu chuyện", "[Stories")))


def test_audience_pages_list_a_few_pages_per_section_and_link_the_rest(
        small_project: Path, made: dict[str, GeneratedFile]) -> None:
    more = citizens_stories(small_project, made) - LISTED_PER_SECTION
    assert more > 0
    for page, line in (("danh-cho/nguoi-dan.md", f"- *[… và {more} trang khác trong mục Câu "),
                       ("danh-cho/nguoi-dan.en.md", f"- *[… and {more} more pages in Stories")):
        group = stories_group(made[page].content)
        assert group.count("\n- [") == LISTED_PER_SECTION
        assert line in group


def test_audience_pages_name_the_stories_section_by_its_index(
        made: dict[str, GeneratedFile]) -> None:
    assert "\n## [Câu chuyện](../cau-chuyen/index.md)" in made["danh-cho/nguoi-dan.md"].content


def test_synthetic_sources_are_nfc_with_front_matter(small_project: Path) -> None:
    story = synthetic(small_project, "cau-chuyen")[0]
    front, problems = split_front_matter(story.read_text(encoding="utf-8"), story.name)
    assert problems == [] and front.meta["kind"] == "hypothetical"
    sources = [*(small_project / "materials").rglob(f"{legal.PREFIX}*"),
               *filter(is_synthetic, (small_project / "docs").rglob("*.md")),
               *filter(is_synthetic, (small_project / "materials" / "quiz").glob("*.yml"))]
    for path in sources:
        assert unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8")), path


def test_stock_configuration_is_plain_material_with_the_same_pages(small_project: Path) -> None:
    project = read_config(small_project / "mkdocs.yml")
    stock = stock_config(project)
    assert stock["theme"] == {"name": "material", "language": "vi", "font": False}
    assert stock["plugins"][0] == "search"
    i18n = stock["plugins"][1]["i18n"]
    assert set(i18n) == {"docs_structure", "languages"}
    assert stock["markdown_extensions"] == project["markdown_extensions"]
    assert "extra_css" not in stock and stock["strict"] is False
    assert stock["docs_dir"] == STOCK_DOCS


def test_stock_site_builds_the_authored_and_the_generated_pages(
        small_project: Path, made: dict[str, GeneratedFile]) -> None:
    text = write_stock_config(small_project).read_text(encoding="utf-8")
    assert "site_url: http://localhost:8000/" in text  # as mkdocs.yml (SITE_URL is the plugin's)
    assert "!!python/name:material.extensions.emoji.twemoji" in text
    assert "hoagiai" not in text and "custom_dir" not in text
    docs, stock = small_project / "docs", small_project / STOCK_DOCS
    written = {path.relative_to(stock).as_posix() for path in stock.rglob("*") if path.is_file()}
    authored = {path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()}
    assert written == authored | set(made)
