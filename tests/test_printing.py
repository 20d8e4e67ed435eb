"""The printing package: the one PDF maker reads only data: URLs, and PDFs are made only
when written (generating the site without writing it renders none)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoagiai.errors import BuildError
from hoagiai.pipeline import generate, load_site
from hoagiai.printing.pdf import PdfMaker
from hoagiai.printing.qr import qr_data_uri
from hoagiai.site import Paths
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


def test_generating_the_site_renders_no_pdf_until_one_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOAGIAI_CACHE_DIR", str(tmp_path))  # an empty cache: no PDF to reuse
    made_pdfs: list[str] = []
    make = PdfMaker.pdf

    def counted(self: PdfMaker, name: str, html: str) -> bytes:
        made_pdfs.append(name)
        return make(self, name, html)

    monkeypatch.setattr(PdfMaker, "pdf", counted)
    files = {item.src_uri: item for item in generate(load_site(Paths.at(ROOT), SITE_URL))}
    pdfs = [uri for uri in files if uri.endswith(".pdf")]
    assert len(pdfs) >= 60 and made_pdfs == []
    assert files["tai-lieu-in/index.md"].meta["title"] and made_pdfs == []
    assert files["tai-lieu-in/van-ban-hoa-giai-thanh.pdf"].content.startswith(b"%PDF")
    assert made_pdfs == ["van-ban-hoa-giai-thanh"]
