"""Contacts as data: the schema and checks on fixtures, the page, vCards, posters, cards.

Plain Python on small fixtures (no site build): bad input is found by the loader,
with file:line:col and the fix in both languages, as `hoagiai check` prints it.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pypdfium2
import pytest
import vobject
import zxingcpp
from PIL import Image, ImageColor

from hoagiai.contacts import ContactsFeature, contact_warnings, published_numbers
from hoagiai.contacts.model import Contacts, is_valid_phone
from hoagiai.contacts.pages import contacts_page, vcards
from hoagiai.contacts.telephone import link_numbers
from hoagiai.contacts.vcard import fold
from hoagiai.feature import OutputFile
from hoagiai.problems import Report
from hoagiai.schemas import SchemaSet
from hoagiai.sharing.drawing import (
    BACKGROUND,
    BAND,
    HEIGHT,
    MUTED,
    TEXT,
    WIDTH,
    CardMaker,
    CardText,
    draw_card,
)
from hoagiai.site import Paths, Site
from support.project import ROOT, copy_project, hoagiai

FIXTURES = Path(__file__).parent / "fixtures" / "contacts"

EXPECTED = {
    "invalid-phone.yml": ["materials/contacts.yml:6:12: số điện thoại “11 3x” không hợp lệ"],
    "phone-without-consent.yml": [
        "materials/contacts.yml:6:13: tổ hòa giải thôn Thử ghi “leader” nhưng chưa có ngày "
        "người đó đồng ý cho đăng (consent)",
        "materials/contacts.yml:7:12: tổ hòa giải thôn Thử ghi “phone” nhưng chưa có ngày "
        "người đó đồng ý cho đăng (consent)",
    ],
    "duplicate-village.yml": [
        "materials/contacts.yml:9:14: thôn “thử” có hai tổ hòa giải trong danh sách (đã có ở "
        "dòng 5)",
    ],
    "unknown-field.yml": [
        "materials/contacts.yml:6:5: offices[1]: trường “fax” không dùng được ở đây",
    ],
    "number-without-source.yml": [
        "materials/contacts.yml:6:12: “tong-dai-111” có phone nhưng không ghi nguồn (source)",
    ],
}


def project_with(tmp_path: Path, fixture: str) -> Paths:
    """A minimal project: the real schemas and one contacts file."""
    shutil.copytree(ROOT / "materials" / "schemas", tmp_path / "materials" / "schemas")
    (tmp_path / "docs").mkdir()
    shutil.copy(FIXTURES / fixture, tmp_path / "materials" / "contacts.yml")
    return Paths.at(tmp_path)


def load(paths: Paths) -> tuple[Site, Report]:
    site = Site(paths, SchemaSet(paths.schemas))
    report = Report()
    ContactsFeature().load(site, report)
    return site, report


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_bad_contacts_are_named_by_file_line_and_column(tmp_path: Path, fixture: str) -> None:
    _, report = load(project_with(tmp_path, fixture))
    lines = [item.format() for item in report]
    assert [line.split(" — ")[0] for line in lines] == EXPECTED[fixture]
    assert all("\n    (en) " in line for line in lines), "English follows Vietnamese"


def test_hoagiai_check_stops_on_bad_contacts_and_warns_on_old_ones(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / "phone-without-consent.yml", project / "materials" / "contacts.yml")
    result = hoagiai(project, "check")
    assert result.returncode == 1
    assert "materials/contacts.yml:7:12:" in result.stderr and "Found 2 problems" in result.stderr
    shutil.copy(FIXTURES / "stale.yml", project / "materials" / "contacts.yml")
    result = hoagiai(project, "check")
    assert result.returncode == 0, result.stderr
    assert "materials/contacts.yml:9:15:" in result.stderr  # a warning: the check passes
    assert "đã hơn 12 tháng" in result.stderr and "over 12 months ago" in result.stderr


def test_only_entries_older_than_twelve_months_are_warned(tmp_path: Path) -> None:
    paths = project_with(tmp_path, "stale.yml")  # verified 2025-11-01
    assert contact_warnings(paths, dt.date(2026, 10, 31)) == []
    assert len(contact_warnings(paths, dt.date(2026, 11, 2))) == 1


@pytest.mark.parametrize(("phone", "valid"), [
    ("113", True), ("111", True), ("0243 385 1234", True), ("0912.345.678", True),
    ("+84 912 345 678", True), ("1800 1567", True), ("11 3x", False), ("12345", False),
    ("0912 345", False), ("", False),
])
def test_phone_numbers(phone: str, valid: bool) -> None:
    assert is_valid_phone(phone) is valid


def test_the_real_contacts_publish_only_sourced_numbers() -> None:
    site, report = load(Paths.at(ROOT))
    assert not report
    contacts = site.get(Contacts)
    assert published_numbers(contacts) == {"113": "113", "111": "111"}
    assert all(line.source and line.source.ref.startswith("sodienthoai:")
               for line in contacts.helplines)
    assert contacts.emergency is not None and contacts.emergency.phone == "113"
    assert contacts.teams == ()  # the sources have no list of villages


def test_the_page_lists_teams_with_consent_and_an_honest_empty_state(tmp_path: Path) -> None:
    site, report = load(project_with(tmp_path, "with-team.yml"))
    assert not report
    page = contacts_page(site.get(Contacts), [], "vi").content
    assert "### Thôn Thử {#thon-thu}" in page and "Người Thử" in page
    assert "[0900 000 000](tel:0900000000)" in page
    assert "### Thôn Khác {#thon-khac}" in page
    assert "chưa đăng (chưa có sự đồng ý)" in page  # Khác has no leader on record
    real, _ = load(Paths.at(ROOT))
    empty = contacts_page(real.get(Contacts), [], "en").content
    assert "The commune has not yet published its mediation teams" in empty


def test_vcards_are_read_by_a_real_parser() -> None:
    site, _ = load(Paths.at(ROOT))
    files = list(vcards(site.get(Contacts), "https://example.gov.vn/hoa-giai/", "vi"))
    assert len(files) == 8
    by_path = {file.path: file.content for file in files}
    card = vobject.readOne(by_path["lien-he/cong-an-113.vcf"])
    assert card.fn.value == "Công an"
    assert card.tel.value == "113"
    assert card.url.value == "https://example.gov.vn/hoa-giai/lien-he/#cong-an-113"
    office = vobject.readOne(by_path["lien-he/van-phong-ubnd-xa.vcf"])
    assert office.fn.value == "Văn phòng HĐND và UBND xã Thượng Phúc"
    assert "tel" not in office.contents  # no number is known: none is made up
    assert office.note.value.startswith("Chủ trì Kế hoạch")
    front = vobject.readOne(by_path["lien-he/mat-tran-xa.vcf"])  # commas, folded long lines
    assert "mâu thuẫn, tranh chấp, vi phạm pháp luật" in front.note.value


def test_long_vcard_lines_fold_without_splitting_a_letter() -> None:
    folded = fold("NOTE:" + "Hòa giải ở cơ sở, " * 10)
    assert all(len(line.encode()) <= 75 for line in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "NOTE:" + "Hòa giải ở cơ sở, " * 10


def test_numbers_become_tel_links_outside_links_headings_and_code() -> None:
    html = ('<h2>Gọi 113</h2><p>Gọi 113 hoặc 111; Điều 1130, 113.5 không đổi.</p>'
            '<p><a href="x">113</a> <code>113</code></p>')
    out = link_numbers(html, {"113": "113", "111": "111"}, "Gọi {number}")
    assert out.count('href="tel:113"') == 1 and out.count('href="tel:111"') == 1
    assert "<h2>Gọi 113</h2>" in out and "Điều 1130, 113.5" in out
    assert '<a href="x">113</a> <code>113</code>' in out


def pdf_text_and_qr(data: bytes) -> tuple[str, list[str]]:
    document = pypdfium2.PdfDocument(data)
    page = document[0]
    text = " ".join(page.get_textpage().get_text_range().split())
    image = page.render(scale=3).to_pil()
    return text, [code.text for code in zxingcpp.read_barcodes(image)]


@pytest.mark.build
def test_posters_say_the_steps_cite_the_law_and_carry_a_readable_qr(tmp_path: Path) -> None:
    from hoagiai.contacts.posters import posters
    from hoagiai.legal import LegalFeature
    from hoagiai.printing.pdf import PdfMaker

    paths = project_with(tmp_path, "with-team.yml")
    shutil.rmtree(paths.materials)
    shutil.copytree(ROOT / "materials", paths.materials)
    shutil.copy(FIXTURES / "with-team.yml", paths.materials / "contacts.yml")
    site = Site(paths, SchemaSet(paths.schemas), "https://example.gov.vn/hoa-giai/")
    report = Report()
    for feature in (LegalFeature(), ContactsFeature()):
        feature.load(site, report)
    assert not report
    made = {(p.slug, p.lang): p for p in posters(site, site.get(Contacts), dt.date(2026, 12, 4),
                                                 PdfMaker(tmp_path / "cache"))}
    slugs = ("xa", "thon-thu", "thon-khac")
    assert set(made) == {(slug, lang) for slug in slugs for lang in ("vi", "en")}
    assert made["xa", "vi"].path == "tai-lieu-in/ap-phich-xa.pdf"
    text, codes = pdf_text_and_qr(made["thon-thu", "vi"].file.content)
    assert codes == ["https://example.gov.vn/hoa-giai/nguoi-dan/"]
    for expected in ("Nhờ hòa giải trong 3 bước", "Thôn Thử", "Người Thử", "0900 000 000",
                     "Tự nguyện", "Chi phí: Luật Hòa giải", "113",
                     "khoản 1 Điều 16 Luật Hòa giải ở cơ sở"):
        assert expected in text, expected
    text, codes = pdf_text_and_qr(made["thon-khac", "en"].file.content)
    assert codes == ["https://example.gov.vn/hoa-giai/en/nguoi-dan/"]
    assert "not published (no consent recorded)" in text


def test_cards_are_1200_by_630_and_reused_from_the_cache(tmp_path: Path) -> None:
    """A card not in the cache is drawn (and kept) when written, then read from the cache."""
    text = CardText("Ai chăm mẹ khi mẹ ốm", "Câu chuyện", "Xã Thượng Phúc, TP Hà Nội",
                    "Hòa giải ở cơ sở — xã Thượng Phúc")
    maker = CardMaker(tmp_path)
    OutputFile("card.png", maker.card(text)).write_into(tmp_path / "site")
    first = (tmp_path / "site" / "card.png").read_bytes()
    assert maker.drawn and not maker.reused
    again = CardMaker(tmp_path)
    assert again.card(text) == first and again.reused and not again.drawn
    card = Image.open(io.BytesIO(first))
    assert card.size == (WIDTH, HEIGHT) and card.mode == "P" and len(first) < 30_000
    drawn = card.convert("RGB")  # the palette keeps the four colours exact
    assert drawn.getpixel((5, 5)) == ImageColor.getrgb(BACKGROUND)
    assert drawn.getpixel((5, HEIGHT - 5)) == ImageColor.getrgb(BAND)
    colours = {colour for _, colour in drawn.getcolors(WIDTH * HEIGHT)}
    assert {ImageColor.getrgb(TEXT), ImageColor.getrgb(MUTED)} <= colours
    changed = CardMaker(tmp_path)
    changed.card(CardText(text.title + "?", text.section, text.commune, text.site))
    assert changed.drawn, "a changed title draws a new card"


def test_each_line_of_a_card_is_in_its_own_colour() -> None:
    """The title and the commune in white, the section and the site muted; each line's
    letters reach its full colour and never the other line's."""
    card = Image.open(io.BytesIO(draw_card(CardText(
        "Ai chăm mẹ khi mẹ ốm", "Câu chuyện", "Xã Thượng Phúc", "Hòa giải ở cơ sở"))))
    drawn = card.convert("RGB")
    white, muted = ImageColor.getrgb(TEXT), ImageColor.getrgb(MUTED)
    lines = {  # rows of each line, from the drawing's layout
        "section": ((0, 60, WIDTH, 110), muted),
        "title": ((0, 125, WIDTH, 420), white),
        "commune": ((0, HEIGHT - 90, WIDTH, HEIGHT - 38), white),
        "site": ((0, HEIGHT - 36, WIDTH, HEIGHT), muted),
    }
    for name, (rows, colour) in lines.items():
        colours = {found for _, found in drawn.crop(rows).getcolors(WIDTH * HEIGHT)}
        other = muted if colour == white else white
        assert colour in colours and other not in colours, name


