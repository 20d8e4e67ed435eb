"""The printables of the real build: PDFs open, say the right things, and their QR codes work."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from html import unescape
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp

from hoagiai import pipeline
from hoagiai.modules import handouts
from hoagiai.modules.blocks import parse
from hoagiai.modules.feature import ModulesFeature
from hoagiai.modules.links import noted_citations
from hoagiai.modules.model import ANSWER, TRAINER_NOTES, Modules
from hoagiai.modules.variants import learner_copy
from hoagiai.printing.dates import build_date, spoken_date
from hoagiai.printing.markdown import to_html
from hoagiai.printing.pdf import PdfMaker
from hoagiai.printing.sizes import size_label
from hoagiai.render import t
from hoagiai.site import Paths, Site
from support.project import ROOT

pytestmark = pytest.mark.build

SITE_URL = "http://localhost:8000/"  # the default site_url of mkdocs.yml (no SITE_URL)
PUBLIC_URL = "https://xa.example.vn/hoa-giai/"
ROOTS = {"vi": "", "en": "en/"}


@cache
def site() -> Site:
    return pipeline.load_site(Paths.at(ROOT), SITE_URL)


def modules() -> Modules:
    return site().get(Modules)


def words(text: str) -> str:
    """Text in NFC with all runs of white space made one space, for comparing."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


NOTES = '\n\n<div class="cite-notes"'  # where noted_citations puts the notes
_NOTE_MARKER = re.compile(r"\[\d+\]")  # a citation on paper: its note's number


def pdf_text(path: Path) -> str:
    """A PDF's words, without the numbers of citation notes (they depend on the position)."""
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return words(_NOTE_MARKER.sub(" ", text))


def plain(markdown: str, lang: str) -> str:
    """What a reader sees of some Markdown on paper: its text, without citation notes."""
    html = to_html(noted_citations(markdown, site(), lang, "test").split(NOTES, 1)[0])
    return words(_NOTE_MARKER.sub(" ", unescape(re.sub(r"<[^>]+>", " ", html))))


def first_words(markdown: str, lang: str, count: int = 7) -> str:
    return " ".join(plain(markdown, lang).split()[:count])


CASES = [(m.slug, lang) for m in modules().items for lang in ("vi", "en")]


@pytest.mark.parametrize(("slug", "lang"), CASES)
def test_handout_pdfs_hold_the_module_in_its_language(built_site: Path, slug: str,
                                                      lang: str) -> None:
    version = modules().find(slug)[lang]
    folder = built_site / ROOTS[lang] / "tai-lieu-in"
    learner = pdf_text(folder / f"{slug}-hoc-vien.pdf")
    trainer = pdf_text(folder / f"{slug}-tap-huan-vien.pdf")
    for text in (learner, trainer):
        assert words(t("modules.site_title", lang)) in text
        assert words(version.title) in text
        assert words(t("modules.handout.built", lang, date=spoken_date(build_date(), lang))) in text
        assert first_words(version.block("key-points").text(), lang) in text
    answers = [first_words(block.text(), lang) for block in version.blocks(ANSWER)]
    notes = version.block(TRAINER_NOTES)
    secret = [*answers, first_words(notes.text(), lang), words(t("modules.answer", lang)),
              words(t("modules.trainer_notes", lang))]
    for phrase in secret:
        assert phrase in trainer, phrase
        assert phrase not in learner, phrase


