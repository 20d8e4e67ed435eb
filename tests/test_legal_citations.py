"""Citations: what they resolve to, how they are linked, and how bad ones stop everything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hoagiai import pipeline
from hoagiai.citations import CitationUse
from hoagiai.errors import BuildError
from hoagiai.feature import PageContext
from hoagiai.legal.citedby import cited_by
from hoagiai.legal.explain import explain
from hoagiai.legal.library import LegalLibrary
from hoagiai.legal.links import link_citations, twin_url
from hoagiai.legal.sections import SectionResolver, anchors_of
from hoagiai.legal.view import cited_markdown
from hoagiai.printing.dates import spoken_date
from hoagiai.problems import Location, Text
from hoagiai.site import PageSource, Paths, Site
from hoagiai.yamlpos import YamlDocument
from support.project import copy_project, hoagiai, mkdocs_build

FIXTURES = Path(__file__).parent / "fixtures" / "legal"


@pytest.fixture(scope="module")
def site(project_root: Path) -> Site:
    return pipeline.load_site(Paths.at(project_root))


@pytest.mark.parametrize(("ref", "anchor", "label", "title"), [
    ("luat35:12", "dieu-12",
     Text("Điều 12 Luật Hòa giải ở cơ sở", "Article 12, Law on Grassroots Mediation"),
     Text("Điều 12. Tổ hòa giải", "Article 12. Mediation teams")),
    ("luat35:3.1.a", "dieu-3-khoan-1-diem-a",
     Text("điểm a khoản 1 Điều 3 Luật Hòa giải ở cơ sở",
          "Article 3(1)(a), Law on Grassroots Mediation"),
     Text("Điều 3. Phạm vi hòa giải ở cơ sở", "Article 3. Scope of grassroots mediation")),
    ("luat35:24.2.đ", "dieu-24-khoan-2-diem-dd",
     Text("điểm đ khoản 2 Điều 24 Luật Hòa giải ở cơ sở",
          "Article 24(2)(đ), Law on Grassroots Mediation"),
     Text("Điều 24. Hòa giải thành", "Article 24. Successful mediation")),
    ("nd120:PL.III.1.a", "pl-iii-1-a",
     Text("điểm a khoản 1 mục III Phụ lục Nghị định 120/2025/NĐ-CP",
          "Annex, section III(1)(a), Decree 120/2025/NĐ-CP"),
     Text("III. TRÌNH TỰ, THỦ TỤC HỖ TRỢ KHI HÒA GIẢI VIÊN GẶP TAI NẠN HOẶC RỦI RO ẢNH HƯỞNG ĐẾN "
          "SỨC KHỎE, TÍNH MẠNG TRONG KHI THỰC HIỆN HOẠT ĐỘNG HÒA GIẢI",
          "Annex, section III. Procedure for support when a mediator suffers an accident or risk "
          "affecting health or life while mediating")),
    ("kehoach:IV.4.b", "muc-iv-4-b",
     Text("mục IV.4.b Kế hoạch 2025–2030 của UBND xã Thượng Phúc",
          "item IV.4.b, Thượng Phúc commune plan 2025–2030"),
     Text("IV. NỘI DUNG THỰC HIỆN", "IV. Tasks")),
    ("sukien:4.1", "muc-4-1",
     Text("mục 4.1 Dữ kiện về chương trình, tài liệu bồi dưỡng, kỹ năng và biểu mẫu",
          "section 4.1, facts on training programmes, materials, skills and forms"),
     Text("4. Biểu mẫu, sổ sách của tổ hòa giải", "4. Registers and forms of mediation teams")),
    ("qd2372:2", "dieu-2",
     Text("Điều 2 Quyết định 2372/QĐ-BTP", "Article 2, Decision 2372/QĐ-BTP"),
     Text("Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay…",
          "Article 2. Entry into force and replacement of Decision 4077/QĐ-BTP")),
])
def test_reference_resolves_to_anchor_label_and_tooltip(site: Site, ref: str, anchor: str,
                                                        label: Text, title: Text) -> None:
    target = site.resolve(ref)
    assert target is not None
    assert (target.page, target.anchor) == (f"van-ban/{ref.split(':')[0]}.md", anchor)
    assert (target.label, target.title) == (label, title)


@pytest.mark.parametrize("ref", ["luat35:34", "luat35:12.5", "luat35:3.1.e", "nd15:6",
                                 "nd120:PL.II", "kehoach:iv.4.b", "zz:1", "luat35:12.1.a.b"])
def test_missing_units_do_not_resolve(site: Site, ref: str) -> None:
    assert site.resolve(ref) is None


def page(src_uri: str, url: str, lang: str) -> PageContext:
    return PageContext(src_uri, url, lang, {})


def test_labelled_citations_become_links_and_runs_become_markers(site: Site) -> None:
    markdown = "Xem [[luat35:12.1]] và [[luat35:3.1.a|điểm a]].\n\n```\n[[luat35:1]]\n```\n"
    linked = link_citations(site, page("hoc-tap/bai.md", "hoc-tap/bai/", "vi"), markdown)
    assert linked.startswith(
        'Xem <button type="button" class="hg-cite" data-search-exclude '
        'popovertarget="hg-cite-1" '
        'aria-label="Căn cứ 1: Điều 12, khoản 1 — Luật Hòa giải ở cơ sở">[1]</button> và '
        '[điểm a](../van-ban/luat35.md#dieu-3-khoan-1-diem-a "Điều 3. Phạm vi hòa giải ở cơ sở")'
        ".\n\n```\n[[luat35:1]]\n```\n")
    assert "[Đọc trong văn bản](../van-ban/luat35.md#dieu-12-khoan-1)" in linked


def test_english_pages_link_the_english_twin_anchor(site: Site) -> None:
    linked = link_citations(site, page("index.en.md", "en/", "en"), "[[luat35:12]]")
    assert 'aria-label="Source 1: Article 12 — Law on Grassroots Mediation"' in linked
    assert "[Read in the text](van-ban/luat35.md#dieu-12)" in linked


def test_our_texts_are_escaped_but_their_citations_stay_raw() -> None:
    assert cited_markdown("Xem *chú ý* [[luat35:12.1]] (bản 2013).") == (
        r"Xem \*chú ý\* [[luat35:12.1]] \(bản 2013\).")


@pytest.mark.parametrize(("value", "lang", "expected"), [
    ("2013-06-20", "vi", "20/06/2013"), ("2013-06-20", "en", "20 June 2013"),
    ("2025", "vi", "2025"), ("2027-03-01", "en", "1 March 2027"),
])
def test_dates_read_as_people_write_them(value: str, lang: str, expected: str) -> None:
    assert spoken_date(value, lang) == expected


def test_citation_of_the_same_page_is_a_plain_anchor(site: Site) -> None:
    linked = link_citations(site, page("van-ban/luat35.md", "van-ban/luat35/", "vi"),
                            "[[luat35:12|Điều 12]]")
    assert linked == '[Điều 12](#dieu-12 "Điều 12. Tổ hòa giải")'


def test_label_text_cannot_inject_markdown(site: Site) -> None:
    linked = link_citations(site, page("a.md", "a/", "vi"), "[[luat35:1|*đậm* <b>]]")
    assert linked.startswith(r"[\*đậm\* &lt;b&gt;](van-ban/luat35.md#dieu-1 ")


def test_unchecked_citation_that_resolves_to_nothing_stops_the_build(site: Site) -> None:
    with pytest.raises(BuildError, match=r"x\.md: citation \[\[luat35:99\]\] resolves to nothing"):
        link_citations(site, page("x.md", "x/", "vi"), "[[luat35:99]]")


@pytest.mark.parametrize(("url", "expected"), [
    ("en/van-ban/luat35/", "../../../van-ban/luat35/"),
    ("en/van-ban/luat35.html", "../../van-ban/luat35.html"),
    ("en/", "../"),
])
def test_english_summary_links_its_vietnamese_twin_by_url(url: str, expected: str) -> None:
    assert twin_url(url, "en") == expected


def source_page(src_uri: str, lang: str, title: str, body: str) -> PageSource:
    return PageSource(src_uri, f"docs/{src_uri}", lang, YamlDocument(src_uri, {"title": title}),
                      body, 5)


def test_module_section_resolves_when_both_languages_have_the_anchor(tmp_path: Path) -> None:
    fake = Site(Paths.at(tmp_path), schemas=None)  # type: ignore[arg-type]
    fake.pages = {
        "hoc-tap/ky-nang.md": source_page("hoc-tap/ky-nang.md", "vi", "Kỹ năng",
                                          "## Lắng nghe {#lang-nghe}\n<p id=\"khac\">x</p>\n"),
        "hoc-tap/ky-nang.en.md": source_page("hoc-tap/ky-nang.en.md", "en", "Skills",
                                             "## Listening {: #lang-nghe .x }\n"),
    }
    resolver = SectionResolver(fake)
    target = resolver.resolve("hoc-tap/ky-nang#lang-nghe")
    assert target is not None
    assert (target.page, target.anchor) == ("hoc-tap/ky-nang.md", "lang-nghe")
    assert target.label == Text("Lắng nghe", "Listening")
    assert target.title == Text("Kỹ năng — Lắng nghe", "Skills — Listening")
    assert resolver.resolve("hoc-tap/ky-nang#khac") is None  # missing in English
    assert anchors_of(fake.pages["hoc-tap/ky-nang.md"].body) == {"lang-nghe": "Lắng nghe",
                                                                 "khac": ""}


def test_cited_by_lists_the_citing_page_once_with_the_parts_cited(site: Site) -> None:
    library = site.get(LegalLibrary)
    extra = [CitationUse("kehoach:IV.4.a", Location("docs/x.md", 1, 1), "gioi-thieu.md", "",
                         Text("Giới thiệu", "About"))]
    site_with_extra = Site(site.paths, site.schemas, pages=site.pages,
                           citations=[*site.citations, *extra])
    entries = cited_by(site_with_extra, library)[("kehoach", "IV")]
    about = [entry for entry in entries if entry.page == "gioi-thieu.md"]
    assert len(about) == 1
    assert about[0].label == Text("Giới thiệu", "About")
    assert about[0].parts == [Text("mục IV.4.b", "item IV.4.b"), Text("mục IV.4.a", "item IV.4.a")]
    assert about[0].href("van-ban/kehoach.md") == "../gioi-thieu.md"


def test_status_notes_of_the_law_appear_under_decree_120_article_18(site: Site) -> None:
    entries = cited_by(site, site.get(LegalLibrary))[("nd120", "18")]
    assert {(entry.page, entry.anchor) for entry in entries} >= {
        ("van-ban/luat35.md", "trang-thai"), ("van-ban/nd15.md", "trang-thai"),
        ("van-ban/tt56.md", "trang-thai")}


# Every bad citation of tests/fixtures/legal/bad-citations.md, with the exact message.
BAD_CITATIONS = [
    "docs/bad-citations.md:7:19: trích dẫn “nd16:1”: thư viện không có văn bản mã “nd16” — có "
    "phải “nd15:1”? Các mã văn bản: blttds, ghichep, kehoach, luat35, luat58, nd120, nd15, "
    "nqlt01, qd2372, qd315, sodienthoai, sukien, tt56",
    "docs/bad-citations.md:8:16: trích dẫn “luat35:34”: Luật Hòa giải ở cơ sở không có Điều 34 "
    "— văn bản này chỉ có Điều 1–33",
    "docs/bad-citations.md:9:17: trích dẫn “luat35:12.5”: Luật Hòa giải ở cơ sở không có khoản "
    "5 Điều 12 — Điều 12 chỉ có khoản 1–3",
    "docs/bad-citations.md:10:16: trích dẫn “luat35:3.1.e”: Luật Hòa giải ở cơ sở không có điểm "
    "e khoản 1 Điều 3 — khoản 1 Điều 3 chỉ có điểm a, b, c, d",
    "docs/bad-citations.md:11:24: trích dẫn “luat35:3.a”: Luật Hòa giải ở cơ sở không có khoản a "
    "Điều 3 — Điều 3 chỉ có khoản 1, 2; có phải “luat35:3.1.a”?",
    "docs/bad-citations.md:12:26: trích dẫn “nd15:6”: Nghị định 15/2014/NĐ-CP không có Điều 6 "
    "(thư viện chỉ có một phần văn bản này) — văn bản này chỉ có Điều 1, 5, 17, 19, 20",
    "docs/bad-citations.md:13:24: trích dẫn “luat35:22.1”: Luật Hòa giải ở cơ sở không có khoản "
    "1 Điều 22 — Điều 22 không chia nhỏ hơn; hãy trích dẫn “luat35:22”",
    "docs/bad-citations.md:14:24: trích dẫn “kehoach:IV.9”: Kế hoạch 2025–2030 của UBND xã "
    "Thượng Phúc không có mục IV.9 — mục IV chỉ có mục 1–7",
    "docs/bad-citations.md:15:23: trích dẫn “kehoach:iv.4.b”: Kế hoạch 2025–2030 của UBND xã "
    "Thượng Phúc không có mục iv — văn bản này chỉ có mục I, II, III, IV, V, VI; có phải "
    "“kehoach:IV.4.b”?",
    "docs/bad-citations.md:16:23: trích dẫn “nd120:PL.II”: Nghị định 120/2025/NĐ-CP không có mục "
    "II Phụ lục (thư viện chỉ có một phần văn bản này) — Phụ lục chỉ có mục III",
    "docs/bad-citations.md:17:23: trích dẫn “hoc-tap/ky-nang-hoa-giai#khong-co-muc-nay”: trang "
    "“docs/hoc-tap/ky-nang-hoa-giai.md” không có mục nào mang nhãn “{#khong-co-muc-nay}” — thêm "
    "“{#khong-co-muc-nay}” vào cuối tiêu đề của mục đó trong docs/hoc-tap/ky-nang-hoa-giai.md",
    "docs/bad-citations.md:18:17: trích dẫn “hoc-tap/ky-nang#lang-nghe”: không có trang "
    "“docs/hoc-tap/ky-nang.md” — có phải “hoc-tap/ky-nang-hoa-giai#lang-nghe”?",
    "docs/bad-citations.md:19:14: “[[luật35:12]]” không phải trích dẫn viết đúng cách — viết mã "
    "văn bản bằng chữ thường không dấu, rồi dấu hai chấm và vị trí, ví dụ [[luat35:12.1.a]] "
    "hoặc [[luat35:12.1|khoản 1 Điều 12]]",
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project with the page of bad citations added."""
    project = copy_project(tmp_path / "project")
    for name in ("bad-citations.md", "bad-citations.en.md"):
        shutil.copy(FIXTURES / name, project / "docs" / name)
    return project