def test_card_draws_vietnamese_letters_not_missing_glyph_boxes() -> None:
    """Each diacritic changes the pixels (a missing glyph would draw the same box for all),
    and the text is drawn with the Noto font, which has every Vietnamese letter."""
    from hoagiai.sharing.drawing import _font

    font = _font(True, 72)
    for letter in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ":
        assert font.getmask(letter).getbbox() is not None, letter
    plain = draw_card(CardText("Hoa giai", "Cau chuyen", "Xa Thuong Phuc", "site"))
    marked = draw_card(CardText("Hòa giải", "Câu chuyện", "Xã Thượng Phúc", "site"))
    swapped = draw_card(CardText("Hoà giải", "Câu chuyện", "Xã Thượng Phúc", "site"))
    assert plain != marked != swapped
    ink = Image.open(io.BytesIO(marked)).convert("L").crop((72, 130, 700, 230))
    assert ink.getextrema() != (ink.getextrema()[0],) * 2


def test_search_indexes_each_village_under_its_own_heading(tmp_path: Path) -> None:
    """The built site has no village yet (the sources list none), so the page made from a
    fixture goes through the site's own Markdown settings and search indexer."""
    from hoagiai.printing.markdown import to_html
    from hoagiai.search.html_text import sections
    from hoagiai.search.index import IndexedPage, build_index

    site, _ = load(project_with(tmp_path, "with-team.yml"))
    markdown = contacts_page(site.get(Contacts), [], "vi").content.split("---\n", 2)[2]
    page = IndexedPage("lien-he/", "Liên hệ", "", tuple(sections(to_html(markdown))))
    index = build_index([page], "vi")
    words = {key: dict(forms) for key, forms in index["words"]}
    headings = {doc[1]: doc[2] for doc in index["docs"]}
    assert headings["thon-thu"] == "Thôn Thử" and headings["thon-khac"] == "Thôn Khác"
    assert "thử" in words["thu"] and "khác" in words["khac"]
    assert "113" in words
