"""Files a build writes after the pages (`mkdocs_adapter/late_files.py`), and the size marks
pages carry until then (`printing/sizes.py`): a page never waits for a PDF, and every size
it states is the size of the file written."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs_static_i18n.suffix import I18nFiles

from hoagiai.errors import BuildError
from hoagiai.feature import GeneratedFile, Made, OutputFile
from hoagiai.mkdocs_adapter.late_files import LateFiles
from hoagiai.printing.sizes import MARK_START, fill_sizes, size_label, size_mark
from hoagiai.render import t
from hoagiai.workers import Workers


def test_a_mark_is_filled_with_the_size_in_the_files_language() -> None:
    text = f"<a>PDF, {size_mark('a.pdf')}</a> <a>ZIP, {size_mark('b.en.zip')}</a>"
    sizes = {"a.pdf": 1_288_490, "b.en.zip": 1_288_490}
    assert fill_sizes(text, sizes.__getitem__) == "<a>PDF, 1,2 MB</a> <a>ZIP, 1.2 MB</a>"
    assert fill_sizes("no mark", sizes.__getitem__) == "no mark"
    assert size_label(300, "vi") == "1 KB" and size_label(48 * 1024, "en") == "48 KB"


def test_an_interface_string_keeps_a_mark_and_escapes_the_rest() -> None:
    filled = t("modules.pdf_size", "vi", size=size_mark("a.pdf"))
    assert isinstance(filled, Markup) and filled == f"PDF, {MARK_START}a.pdf-->"
    assert t("contacts.pdf", "en", size="<b>") == "PDF, A4, <b>"  # plain values: plain text
    assert str(Markup.escape(t("contacts.pdf", "en", size=Markup("&amp;")))) == "PDF, A4, &amp;"


class Later:
    """Content made on demand, counting whether it was asked for."""

    def __init__(self, content: bytes | Exception) -> None:
        self.content, self.asked = content, 0

    def __call__(self) -> bytes:
        self.asked += 1
        if isinstance(self.content, Exception):
            raise self.content
        return self.content


def mkdocs_file(site: Path, src_uri: str) -> File:
    return File(src_uri, str(site.parent / "docs"), str(site), use_directory_urls=True)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "site").mkdir()
    return tmp_path / "site"


def test_a_build_holds_back_only_files_made_on_demand(site: Path) -> None:
    late = LateFiles()
    pdf = GeneratedFile("a.pdf", "vi", Later(b"%PDF"))
    icon = GeneratedFile("icon.png", "vi", b"\x89PNG")
    page = GeneratedFile("p.md", "vi", lambda: "# P")
    files = Files([mkdocs_file(site, uri) for uri in ("a.pdf", "icon.png", "p.md")])
    held = [late.holds(files.get_file_from_path(item.src_uri), item, building=True)
            for item in (pdf, icon, page)]
    assert held == [True, False, False]
    assert not LateFiles().holds(files.get_file_from_path("a.pdf"), pdf, building=False)
    late.take_from(files)
    assert [file.src_uri for file in files] == ["icon.png", "p.md"]  # MkDocs writes these
    assert pdf.made.asked == 0  # nothing was made yet


def test_a_language_build_takes_out_only_its_own_held_files(site: Path) -> None:
    """A Vietnamese file is held (made on demand) while its English twin is short enough to
    be plain text, so MkDocs writes the twin: the English build must keep it, although
    static-i18n's lookup of the Vietnamese path gives the English twin."""
    late = LateFiles()
    held = GeneratedFile("qr.svg", "vi", Later(b"<svg/>"))
    late.holds(mkdocs_file(site, held.src_uri), held, building=True)
    late.take_from(Files([mkdocs_file(site, held.src_uri)]))
    twin = GeneratedFile("qr.svg", "en", "<svg/>")
    english = I18nFiles(SimpleNamespace(current_language="en", default_language="vi"),
                        Files([mkdocs_file(site, twin.src_uri)]))
    assert english.get_file_from_path("qr.svg") is not None  # the lookup that misled
    assert not late.holds(english.get_file_from_path(twin.src_uri), twin, building=True)
    late.take_from(english)
    assert [file.src_uri for file in english] == ["qr.en.svg"]


def test_held_files_are_written_last_and_pages_state_their_sizes(site: Path) -> None:
    late = LateFiles()
    items = [GeneratedFile("a.pdf", "vi", Later(b"x" * 3000)),
             GeneratedFile("a.pdf", "en", Later(b"y" * 50_000)),
             GeneratedFile("b.zip", "vi", b"z" * 10)]  # written by MkDocs, as in a preview
    for item in items:
        late.holds(mkdocs_file(site, item.src_uri), item, building=True)
    (site / "b.zip").write_bytes(items[2].content)
    page = site / "p" / "index.html"
    page.parent.mkdir()
    html = f"<a>{size_mark('a.pdf')}</a><a>{size_mark('a.en.pdf')}</a><a>{size_mark('b.zip')}</a>"
    page.write_text(html, encoding="utf-8")
    late.note_page(html, str(page))
    late.note_page("<p>no mark</p>", str(site / "other.html"))  # never read: not written
    late.write()
    assert (site / "a.pdf").read_bytes() == b"x" * 3000
    assert (site / "a.en.pdf").read_bytes() == b"y" * 50_000
    assert page.read_text(encoding="utf-8") == "<a>3 KB</a><a>49 KB</a><a>1 KB</a>"
    late.write()  # once written, nothing is held: a second call changes nothing
    assert items[0].made.asked == 1


def test_a_pdf_that_fails_at_the_end_stops_the_build_with_its_message(site: Path) -> None:
    late = LateFiles()
    item = GeneratedFile("a.pdf", "vi", Later(BuildError("Không tạo được PDF “a”")))
    late.holds(mkdocs_file(site, "a.pdf"), item, building=True)
    with pytest.raises(PluginError, match="Không tạo được PDF “a”"):
        late.write()
    assert not (site / "a.pdf").exists()


def test_a_file_made_when_written_is_lent_to_running_workers_and_awaited(site: Path) -> None:
    """While workers run, a `Made` file is made and written by one of them and the late
    files wait for it (its error stops the build there); with none, it is written at once."""
    late = LateFiles()
    late.write_output(OutputFile("a/now.bin", Made(bytes, (3,))), site, None)
    assert (site / "a" / "now.bin").read_bytes() == bytes(3)
    workers = Workers(workers=1)
    try:
        workers.submit(time.sleep, 0.5)  # the workers run
        late.write_output(OutputFile("a/lent.bin", Made(bytes, (4,))), site, workers)
        late.write()
        assert (site / "a" / "lent.bin").read_bytes() == bytes(4)
        workers.submit(time.sleep, 0.5)
        late.write_output(OutputFile("a/bad.bin", Made(bytes, (-1,))), site, workers)
        with pytest.raises(ValueError, match="negative count"):
            late.write()
    finally:
        workers.close()
    assert not (site / "a" / "bad.bin").exists()
