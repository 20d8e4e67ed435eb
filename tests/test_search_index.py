"""The search index, built in Python from rendered HTML, without MkDocs or a browser."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hoagiai.errors import ContentError
from hoagiai.feature import OutputFile, PageContext
from hoagiai.mkdocs_adapter.plugin import HoagiaiPlugin
from hoagiai.pipeline import load_site
from hoagiai.search.feature import SearchFeature
from hoagiai.search.html_text import Section, sections
from hoagiai.search.index import (
    HEADING_WEIGHT,
    IndexedPage,
    build_index,
    encode_postings,
    index_script,
)
from hoagiai.site import Paths
from support.project import ROOT

PAGE_HTML = """
<h1 id="ky-nang">Kỹ năng<a class="headerlink" href="#ky-nang" title="Liên kết">#</a></h1>
<p>Mở đầu có <em>nhấn</em>mạnh và <img alt="hình cây đa" src="a.png">.</p>
<ul><li>một</li><li>hai</li></ul>
<h2 id="lang-nghe">Lắng nghe<a class="headerlink" href="#lang-nghe">#</a></h2>
<p>Nghe hết<br>lời.</p><script>var bo = "qua";</script><style>p{}</style>
<svg><title>biểu tượng</title><path d="M0"/></svg>
<div data-search-exclude><p>không tìm thấy</p></div>
<h3>Không có id</h3>
<h3 id="dat-cau-hoi">Đặt <code>câu</code> hỏi</h3>
<p>Hỏi mở.</p>
"""


def test_sections_split_at_headings_with_ids_and_keep_only_visible_text() -> None:
    assert sections(PAGE_HTML) == [
        Section("", "", "Kỹ năng · Mở đầu có nhấnmạnh và hình cây đa . một · hai"),
        Section("lang-nghe", "Lắng nghe", "Nghe hết lời. Không có id"),
        Section("dat-cau-hoi", "Đặt câu hỏi", "Hỏi mở."),
    ]


def test_stray_end_tags_and_unclosed_elements_do_not_lose_text() -> None:
    assert sections("</div><p>một <b>hai</p> ba</span>") == [Section("", "", "một hai · ba")]


def test_blocks_that_end_in_a_word_are_kept_apart() -> None:
    # A card's title and its text, list items, table cells: a snippet must not run them
    # together. After punctuation, a line break or a picture, a space is enough.
    html = ("<h1>Trang</h1><div><p><strong>Người dân</strong></p><p>Đọc theo câu hỏi.</p></div>"
            "<ul><li>một</li><li>“hai”</li><li>ba</li></ul><table><tr><td>Thù lao</td>"
            "<td>300.000 đồng</td></tr></table><p>dòng<br>mới <img src='a.png'>ảnh</p><hr>")
    assert sections(html) == [Section("", "", "Trang · Người dân · Đọc theo câu hỏi. một · "
                                      "“hai” · ba · Thù lao · 300.000 đồng · dòng mới ảnh")]


def test_a_size_stated_once_the_file_is_made_leaves_no_empty_brackets() -> None:
    html = ("<li><a href='a.pdf'>Áp phích</a> (PDF, A4, <!--hg-size a.pdf-->)</li>"
            "<li><a href='b.pdf'>Học viên (<!--hg-size b.pdf-->)</a></li>")
    assert sections(html) == [Section("", "", "Áp phích (PDF, A4) · Học viên")]


def page(url: str, title: str, *found: Section, description: str = "") -> IndexedPage:
    return IndexedPage(url, title, description, found)


def test_index_groups_words_by_fold_and_weighs_headings() -> None:
    index = build_index([
        page("b/", "Hòa giải", Section("", "", "hoà giải viên"), Section("x", "Đầu", "dầu")),
        page("a/", "Khác", Section("", "", "HÒA"), description="mô tả"),
    ], "vi")
    assert index["lang"] == "vi"
    assert index["pages"] == [["a/", "Khác", "mô tả"], ["b/", "Hòa giải", ""]]
    assert [doc[:4] for doc in index["docs"]] == [
        [0, "", "", "HÒA"], [1, "", "", "hoà giải viên"], [1, "x", "Đầu", "dầu"]]
    words = dict(index["words"])
    # Words are kept as written (lower case) under their fold; the page title weighs more.
    # Postings: gaps between section numbers, negative when a weight other than 1 follows.
    assert dict(words["hoa"]) == {"hòa": [1, -1, HEADING_WEIGHT, 1], "hoà": [2]}
    assert dict(words["dau"]) == {"dầu": [3], "đầu": [-3, HEADING_WEIGHT]}
    assert dict(words["mo"]) == {"mô": [1]}  # the description counts on the top section
    assert index["docs"][1][4] == 1 + 1 + 1 + 2 * HEADING_WEIGHT


@pytest.mark.parametrize(("weights", "postings"), [
    ({0: 1}, [1]),
    ({0: 7}, [-1, 7]),
    ({3: 1, 5: 4, 6: 1}, [4, -2, 4, 1]),
])
def test_postings_are_gaps_with_weights_only_when_not_one(weights: dict[int, int],
                                                          postings: list[int]) -> None:
    assert encode_postings(weights) == postings


def test_index_is_nfc_even_from_decomposed_text() -> None:
    decomposed = unicodedata.normalize("NFD", "Hòa giải ở cơ sở")
    index = build_index([page("a/", decomposed, Section("", "", decomposed))], "vi")
    text = json.dumps(index, ensure_ascii=False)
    assert unicodedata.is_normalized("NFC", text)
    assert "hòa" in dict(index["words"])["hoa"][0]


def test_index_script_defines_one_global() -> None:
    script = index_script({"version": 1, "pages": [["a/", "</script>", ""]]})
    assert script.startswith("window.hoagiaiSearchIndex={")
    assert json.loads(script.removeprefix("window.hoagiaiSearchIndex=").rstrip(";\n"))


def context(src_uri: str, url: str, lang: str, title: str) -> PageContext:
    return PageContext(src_uri, url, lang, {"title": title, "description": "Mô tả trang."})


@pytest.fixture(scope="module")
def site():
    return load_site(Paths.at(ROOT))


def head(output: OutputFile, site_dir: Path) -> str:
    """The head of the index `output` writes (with its parts) into `site_dir`."""
    output.write_into(site_dir)
    return (site_dir / output.path).read_text(encoding="utf-8")


def test_feature_writes_one_index_per_language(site, tmp_path: Path) -> None:
    feature = SearchFeature()
    feature.page_html(site, context("gioi-thieu.md", "gioi-thieu/", "vi", "Giới thiệu"), "<p>")
    feature.page_html(site, context("gioi-thieu.en.md", "en/gioi-thieu/", "en", "About"), "<p>")
    (english,) = feature.after_pages(site, "en")
    (vietnamese,) = feature.after_pages(site, "vi")
    assert english.path == "search/en.js" and vietnamese.path == "search/vi.js"
    assert '"en/gioi-thieu/","About"' in head(english, tmp_path)
    written = head(vietnamese, tmp_path)
    assert "Giới thiệu" in written and "About" not in written


def test_a_preview_keeps_the_pages_it_does_not_render_again(site, tmp_path: Path) -> None:
    """mkdocs serve --dirty renders only changed pages: the others stay in the index."""
    feature = SearchFeature()
    feature.before_pages(site, "en", every_page=False)  # the preview's first build: every page
    feature.page_html(site, context("gioi-thieu.en.md", "en/gioi-thieu/", "en", "About"), "<p>")
    feature.page_html(site, context("index.en.md", "en/", "en", "Home"), "<p>")
    list(feature.after_pages(site, "en"))
    feature.before_pages(site, "en", every_page=False)
    feature.page_html(site, context("index.en.md", "en/", "en", "Home page"), "<p>")
    (preview,) = feature.after_pages(site, "en")
    written = head(preview, tmp_path)
    assert '"en/gioi-thieu/","About"' in written
    assert '"en/","Home page"' in written and '"Home"' not in written
    # A full build starts the language afresh: a page removed since is not found any more.
    feature.before_pages(site, "en", every_page=True)
    (again,) = feature.after_pages(site, "en")
    assert '"pages":[]' in head(again, tmp_path)


@pytest.mark.parametrize(("src_uri", "where"), [
    ("gioi-thieu.md", "docs/gioi-thieu.md"),
    ("danh-cho/index.md", "danh-cho/index.md (generated)"),
])
def test_rendered_text_that_is_not_nfc_stops_the_build(site, src_uri: str, where: str) -> None:
    feature = SearchFeature()
    html = "<p>Trang " + unicodedata.normalize("NFD", "hòa giải") + " này</p>"
    feature.page_html(site, context(src_uri, "x/", "vi", "Tiêu đề"), html)
    with pytest.raises(ContentError) as error:
        list(feature.after_pages(site, "vi"))
    assert str(error.value).splitlines() == [
        f"{where}: trang tạo ra có chữ không ở dạng Unicode NFC, quanh “Trang hòa giải này”; "
        "tìm kiếm sẽ không khớp — chữ này đến từ mẫu trang, chuỗi giao diện hoặc mã sinh trang "
        "(tệp nguồn đã được kiểm tra): tìm đoạn chữ đó trong scripts/hoagiai và lưu lại ở dạng NFC",
        "    (en) the rendered page has text that is not Unicode NFC, around “Trang hòa giải này”; "
        "search would not match it — it comes from a template, an interface string or generator "
        "code (sources are checked already): find that text under scripts/hoagiai and save it as "
        "NFC",
        "Tìm thấy 1 lỗi: hãy sửa rồi chạy lại. / Found 1 problem: fix them and run again.",
    ]


def test_templates_and_theme_overrides_are_nfc() -> None:
    """They reach pages without the source check that Markdown and YAML go through."""
    folders = [ROOT / "scripts/hoagiai/templates", ROOT / "overrides", ROOT / "docs/assets"]
    offenders = [
        path for folder in folders for path in folder.rglob("*")
        if path.is_file() and path.suffix in (".j2", ".yml", ".html", ".js", ".css")
        and not unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_plugin_writes_the_index_after_the_pages_of_each_language(site, tmp_path) -> None:
    plugin = HoagiaiPlugin()
    plugin.site = site
    search_feature = next(f for f in plugin.features if isinstance(f, SearchFeature))
    built = SimpleNamespace(site_dir=str(tmp_path), theme={"language": "en"},
                            use_directory_urls=False)  # no offline catalog for a bare folder
    search_feature.page_html(site, context("gioi-thieu.en.md", "en/gioi-thieu/", "en", "About"),
                             "<p>Privacy</p>")
    plugin.write_feature_outputs(built)
    assert '"en/gioi-thieu/","About"' in (tmp_path / "search" / "en.js").read_text()
    search_feature.page_html(site, context("gioi-thieu.en.md", "en/gioi-thieu/", "en", "About"),
                             "<p>" + unicodedata.normalize("NFD", "Hòa") + "</p>")
    with pytest.raises(PluginError, match=r"(?s)content has problems.*docs/gioi-thieu\.en\.md"):
        plugin.write_feature_outputs(built)
