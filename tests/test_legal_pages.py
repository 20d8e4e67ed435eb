"""The built legal section: anchors, metadata, status, cited-by lists, English summaries, index."""

from __future__ import annotations

import calendar
import re
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hoagiai.legal.citedby import PER_PAGE
from hoagiai.legal.library import LegalLibrary
from hoagiai.pipeline import load_site
from hoagiai.site import Paths
from support.html import resolve
from support.project import ROOT

pytestmark = pytest.mark.build

LIBRARY = load_site(Paths.at(ROOT)).get(LegalLibrary)
DOCUMENTS = sorted(LIBRARY.documents)


@cache
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_of(site: Path, doc: str, lang: str) -> Path:
    return site / ("en/" if lang == "en" else "") / "van-ban" / doc / "index.html"


def cited_hrefs(page: BeautifulSoup, element) -> list[str]:
    """The links of an element and of the notes its citation markers open."""
    notes = [page.find(id=marker["popovertarget"]) for marker in element.select(".hg-cite")]
    return [a["href"] for part in (element, *notes) for a in part.find_all("a")]


def text_of(element) -> str:
    return " ".join(element.get_text(" ").split())


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("doc", DOCUMENTS)
def test_every_citable_unit_has_its_anchor(built_site: Path, doc: str, lang: str) -> None:
    page = soup(page_of(built_site, doc, lang))
    document = LIBRARY.documents[doc]
    anchors = [unit.anchor for unit in document.units() if unit.locator]
    assert anchors, doc
    missing = [anchor for anchor in anchors if page.find(id=anchor) is None]
    assert missing == []
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), "an anchor is used twice"


def test_law_anchors_follow_the_shared_convention(built_site: Path) -> None:
    page = soup(page_of(built_site, "luat35", "vi"))
    for anchor in ("dieu-12", "dieu-12-khoan-1", "dieu-3-khoan-1-diem-a",
                   "dieu-24-khoan-2-diem-dd", "chuong-ii", "chuong-ii-muc-1"):
        assert page.find(id=anchor) is not None, anchor
    assert text_of(page.find(id="dieu-24-khoan-2-diem-dd")) == (
        "đ) Thỏa thuận đạt được và giải pháp thực hiện;")


def test_contents_lists_chapters_and_articles(built_site: Path) -> None:
    page = soup(page_of(built_site, "luat35", "vi"))
    toc = page.find("details", class_="abstract")
    assert toc is not None and text_of(toc.summary) == "Mục lục"
    links = [a["href"] for a in toc.find_all("a")]
    assert links[:3] == ["#chuong-i", "#dieu-1", "#dieu-2"]
    assert len([link for link in links if link.startswith("#dieu-")]) == 33
    assert len([link for link in links if re.fullmatch(r"#chuong-[ivx]+", link)]) == 5
    assert "#chuong-ii-muc-1" in links


def metadata(page: BeautifulSoup) -> dict[str, str]:
    panel = page.select_one(".hg-legal-meta dl")
    return {text_of(dt): text_of(dt.find_next_sibling("dd")) for dt in panel.find_all("dt")}


def test_metadata_panel_of_the_law(built_site: Path) -> None:
    panel = metadata(soup(page_of(built_site, "luat35", "vi")))
    assert panel["Số hiệu"] == "35/2013/QH13"
    assert panel["Tên văn bản"] == "Luật Hòa giải ở cơ sở"
    assert panel["Cơ quan ban hành"] == (
        "Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII")
    assert panel["Ngày ban hành"] == "20/06/2013"
    assert panel["Ngày có hiệu lực"] == "01/01/2014"
    assert panel["Văn bản được thay thế"].startswith("Pháp lệnh về tổ chức và hoạt động hòa giải")
    assert panel["Mức đầy đủ của bản trên trang"].startswith("Toàn văn")
    assert panel["Phần còn thiếu"].startswith("Phần mở đầu")
    assert "phapdien.moj.gov.vn" in panel["Lời văn lấy từ đâu"]
    assert panel["Kiểm tra tình trạng lần cuối"] == "26/11/2026"


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_every_document_shows_source_completeness_and_date_checked(built_site: Path,
                                                                    doc: str) -> None:
    labels = {
        "vi": ("Kiểm tra tình trạng lần cuối", "Lời văn lấy từ đâu",
               "Mức đầy đủ của bản trên trang"),
        "en": ("Status last checked", "Where the text comes from", "How complete this copy is"),
    }
    for lang, (checked, source, level) in labels.items():
        panel = metadata(soup(page_of(built_site, doc, lang)))
        year, month, day = LIBRARY.documents[doc].info.checked.split("-")
        assert panel[checked] in (f"{day}/{month}/{year}",
                                  f"{int(day)} {calendar.month_name[int(month)]} {year}")
        assert panel[source] and panel[level]
    if LIBRARY.documents[doc].info.completeness in ("partial", "extract"):
        panel = metadata(soup(page_of(built_site, doc, "vi")))
        assert panel["Phần còn thiếu"] and panel["Đọc toàn văn chính thức"]


