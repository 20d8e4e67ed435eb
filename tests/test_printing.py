"""The printing package: the one PDF maker reads only data: URLs, and PDFs are made only
when written (generating the site without writing it renders none), or ahead in worker
processes, with the same bytes, cache and errors; a build that reads what the last one
read finds its PDFs without making their HTML."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup

from hoagiai.errors import BuildError
from hoagiai.pipeline import generate, load_site
from hoagiai.printing import markdown
from hoagiai.printing.document import SKELETON, Document
from hoagiai.printing.inputs import build_inputs
from hoagiai.printing.pdf import PdfMaker
from hoagiai.printing.qr import qr_data_uri
from hoagiai.printing.sizes import MARK_START
from hoagiai.recent import Recent
from hoagiai.render import TEMPLATES
from hoagiai.site import Paths
from hoagiai.workers import Workers
from support.project import ROOT

SITE_URL = "https://hoagiai.example.org/"


@pytest.mark.parametrize("url", [
    "https://fonts.example.org/face.woff2",
    "file:///etc/hostname",
    "http://127.0.0.1:1/logo.png",
])
def test_pdf_maker_refuses_any_address_but_data(tmp_path: Path, url: str) -> None:
    maker = PdfMaker(tmp_path)
    qr = qr_data_uri(SITE_URL)
    assert maker.pdf("qr", f'<p>Hòa giải</p><img src="{qr}">').startswith(b"%PDF")
    html = f'<link rel="stylesheet" href="{url}"><p>Hòa giải</p><img src="{url}">'
    with pytest.raises(BuildError, match="Không tạo được PDF") as refused:
        maker.pdf("ngoai", html)
    assert url in str(refused.value) and "a printable may not load anything" in str(refused.value)
    assert maker.rendered == ["qr"] and not list(tmp_path.glob("ngoai.*.pdf"))


def test_pdfs_rendered_ahead_are_the_pdfs_rendered_here(tmp_path: Path) -> None:
    """A maker with workers renders each PDF it promises there at once: the same bytes,
    cached and counted as rendered; a PDF already cached is not rendered again; a refused
    address stops the PDF when it is asked for, with the message it has in this process,
    and nothing is cached for it; the workers end once the last PDF is taken."""
    page = '<html lang="vi"><body><p>Hòa giải {}</p></body></html>'
    here = PdfMaker(tmp_path / "here").pdf("bai", page.format(1))
    workers = Workers(workers=1)
    maker = PdfMaker(tmp_path / "ahead", workers=workers)
    maker.pdf("cu", page.format(2))
    try:
        promises = [
            maker.later("bai", page.format(1)), maker.later("cu", page.format(2)),
            maker.later("ngoai", '<p>Hòa giải</p><img src="https://example.org/a.png">')]
        assert len(multiprocessing.active_children()) == 1
        assert promises[0]() == here and promises[0]() is promises[0]()
        assert promises[1]().startswith(b"%PDF")
        with pytest.raises(BuildError, match="a printable may not load anything"):
            promises[2]()
        assert multiprocessing.active_children() == [], "the workers outlive the last PDF"
    finally:
        workers.close()
    assert maker.rendered == ["cu", "bai"] and maker.reused == ["cu"]
    assert sorted(path.name.split(".")[0] for path in (tmp_path / "ahead").iterdir()) == [
        "bai", "cu"]


def test_a_worker_added_at_the_end_shares_what_is_left(tmp_path: Path) -> None:
    """Once the build only waits, `add_worker` starts a second worker (not for fewer PDFs
    than it is told are worth it); both give the bytes rendered here, and end after the
    last PDF is taken."""
    page = '<html lang="vi"><body><p>Hòa giải {}</p></body></html>'
    here = PdfMaker(tmp_path / "here")
    expected = [here.pdf(f"bai-{number}", page.format(number)) for number in range(6)]
    workers = Workers(workers=1)
    maker = PdfMaker(tmp_path / "ahead", workers=workers)
    try:
        promises = [maker.later(f"bai-{number}", page.format(number)) for number in range(6)]
        workers.add_worker(least_waiting=5)  # two are with the first worker: four wait
        assert len(multiprocessing.active_children()) == 1
        workers.add_worker(least_waiting=4)
        assert len(multiprocessing.active_children()) == 2
        assert [promise() for promise in promises] == expected
        assert multiprocessing.active_children() == [], "the workers outlive the last PDF"
    finally:
        workers.close()
    assert sorted(maker.rendered) == sorted(here.rendered)


def test_a_build_that_reads_the_same_inputs_finds_its_pdfs_without_their_html(
        tmp_path: Path) -> None:
    """The note a build leaves (the PDF its inputs made) spares the next build with the
    same inputs the HTML; other inputs make the HTML again; notes and PDFs of "bai.en"
    survive those of "bai"."""
    made: list[str] = []

    def html(lang: str) -> Callable[[], str]:
        def make() -> str:
            made.append(lang)
            return f'<html lang="{lang}"><body><p>Hòa giải</p></body></html>'
        return make

    first = PdfMaker(tmp_path, inputs="a" * 20)
    pdf = first.later("bai", html("vi"))()
    first.later("bai.en", html("en"))()
    assert made == ["vi", "en"] and pdf.startswith(b"%PDF")
    same = PdfMaker(tmp_path, inputs="a" * 20)
    assert same.later("bai", html("vi"))() == pdf and made == ["vi", "en"]
    assert same.rendered == [] and same.reused == ["bai"]
    other = PdfMaker(tmp_path, inputs="b" * 20)
    assert other.later("bai", html("vi"))() == pdf and made == ["vi", "en", "vi"]
    assert sorted(path.name for path in tmp_path.glob("*.input")) == [
        f"bai.{'b' * 20}.input", f"bai.en.{'a' * 20}.input"]  # one note per PDF
    assert len(list(tmp_path.glob("bai.en.*.pdf"))) == 1


def test_the_inputs_hash_sees_every_source_of_the_project_and_nothing_else(
        tmp_path: Path) -> None:
    day = dt.date(2026, 12, 5)
    for root in (tmp_path / "a", tmp_path / "b"):
        (root / "docs").mkdir(parents=True)
        (root / "docs" / "index.md").write_text("# Hòa giải\n", encoding="utf-8")
        (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    for output in ("site/index.html", "build.log", ".cache/handouts/a.pdf"):
        (tmp_path / "b" / output).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "b" / output).write_text("made by a build", encoding="utf-8")
    a = Paths.at(tmp_path / "a")
    key = build_inputs(a, SITE_URL, day)
    assert build_inputs(Paths.at(tmp_path / "b"), SITE_URL, day) == key  # a copy, and outputs
    assert build_inputs(a, "", day) != key
    assert build_inputs(a, SITE_URL, day + dt.timedelta(days=1)) != key
    (tmp_path / "a" / "mkdocs.yml").write_text("site_name: y\n", encoding="utf-8")
    assert build_inputs(a, SITE_URL, day) != key
    (tmp_path / "a" / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert build_inputs(a, SITE_URL, day) == key
    (tmp_path / "a" / "docs" / "index.md").write_text("# Hoà giải\n", encoding="utf-8")
    assert build_inputs(a, SITE_URL, day) != key


def test_generating_the_site_renders_no_pdf_until_one_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOAGIAI_CACHE_DIR", str(tmp_path))  # an empty cache: no PDF to reuse
    made_pdfs: list[str] = []
    make = PdfMaker.made_at

    def counted(self: PdfMaker, name: str, cached: Path, html: Callable[[], str]) -> bytes:
        made_pdfs.append(name)
        return make(self, name, cached, html)

    monkeypatch.setattr(PdfMaker, "made_at", counted)
    files = {item.src_uri: item for item in generate(load_site(Paths.at(ROOT), SITE_URL))}
    pdfs = [uri for uri in files if uri.endswith(".pdf")]
    assert len(pdfs) >= 60 and made_pdfs == []
    # The pages that state a PDF's size mark where it goes: they need no PDF.
    for page in ("tai-lieu-in/index.md", "lien-he/index.en.md"):
        text = files[page].content
        assert isinstance(text, str) and MARK_START in text, page
    assert made_pdfs == []
    assert files["tai-lieu-in/van-ban-hoa-giai-thanh.pdf"].content.startswith(b"%PDF")
    assert made_pdfs == ["van-ban-hoa-giai-thanh"]


def test_every_printable_has_one_skeleton() -> None:
    """Handouts, forms, kits, posters, quiz papers, report and review sheet: only the
    document class's template opens an HTML page; the others render a body."""
    skeletons = sorted(str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*.j2")
                       if "<!doctype" in path.read_text(encoding="utf-8").lower()
                       or "<html" in path.read_text(encoding="utf-8"))
    assert skeletons == [SKELETON]


