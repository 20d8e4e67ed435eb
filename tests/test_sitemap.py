"""The site map (materials/site.yml): read once, refused when wrong, and true to the site."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from hoagiai import sitemap
from hoagiai.features import all_features
from hoagiai.language import LANGUAGES, Text
from hoagiai.pages import PagesFeature, schema_for
from hoagiai.problems import Report
from hoagiai.publish.page_kinds import PAGE_KINDS, localized
from hoagiai.schemas import SchemaSet
from hoagiai.site import Paths, Site
from hoagiai.sitemap import SITE_MAP, SITE_MAP_FILE, read_site_map
from hoagiai.urls import language_root, language_suffix, localized_path, localized_uri
from support.project import ROOT

SCHEMAS = SchemaSet(ROOT / "materials" / "schemas")

SMALL = """\
page_kinds:
  home: ""
sections:
  - key: learning
    slug: hoc-tap
    order: 10
    feature: modules
    audiences: [hoa-giai-vien]
    page_kinds:
      section index: ""
  - key: quizzes
    slug: trac-nghiem
    order: 20
    feature: quiz
    audiences: [hoa-giai-vien]
    pages:
      tap-huan: {order: 90, audiences: [tap-huan-vien]}
    page_kinds:
      quiz index: ""
"""


def problems_of(text: str) -> list[str]:
    found, problems = read_site_map(text, "site.yml", SCHEMAS)
    assert (found is None) == bool(problems)
    return [item.format() for item in problems]


def test_a_small_map_is_read_with_its_defaults() -> None:
    found, problems = read_site_map(SMALL, "site.yml", SCHEMAS)
    assert problems == [] and found is not None
    quizzes = found["quizzes"]
    assert (quizzes.slug, quizzes.order, quizzes.index, quizzes.folder) == (
        "trac-nghiem", 20, "trac-nghiem/index.md", "trac-nghiem/")
    assert (quizzes.page_schema, quizzes.glossary, quizzes.single_page) == ("page", True, False)
    trainers = quizzes.page("tap-huan")
    assert (trainers.path, trainers.order, trainers.audience) == (
        "trac-nghiem/tap-huan.md", 90, ["tap-huan-vien"])
    assert found.all_page_kinds() == {"home": "", "section index": "hoc-tap/",
                                      "quiz index": "trac-nghiem/"}


def test_two_sections_with_one_order_are_refused_at_the_second() -> None:
    assert problems_of(SMALL.replace("order: 20", "order: 10")) == [
        "site.yml:13:12: mục “trac-nghiem” có order: 10 trùng với mục “hoc-tap” — đổi order của "
        "một trong hai mục thành một giá trị chưa mục nào dùng\n"
        "    (en) section “trac-nghiem” has order: 10, the same as “hoc-tap” — change the order "
        "of one of the two to a value no other section uses"
    ]


def test_two_sections_with_one_slug_are_refused() -> None:
    [message] = problems_of(SMALL.replace("slug: trac-nghiem", "slug: hoc-tap"))
    assert message.startswith("site.yml:12:11: mục “hoc-tap” có slug: hoc-tap trùng với mục")


def test_a_missing_field_is_named_with_its_line() -> None:
    [message] = problems_of(SMALL.replace("    feature: quiz\n", ""))
    assert message.startswith("site.yml:11:5: sections[2]: thiếu trường bắt buộc “feature”")
    assert "\n    (en) " in message


def test_a_wrong_audience_is_named_with_its_place() -> None:
    [message] = problems_of(SMALL.replace("audiences: [tap-huan-vien]", "audiences: [tap-huan]"))
    assert message.startswith("site.yml:17:41: sections[2].pages.tap-huan.audiences[1]: ")
    assert "“tap-huan”" in message


def test_a_broken_project_map_stops_with_its_problems_and_no_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The map is read when the code is imported: a broken one exits 1 with its problems."""
    (tmp_path / "materials").mkdir()
    (tmp_path / "materials" / "schemas").symlink_to(ROOT / "materials" / "schemas")
    broken = tmp_path / "materials" / "site.yml"
    broken.write_text(SMALL.replace("order: 20", "order: 10"), encoding="utf-8")
    monkeypatch.setattr(sitemap, "PROJECT_ROOT", tmp_path)
    monkeypatch.setattr(sitemap, "SITE_MAP_FILE", broken)
    with pytest.raises(SystemExit) as stopped:
        sitemap._project_map()
    assert stopped.value.code == 1
    assert capsys.readouterr().err.startswith(
        "materials/site.yml:13:12: mục “trac-nghiem” có order: 10 trùng với mục “hoc-tap”")