@pytest.mark.parametrize("doc", ["luat35", "nd15", "tt56"])
def test_pages_naming_the_district_level_cite_decree_120_article_18(built_site: Path,
                                                                   doc: str) -> None:
    page = soup(page_of(built_site, doc, "vi"))
    targets = cited_hrefs(page, page.find(id="trang-thai"))
    assert any(re.fullmatch(r"\.\./nd120/#dieu-18(-khoan-\d)?", href) for href in targets)


def test_decree_120_is_flagged_for_rechecking_before_it_expires(built_site: Path) -> None:
    page = soup(page_of(built_site, "nd120", "vi"))
    status = page.find(id="trang-thai")
    assert "01/3/2027" in text_of(status)
    assert "#dieu-23-khoan-2" in cited_hrefs(page, status)  # same page
    assert metadata(page)["Hết hiệu lực"] == "01/03/2027"


def test_law_status_mentions_the_revision_being_drafted(built_site: Path) -> None:
    status = text_of(soup(page_of(built_site, "luat35", "vi")).find(id="trang-thai"))
    assert "Luật Hòa giải ở cơ sở (sửa đổi)" in status and "24/11/2025" in status


@pytest.mark.parametrize(("doc", "banner"), [
    ("ghichep", "Thông tin báo chí — không phải văn bản quy định"),
    ("sukien", "Dữ kiện từ nguồn thứ cấp — không phải văn bản quy định"),
])
def test_notes_are_labelled_as_not_regulation(built_site: Path, doc: str, banner: str) -> None:
    titles = [text_of(p) for p in soup(page_of(built_site, doc, "vi")).select(
        ".admonition.danger .admonition-title")]
    assert titles == [banner]


def test_regulations_carry_no_such_banner(built_site: Path) -> None:
    assert soup(page_of(built_site, "luat35", "vi")).select(".admonition.danger") == []


def test_editorial_notes_are_marked_as_such(built_site: Path) -> None:
    page = soup(page_of(built_site, "nd120", "vi"))
    notes = [text_of(p) for p in page.select("p.hg-editorial")]
    assert "Ghi chú biên tập: [… Điều 2 – Điều 17 không chép …]" in notes


def test_cited_by_lists_the_page_that_cites_the_plan(built_site: Path) -> None:
    """Under the part, how many places cite it, linking to the plan's list of citing places."""
    for lang, label in (("vi", "Giới thiệu"), ("en", "About")):
        page = page_of(built_site, "kehoach", lang)
        part = soup(page).find(id="muc-iv").find_parent("section")
        (count,) = part.select(".hg-cited-by a")
        assert re.search(r"\d+", text_of(count))
        listing = resolve(built_site, page, count["href"])
        assert listing.exists() and count["href"].endswith("#muc-iv")
        heading = soup(listing).find(id="muc-iv")
        entries = heading.find_next("ul")
        links = {text_of(a): a["href"] for a in entries.find_all("a")}
        assert resolve(built_site, listing, links[label]) == built_site / (
            "" if lang == "vi" else "en") / "gioi-thieu" / "index.html"
        assert "IV.4.b" in text_of(entries)
        assert int(re.search(r"\d+", text_of(count)).group()) == len(entries.find_all("li"))