def test_a_document_links_or_inlines_its_style_and_carries_its_head() -> None:
    inlined = Document("en", "A & B", Markup("<p>Text</p>"), ("printing/a4-landscape.css",),
                       css="p { x: 1 }", author="Site", description="What it is",
                       body_class="case_log")
    html = inlined.html("plan/report.html.j2")
    assert html.startswith('<!doctype html>\n<html lang="en">\n')
    assert "<title>A &amp; B</title>" in html
    assert '<meta name="author" content="Site">' in html
    assert '<meta name="description" content="What it is">' in html
    assert "size: A4 landscape" in html and html.index("A4 landscape") < html.index("p { x: 1 }")
    assert '<body class="case_log">\n<main>\n<p>Text</p>\n</main>\n</body>' in html
    linked = Document("vi", "T", stylesheet="../assets/x.css", script="../assets/y.js").html()
    assert '<link rel="stylesheet" href="../assets/x.css">' in linked
    assert '<script src="../assets/y.js" defer></script>' in linked
    assert "<style>" not in linked and "author" not in linked and "<body>\n</body>" in linked



def test_a_text_is_converted_once_per_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown, "_converted", Recent(markdown.RECENT))
    converted: list[str] = []
    real = markdown._converter

    def counted(profile: markdown.ProfileName) -> Any:
        converted.append(profile)
        return real(profile)

    monkeypatch.setattr(markdown, "_converter", counted)
    for _ in range(2):
        assert markdown.to_html("Đoạn **một**") == "<p>Đoạn <strong>một</strong></p>"
        assert markdown.to_html("Đoạn **một**", "paper") == "<p>Đoạn <strong>một</strong></p>"
    assert converted == ["site", "paper"]