def test_the_real_map_names_every_section_once_and_real_features() -> None:
    sections = list(SITE_MAP)
    assert len({s.order for s in sections}) == len({s.slug for s in sections}) == len(sections)
    features = {feature.name for feature in all_features()}
    assert {s.feature for s in sections} <= features
    audiences = yaml.safe_load((ROOT / "materials" / "audiences.yml").read_text("utf-8"))
    ids = {item["id"] for item in audiences["audiences"]}
    for section in sections:
        assert set(section.audiences) <= ids, section.key
        for placed in section.pages.values():
            assert set(placed.audiences) <= ids, placed.path
    assert SITE_MAP_FILE.read_text("utf-8").startswith(
        "# yaml-language-server: $schema=schemas/site.schema.json")


def test_page_schemas_and_page_kinds_come_from_the_map() -> None:
    assert schema_for("nguoi-dan/index.md") == "citizen-page"
    assert schema_for("hoc-tap/index.md") == "page"
    assert schema_for("hoc-tap/ky-nang-hoa-giai.md") == "module"
    assert schema_for("cau-chuyen/loi-di-chung.md") == "story"
    assert schema_for("gioi-thieu.md") == "page"
    assert PAGE_KINDS["quiz sheet"] == "trac-nghiem/tap-huan/trinh-tu-hoa-giai-de.html"
    assert PAGE_KINDS["home"] == "" and PAGE_KINDS["authored page"] == "gioi-thieu/"
    assert len(PAGE_KINDS) == sum(len(s.page_kinds) for s in SITE_MAP) + len(SITE_MAP.page_kinds)
    assert localized("ke-hoach/", "en") == "en/ke-hoach/"


def test_addresses_and_file_names_per_language() -> None:
    assert [localized_path("x/", lang) for lang in LANGUAGES] == ["x/", "en/x/"]
    assert [language_suffix(lang) for lang in LANGUAGES] == ["", ".en"]
    assert localized_uri("hoc-tap/index.md", "en") == "hoc-tap/index.en.md"
    assert language_root("", "en") == "/en/"
    assert language_root("https://x.vn/hoa-giai", "vi") == "https://x.vn/hoa-giai/"
    text = Text.of({"vi": "Hòa giải viên", "en": "Mediators"})
    assert [text[lang] for lang in LANGUAGES] == ["Hòa giải viên", "Mediators"]
    with pytest.raises(KeyError):
        text["fr"]


@pytest.mark.build
def test_the_built_navigation_follows_the_map(built_site: Path) -> None:
    """The home page's top-level navigation lists the sections in the map's order."""
    for lang in LANGUAGES:
        home = built_site / localized_path("index.html", lang)
        nav = BeautifulSoup(home.read_text("utf-8"), "html.parser").select_one(
            "nav.md-nav--primary > ul.md-nav__list")
        assert nav is not None
        shown = []
        for item in nav.find_all("li", recursive=False):
            link = item.select_one("a[href]")
            href = link["href"].removeprefix("./").removeprefix("../")
            first = href.split("/")[0].removesuffix(".html")
            if first and first != "index":
                shown.append(first)
        expected = [s.slug for s in SITE_MAP.in_navigation_order()]
        assert [slug for slug in shown if slug in expected] == expected, lang


def test_an_authored_section_index_must_keep_the_maps_order(tmp_path: Path) -> None:
    page = ("---\ntitle: Học tập\ndescription: Các bài học về hòa giải ở cơ sở cho hòa giải "
            "viên ở thôn.\naudience: [hoa-giai-vien]\norder: {order}\n---\n\nNội dung.\n")
    folder = tmp_path / "docs" / "hoc-tap"
    folder.mkdir(parents=True)
    (folder / "index.md").write_text(page.format(order=12), encoding="utf-8")
    (folder / "index.en.md").write_text(page.format(order=10), encoding="utf-8")
    site = Site(Paths.at(tmp_path), SCHEMAS)
    report = Report()
    PagesFeature().load(site, report)
    PagesFeature().check(site, report)
    assert [item.format().splitlines()[0] for item in report] == [
        "docs/hoc-tap/index.md:5:8: thứ tự của mục “hoc-tap” phải là order: 10 như trong "
        "materials/site.yml — ghi “order: 10” ở phần đầu trang; muốn đổi chỗ của mục trên thanh "
        "điều hướng thì nhờ người lập trình đổi materials/site.yml"]