def qr_codes(pdf: bytes | Path) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    found = [code.text for code in zxingcpp.read_barcodes(document[0].render(scale=2).to_pil())]
    document.close()
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_qr_codes_open_the_module_page_at_the_published_address(tmp_path: Path,
                                                                lang: str) -> None:
    published = pipeline.load_site(Paths.at(ROOT), PUBLIC_URL)
    module = published.get(Modules).items[0]
    version = module[lang]
    url = handouts.module_url(published.public_url, lang, module.slug)
    assert url == f"{PUBLIC_URL}{ROOTS[lang]}hoc-tap/{module.slug}/"
    html = handouts.pdf_html(published, module, version, handouts.LEARNER,
                             learner_copy(version.page.body), url, build_date())
    assert qr_codes(PdfMaker(tmp_path).pdf(module.slug, html)) == [url]
    assert f"{url}</p>" in html, "the address printed under the title"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_handout_pdf_prints_citations_as_notes_without_addresses(built_site: Path,
                                                                 lang: str) -> None:
    folder = built_site / ROOTS[lang] / "tai-lieu-in"
    reader = pypdf.PdfReader(folder / "trinh-tu-hoa-giai-hoc-vien.pdf")
    text = words(" ".join(page.extract_text() for page in reader.pages))
    law = {"vi": "Luật Hòa giải ở cơ sở", "en": "Law on Grassroots Mediation"}[lang]
    unit = {"vi": "Điều 17, khoản 5", "en": "Article 17(5)"}[lang]  # merging: test_citation_notes
    body, notes = text.rsplit(words(t("legal.notes.title", lang)), 1)
    assert "[1]" in body and unit not in body
    assert re.search(rf"\[\d+\] {re.escape(unit)} — {law}", notes)
    assert "http" not in text  # the session build has no SITE_URL: no address at all


@pytest.mark.parametrize(("slug", "lang"), CASES)
def test_without_site_url_printouts_carry_no_address(built_site: Path, slug: str,
                                                    lang: str) -> None:
    """The session build has no SITE_URL: no QR code, and never this computer's address."""
    folder = built_site / ROOTS[lang] / "tai-lieu-in"
    for copy in ("hoc-vien", "tap-huan-vien"):
        pdf = folder / f"{slug}-{copy}.pdf"
        assert qr_codes(pdf) == []
        assert "localhost" not in pdf_text(pdf)
    assert not (folder / f"{slug}-qr.svg").exists()
    page = (folder / slug / "index.html").read_text("utf-8")
    head = page.split('class="hg-handout-head"')[1].split("</div>")[0]
    assert "localhost" not in head and "data-print-url" not in page


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_handout_page_shows_the_learners_copy_and_links_its_pdfs(built_site: Path,
                                                                 lang: str) -> None:
    slug = "ket-qua-hoa-giai"
    html = (built_site / ROOTS[lang] / "tai-lieu-in" / slug / "index.html").read_text("utf-8")
    assert f'href="../{slug}-hoc-vien.pdf"' in html
    assert f'href="../{slug}-tap-huan-vien.pdf"' in html
    assert "-qr.svg" not in html, "no QR code without SITE_URL"
    assert 'class="admonition scenario"' in html
    assert 'class="answer"' not in html and "trainer-notes" not in html
    assert t("modules.answer", lang) not in html


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_handouts_page_lists_every_pdf_and_the_blank_forms(built_site: Path, lang: str) -> None:
    html = (built_site / ROOTS[lang] / "tai-lieu-in" / "index.html").read_text("utf-8")
    for module in modules().items:
        for copy in ("hoc-vien", "tap-huan-vien"):
            assert f'href="{module.slug}-{copy}.pdf"' in html
        assert f'href="{module.slug}/"' in html
    assert 'href="so-theo-doi-hoa-giai.pdf"' in html and 'href="van-ban-hoa-giai-thanh.pdf"' in html
    # Each PDF's stated size is the size of the file written (filled in after the pages).
    copies = r'<a href="([^"/]+-(?:hoc-vien|tap-huan-vien)\.pdf)">[^<]*\(([^()<]*)\)</a>'
    stated = re.findall(copies, html)
    assert len(stated) == 2 * len(modules().items)
    for href, size in stated:
        assert size == size_label((built_site / ROOTS[lang] / "tai-lieu-in" / href).stat().st_size,
                                  lang), href
    assert "hg-size" not in html
    assert re.search(r'</li>\s*<li><a href="van-ban-hoa-giai-thanh.pdf"', html), "a bullet each"


