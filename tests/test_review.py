"""Issue 16, requirements 3 and 4: the statements say what the law says; the review sheet
(`hoagiai doi-chieu`) and the warning for rule sentences without a citation."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pypdf
import pytest
import yaml

from hoagiai.citations import MARKDOWN_CITATION
from hoagiai.pipeline import load_site
from hoagiai.review.collect import rule_warnings
from hoagiai.review.rules import rule_cue
from hoagiai.review.sentences import sentences
from hoagiai.review.sheet import build_sheet, sheet_html
from hoagiai.site import Paths, Site
from support.project import ROOT, copy_project, hoagiai

FIXTURE = Path(__file__).parent / "fixtures" / "review" / "quy-dinh.md"
FAQ = {item["id"]: item for item in
       yaml.safe_load((ROOT / "materials" / "faq.yml").read_text(encoding="utf-8"))["questions"]}


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(Paths.at(ROOT))


def read(relative: str) -> str:
    return (ROOT / relative).read_text(encoding="utf-8")


def both(relative: str) -> list[str]:
    """A page in Vietnamese and English: `docs/x.md` and `docs/x.en.md`."""
    return [read(relative), read(relative.replace(".md", ".en.md"))]


# --- The rule-sentence detector --------------------------------------------------------------

def test_sentences_keep_their_line_citations_and_list_lead_in() -> None:
    found = {s.text: s for s in sentences(FIXTURE.read_text(encoding="utf-8"), first_line=10)}
    assert found["Hòa giải viên phải giữ bí mật đời tư của các bên."].refs == ("luat35:4.3",)
    assert found["Bạn phải gửi đơn trong thời hạn 30 ngày."].line == 12  # line 3 of the fixture
    assert found["Bạn phải gửi đơn trong thời hạn 30 ngày."].cited == ()
    # A list introduced by a cited sentence ending in ":" rests on that citation ...
    assert found["các bên có đủ năng lực hành vi dân sự;"].cited == ("blttds:417",)
    # ... one introduced by an uncited sentence does not.
    assert found["không ai được ép bạn ký;"].cited == ()
    # Admonition bodies are prose; titles, headings and code are not.
    assert found["Đơn phải gửi đến Tòa án trong thời hạn 06 tháng."].refs == ("blttds:418.1",)
    assert not any("Thời hạn: 06 tháng" in text or "Trong code" in text or "Một mục" in text
                   for text in found)
    assert "Lệ phí 50.000 đồng · chưa có" in found  # a table row


@pytest.mark.parametrize(("text", "lang", "cue"), [
    ("Bạn phải gửi đơn.", "vi", "phải"),
    ("Không ai được ép bạn.", "vi", "Không ai được"),
    ("Bạn có quyền từ chối.", "vi", "có quyền"),
    ("Trả lời trong 24 giờ.", "vi", "24 giờ"),
    ("Hai bên hẹn hát đến 21 giờ.", "vi", None),
    ("Các bên có nghĩa vụ trình bày đúng sự thật.", "vi", "có nghĩa vụ"),
    ("Gửi trong thời hạn sáu tháng.", "vi", "thời hạn"),
    ("Bắt đầu trong 03 ngày.", "vi", "03 ngày"),
    ("Thù lao 200.000 đồng mỗi vụ.", "vi", "200.000 đồng"),
    ("Hòa giải viên không phải là quan tòa.", "vi", None),
    ("Tôi có phải viết đơn không?", "vi", None),
    ("Xã được thành lập năm 2025.", "vi", None),
    ("The mediator must step aside.", "en", "must"),
    ("It starts within three days.", "en", "within three"),
    ("You may ask for a 15-day delay.", "en", "15-day"),
    ("The parties have the right to refuse.", "en", "have the right"),
    ("What are my rights and duties? · Your rights", "en", None),
    ("A mediator is not a judge.", "en", None),
])
def test_rule_cues(text: str, lang: str, cue: str | None) -> None:
    assert rule_cue(text, lang) == cue


def test_check_warns_of_uncited_rules_with_file_and_line_and_passes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "nguoi-dan" / "cach-nho-hoa-giai.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nBạn phải nộp lệ phí 50.000 đồng.\n", encoding="utf-8")
    line = text.count("\n") + 2
    result = hoagiai(project, "check")
    assert result.returncode == 0, result.stderr
    assert "Không có lỗi. / No problems found." in result.stdout
    assert (f"docs/nguoi-dan/cach-nho-hoa-giai.md:{line}: cảnh báo: câu nêu quy định («phải») "
            "nhưng chưa dẫn nguồn: “Bạn phải nộp lệ phí 50.000 đồng.”") in result.stderr
    assert "(en) warning: a sentence states a rule (“phải”)" in result.stderr
    assert re.search(r"\d+ warnings?: worth fixing, but they do not stop the build", result.stderr)
    # The sheet lists it first, under "Chưa dẫn nguồn".
    html = sheet_html(build_sheet(load_site(Paths.at(project)), "vi", ("nguoi-dan/",)), "vi",
                      dt.date(2026, 12, 4))
    uncited = html.index('id="chua-dan-nguon"')
    assert uncited < html.index("Bạn phải nộp lệ phí 50.000 đồng.") < html.index('class="page"')


def test_no_uncited_rule_left_on_citizens_pages_and_the_faq(site: Site) -> None:
    left = [w.format() for w in rule_warnings(site)
            if w.location.path.startswith("docs/nguoi-dan/") or w.location.path.endswith("faq.yml")]
    assert left == []


# --- The review sheet --------------------------------------------------------------------------

def test_sheet_sets_each_cited_sentence_beside_the_verbatim_unit(site: Site) -> None:
    sheet = build_sheet(site, "vi", ("nguoi-dan/",))
    assert sheet.uncited == ()
    pages = {(item.page.path, item.page.lang): item for item in sheet.pages}
    la_gi = pages[("docs/nguoi-dan/hoa-giai-la-gi.md", "vi")]
    assert la_gi.page.reviewed == "2026-12-06"
    [row] = [row for row in la_gi.rows if row.text.startswith("Giữ kín chuyện riêng")]
    assert [unit.ref for unit in row.units] == ["luat35:4.3", "luat35:10.4", "luat35:10.5"]
    assert row.units[0].label == "khoản 3 Điều 4 Luật Hòa giải ở cơ sở"
    assert row.units[0].paragraphs == (
        "3. Khách quan, công bằng, kịp thời, có lý, có tình; giữ bí mật thông tin đời tư của các "
        "bên, trừ trường hợp quy định tại khoản 4 và khoản 5 Điều 10 của Luật này.",)
    assert row.units[1].heading == "Điều 10. Nghĩa vụ của hòa giải viên"
    faq = pages[("materials/faq.yml", "en")]
    assert faq.page.title == "Frequently asked questions" and faq.page.reviewed
    assert all(row.units for row in faq.rows)
    html = sheet_html(sheet, "vi", dt.date(2026, 12, 4))
    assert html.count('<td class="mark"></td>') == sheet.sentence_count
    assert "Rà soát lần cuối: <span class=\"reviewed\">6 tháng 12, 2026</span>" in html
    assert "docs/nguoi-dan/hoa-giai-la-gi.en.md" in html
    assert "Không có câu nào." in html


def test_sheet_also_reads_quiz_explanations_and_the_glossary(site: Site) -> None:
    sheet = build_sheet(site, "en", ("trac-nghiem/ket-qua-hoa-giai", "thuat-ngu/"))
    pages = {(item.page.path, item.page.lang): item for item in sheet.pages}
    quiz = pages[("materials/quiz/ket-qua-hoa-giai.yml", "vi")]
    first = quiz.rows[0]
    assert first.text == "Hòa giải thành là khi các bên đạt được thỏa thuận."
    assert first.covered and first.units[0].label == "Article 24(1), Law on Grassroots Mediation"
    assert first.units[0].paragraphs == (
        "1. Hòa giải thành là trường hợp các bên đạt được thỏa thuận.",)
    lines = (ROOT / "materials/quiz/ket-qua-hoa-giai.yml").read_text(encoding="utf-8").splitlines()
    assert "Hòa giải thành là khi các bên đạt được thỏa thuận" in lines[first.line - 1]
    assert pages[("materials/glossary.yml", "en")].rows


def test_doi_chieu_writes_html_and_pdf_under_dist(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    result = hoagiai(project, "doi-chieu", "--trang", "nguoi-dan/cach-nho")
    assert result.returncode == 0, result.stderr
    out = project / "dist" / "doi-chieu"
    html = (out / "doi-chieu.html").read_text(encoding="utf-8")
    assert "Bảng đối chiếu nội dung với văn bản pháp luật" in html
    assert "docs/nguoi-dan/cach-nho-hoa-giai.md" in html and "faq.yml" not in html
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(out / "doi-chieu.pdf").pages)
    words = " ".join(text.split())
    assert "Bảng đối chiếu nội dung với văn bản pháp luật" in words
    assert "Từ chối tiến hành hòa giải nếu bản thân có quyền lợi và nghĩa vụ liên quan" in words
    assert "Đánh dấu" in words and "Rà soát lần cuối" in words


# --- The statements of the issue say what the cited unit says ----------------------------------

def citations_of(text: str) -> set[str]:
    return {match["ref"] for match in MARKDOWN_CITATION.finditer(text)}


def test_kinship_is_not_a_ground_the_law_names() -> None:
    vi, en = both("docs/nguoi-dan/cach-nho-hoa-giai.md")
    assert "họ hàng hay có quyền lợi" not in vi
    assert "related to a party or has an interest" not in en
    for text in (vi, en):
        assert {"luat35:10.3", "luat35:18.2", "luat35:17.1"} <= citations_of(text)
    faq = FAQ["hoa-giai-vien-quen-ben-kia"]["answer"]["vi"]
    for text in (vi, faq):
        assert "Luật không nêu riêng việc là họ hàng" in text
    assert "lý do\n  khác mà không thể bảo đảm khách quan, công bằng" in vi


@pytest.mark.parametrize("page", ["docs/nguoi-dan/hoa-giai-la-gi.md",
                                  "docs/nguoi-dan/quyen-va-nghia-vu.md"])
def test_confidentiality_is_promised_with_its_exceptions(page: str) -> None:
    for text in both(page):
        promises = [s for s in sentences(text) if "luat35:4.3" in s.refs]
        assert promises and all({"luat35:10.4", "luat35:10.5"} <= set(s.refs) for s in promises)
    answer = FAQ["co-cong-khai-khong"]
    assert {"luat35:4.3", "luat35:10.4", "luat35:10.5"} <= set(answer["cite"])


def test_the_law_says_xu_ly_not_xu_phat_and_phong_ngua_not_ngan_chan() -> None:
    vi, en = both("docs/nguoi-dan/viec-nao-hoa-giai-duoc.md")
    excluded = FAQ["viec-nao-khong-hoa-giai"]["answer"]
    for text in (vi, excluded["vi"]):
        assert "xử phạt" not in text and "xử lý vi phạm hành chính" in " ".join(text.split())
    for text in (en, excluded["en"]):
        assert "punished as administrative" not in text
        assert "dealt with as administrative violations" in " ".join(text.split())
    violence = FAQ["khi-co-bao-luc"]["answer"]
    assert "ngăn\n" not in violence["vi"] and "ngăn chặn" not in violence["vi"]
    assert "biện pháp phòng ngừa" in violence["vi"] and "preventive measures" in violence["en"]


def test_who_mediators_are_and_how_many_teams() -> None:
    vi, en = both("docs/nguoi-dan/hoa-giai-la-gi.md")
    assert "công dân Việt Nam thường trú" in vi and "Residents of the village" not in en
    assert "Vietnamese citizens with permanent residence" in " ".join(en.split())
    assert "Mỗi thôn có tổ hòa giải" not in vi and "Each village has a mediation team" not in en
    assert "luat35:12.2" in citations_of(vi) and "luat35:12.2" in citations_of(en)


@pytest.mark.parametrize("page", ["docs/nguoi-dan/sau-khi-hoa-giai-thanh.md",
                                  "docs/hoc-tap/ket-qua-hoa-giai.md"])
def test_force_majeure_has_no_example_the_source_lacks(page: str) -> None:
    vi, en = both(page)
    assert "ốm nặng" not in vi and "serious illness" not in en
    assert "luat35:25.2" in citations_of(vi) and "luat35:25.2" in citations_of(en)


def test_sources_publisher_former_communes_stories_and_unperformed_agreement() -> None:
    vi, en = both("docs/gioi-thieu.md")
    assert "từ các nguồn chính thức (chủ yếu" not in vi
    assert "from official sources (mostly" not in en
    assert "không chính thức" in vi and "van-ban/nd120.md" in vi and "unofficial" in en
    vi, en = both("docs/hoc-tap/ky-nang-hoa-giai.md")
    assert "Bộ Tư pháp có bộ tài liệu" not in vi and "nhạy cảm giới của Bộ Tư pháp" not in vi
    assert "Ministry of Justice has a training set" not in en
    assert "Nhà xuất bản Lao động" in vi and "Labour Publishing House" in en
    vi, en = both("docs/hoc-tap/kinh-phi-va-ho-tro.md")
    assert "xã đã công nhận hòa\ngiải viên" not in vi
    for text in (vi, en):
        assert "ghichep:2" in citations_of(text) and "Dũng Tiến" in text
    vi, en = both("docs/nguoi-dan/index.md")
    assert "đã được hòa giải" not in vi and "were mediated" not in en
    assert "tình huống giả định" in vi and "hypothetical scenarios" in en
    for text in both("docs/hoc-tap/cong-nhan-tai-toa-an.md"):
        assert "luat35:21.3" not in citations_of(text)
        assert {"luat35:25.1", "luat35:26"} <= citations_of(text)


STORIES = sorted(path.stem for path in (ROOT / "docs" / "cau-chuyen").glob("*.md")
                 if not path.stem.endswith(".en"))


@pytest.mark.build
@pytest.mark.parametrize(("prefix", "notice"), [("", "không phải là tư vấn pháp lý"),
                                                ("en/", "it is not legal advice")])
def test_stories_carry_the_not_legal_advice_notice(built_site: Path, prefix: str,
                                                   notice: str) -> None:
    assert len(STORIES) == 8
    for slug in STORIES:
        path = built_site / prefix / "cau-chuyen" / slug / "index.html"
        html = path.read_text(encoding="utf-8")
        assert notice in html and html.index("admonition-title") < html.index(notice), path
    index = (built_site / prefix / "cau-chuyen" / "index.html").read_text(encoding="utf-8")
    assert notice not in index