def test_no_legal_page_grows_with_the_places_that_cite_it(built_site: Path) -> None:
    """The text says how many places cite an article; the lists are pages of at most PER_PAGE."""
    law = soup(page_of(built_site, "luat35", "vi"))
    assert not law.select(".hg-cited-by li")
    listing = built_site / "van-ban" / "dan-chieu"
    later = listing.glob("luat35-*/index.html")
    pages = [listing / "luat35" / "index.html",
             *sorted(later, key=lambda page: int(page.parent.name.rsplit("-", 1)[1]))]
    assert len(pages) > 1, "the Law is cited in more places than one page lists"
    counted = sum(int(re.search(r"\d+", text_of(a)).group())
                  for a in law.select(".hg-cited-by a"))
    listed = [len(soup(page).select("article > ul > li")) for page in pages]
    assert max(listed) <= PER_PAGE and sum(listed) == counted
    pager = soup(pages[1]).select_one("nav.hg-pager")
    assert pager.select_one("[aria-current=page]").get_text() == "2"


def test_citations_in_prose_link_the_article_with_its_title(built_site: Path) -> None:
    for lang, prefix, title in (("vi", "", "IV. NỘI DUNG THỰC HIỆN"), ("en", "en/", "IV. Tasks")):
        page = soup(built_site / prefix / "gioi-thieu" / "index.html")
        # Citations with a label of their own ([[kehoach:IV.4.b|mục IV.4.b]]) stay links.
        links = [a for a in page.select("article a:not(.hg-cite-note a)")
                 if "muc-iv-4-b" in a.get("href", "")]
        assert links, lang
        assert {a["href"] for a in links} == {"../van-ban/kehoach/#muc-iv-4-b"}
        assert {a["title"] for a in links} == {title}
        assert "[[" not in text_of(page.select_one("article"))


def test_english_page_says_only_the_vietnamese_text_is_official(built_site: Path) -> None:
    page = soup(page_of(built_site, "luat35", "en"))
    notice = page.select_one(".admonition.warning")
    assert text_of(notice.select_one(".admonition-title")) == "Unofficial English summary"
    assert "Only the Vietnamese text is official." in text_of(notice)
    heading = page.find(id="dieu-12")
    assert text_of(heading).startswith("Article 12. Mediation teams")


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_english_links_to_the_vietnamese_wording_land_on_its_anchors(built_site: Path,
                                                                     doc: str) -> None:
    english = page_of(built_site, doc, "en")
    links = [a["href"] for a in soup(english).select("article a.hg-twin")]
    assert links
    for href in links:
        target = resolve(built_site, english, href)
        assert target == page_of(built_site, doc, "vi"), href
        anchor = href.partition("#")[2]
        assert not anchor or soup(target).find(id=anchor) is not None, href


def test_index_lists_every_document_by_type(built_site: Path) -> None:
    for lang, first, last in (("vi", "Luật", "Ghi chép có nguồn (không phải văn bản quy định)"),
                              ("en", "Law", "Sourced notes (not regulation)")):
        page = soup(built_site / ("en/" if lang == "en" else "") / "van-ban" / "index.html")
        article = page.select_one("article")
        headings = [text_of(h).rstrip(" #").strip() for h in article.find_all("h2")
                    if h.find_parent(class_="hg-share") is None]
        assert headings[0] == first and headings[-1] == last
        listed = [a["href"] for a in article.select("li > p > strong > a, li > strong > a")]
        assert listed == [f"{document.id}/" for document in LIBRARY.ordered()]
        assert "đang được xây dựng" not in text_of(article)
        assert "being built" not in text_of(article)


def test_laws_come_first_then_by_date(built_site: Path) -> None:
    assert [document.id for document in LIBRARY.ordered()] == [
        "luat35", "luat58", "blttds", "nd15", "nd120", "nqlt01", "qd315", "qd2372", "tt56",
        "kehoach", "ghichep", "sodienthoai", "sukien",
    ]


def test_only_legal_pages_load_the_legal_stylesheet(built_site: Path) -> None:
    def styles(path: Path) -> list[str]:
        return [link["href"] for link in soup(path).find_all("link", rel="stylesheet")]

    assert any(href.endswith("assets/css/legal.css")
               for href in styles(page_of(built_site, "luat35", "vi")))
    assert not any(href.endswith("legal.css") for href in styles(built_site / "index.html"))