def test_case_log_form_has_the_recorded_columns(built_site: Path) -> None:
    text = pdf_text(built_site / "tai-lieu-in" / "so-theo-doi-hoa-giai.pdf")
    for column in ("(1) STT", "(2) Ngày nhận vụ việc", "(5) Nội dung chủ yếu",
                   "(7) Hòa giải thành", "(8) Hòa giải không thành", "(10) Ghi chú",
                   "Kết quả hòa giải", "Phần II – Theo dõi, tổng hợp của tổ trưởng tổ hòa giải"):
        assert column in text, column
    assert "Sổ theo dõi hoạt động hòa giải ở cơ sở" in text


@pytest.mark.parametrize(("lang", "heading", "item"), [
    ("vi", "VĂN BẢN HÒA GIẢI THÀNH", "đ) Thỏa thuận đạt được và giải pháp thực hiện"),
    ("en", "WRITTEN SETTLEMENT", "đ) Agreement reached and how it will be carried out"),
])
def test_settlement_form_lists_what_article_24_requires(built_site: Path, lang: str,
                                                        heading: str, item: str) -> None:
    text = pdf_text(built_site / ROOTS[lang] / "tai-lieu-in" / "van-ban-hoa-giai-thanh.pdf")
    assert heading in text and item in text
    assert "luat35:24.2" in text or "Điều 24" in text or "Article 24" in text


@pytest.mark.parametrize("form", ["van-ban-hoa-giai-thanh", "so-theo-doi-hoa-giai"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_blank_forms_are_light_to_download(built_site: Path, form: str, lang: str) -> None:
    # Their dotted lines to write on, drawn as dotted borders, WeasyPrint drew dot by dot: the
    # settlement record weighed 489 KB. Drawn as one repeated background, it weighs 33 KB.
    size = (built_site / ROOTS[lang] / "tai-lieu-in" / f"{form}.pdf").stat().st_size
    assert size < 64 * 1024, f"{form}.pdf ({lang}) weighs {size // 1024} KB"


def test_pdfs_already_made_are_not_rendered_again(built_site: Path) -> None:
    """After the session build, generating again reuses every PDF from the cache."""
    site = pipeline.load_site(Paths.at(ROOT), SITE_URL)
    feature = ModulesFeature()
    pdfs = [item for item in feature.generate(site, []) if item.path.endswith(".pdf")]
    assert len(pdfs) == 46
    assert all(item.content.startswith(b"%PDF") for item in pdfs)
    assert feature.pdfs is not None
    assert feature.pdfs.rendered == [] and len(feature.pdfs.reused) == 46


def test_cache_renders_only_what_changed(tmp_path: Path) -> None:
    maker = PdfMaker(tmp_path)
    page = '<html lang="vi"><body><p>Hòa giải {}</p></body></html>'
    first = maker.pdf("bai", page.format(1))
    again = maker.pdf("bai", page.format(1))
    changed = maker.pdf("bai", page.format(2))
    assert first == again and changed != first
    assert maker.rendered == ["bai", "bai"] and maker.reused == ["bai"]
    assert len(list(tmp_path.glob("bai.*.pdf"))) == 1, "the stale entry was not removed"



def test_a_new_version_replaces_only_its_own_older_ones(tmp_path: Path) -> None:
    page = '<html lang="vi"><body><p>Hòa giải {}</p></body></html>'
    PdfMaker(tmp_path).pdf("bai", page.format(1))  # an earlier build's
    maker = PdfMaker(tmp_path)
    maker.pdf("bai.en", page.format(1))
    maker.pdf("bai", page.format(2))
    kept = sorted(path.name.rsplit(".", 2)[0] for path in tmp_path.glob("*.pdf"))
    assert kept == ["bai", "bai.en"], "one version each, the older one of “bai” removed"
    assert maker.cached_path("bai", page.format(2)).is_file()
    assert maker.cached_path("bai.en", page.format(1)).is_file()

def test_no_blocks_leak_into_the_learners_markdown() -> None:
    for module in modules().items:
        for version in module.versions.values():
            kinds = {block.kind for block in parse(learner_copy(version.page.body)).all_blocks()}
            assert not kinds & {ANSWER, TRAINER_NOTES}