def vietnamese_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("docs/", "materials/"))]


def test_check_reports_every_bad_citation_exactly(project: Path) -> None:
    result = hoagiai(project, "check")
    assert result.returncode == 1
    assert vietnamese_lines(result.stderr) == BAD_CITATIONS
    assert ("    (en) citation “luat35:12.5”: Law on Grassroots Mediation has no Article 12(5) — "
            "Article 12 only has clauses 1–3") in result.stderr.splitlines()
    assert f"Found {len(BAD_CITATIONS)} problems" in result.stderr


@pytest.mark.build
def test_build_stops_on_bad_citations_with_the_same_messages(project: Path,
                                                              tmp_path: Path) -> None:
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert vietnamese_lines(result.stdout + result.stderr) == BAD_CITATIONS
    assert not (tmp_path / "site" / "index.html").exists()


def test_reference_deeper_than_a_point_is_explained(site: Site) -> None:
    use = CitationUse("luat35:3.1.a.b", Location("docs/x.md", 2, 5), "x.md", "", Text("x", "x"))
    found = explain(use, site.get(LegalLibrary), SectionResolver(site))
    assert found.format().splitlines()[0] == (
        "docs/x.md:2:5: trích dẫn “luat35:3.1.a.b”: Luật Hòa giải ở cơ sở không có phần "
        "“3.1.a.b” — điểm a khoản 1 Điều 3 không chia nhỏ hơn; hãy trích dẫn “luat35:3.1.a”")


def test_bad_citation_in_metadata_points_at_its_yaml_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    sidecar = project / "materials" / "legal" / "luat35.yml"
    text = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(text.replace("- cite: luat35:7\n", "- cite: luat35:70\n"),
                       encoding="utf-8")
    line = text.splitlines().index("  - cite: luat35:7") + 1
    report = pipeline.check(Paths.at(project))
    assert [problem.format().splitlines()[0] for problem in report] == [
        f"materials/legal/luat35.yml:{line}:5: trích dẫn “luat35:70”: Luật Hòa giải ở cơ sở không "
        "có Điều 70 — văn bản này chỉ có Điều 1–33"
    ]
