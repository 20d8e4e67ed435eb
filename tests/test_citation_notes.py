"""Citation runs, merged references, numbered notes and the citation-share measure (no build)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from bs4 import BeautifulSoup

from hoagiai import pipeline
from hoagiai.citations import FoundCitation
from hoagiai.legal.library import LegalLibrary
from hoagiai.legal.markers import keep_markers_with_their_words
from hoagiai.legal.model import Kind
from hoagiai.legal.notes import Notes
from hoagiai.legal.quote import quote
from hoagiai.legal.quote_files import QuotedUnits
from hoagiai.legal.runs import CitationRun, citation_runs, merged, references
from hoagiai.render import render
from hoagiai.search.html_text import sections
from hoagiai.site import Paths, Site
from support.citation_share import citation_share, count_words, kind_of


@pytest.fixture(scope="module")
def site(project_root: Path) -> Site:
    return pipeline.load_site(Paths.at(project_root))


def refs_of(markdown: str) -> list[tuple[str, ...] | str]:
    return [item.refs if isinstance(item, CitationRun) else f"label:{item.ref}"
            for item in citation_runs(markdown)]


@pytest.mark.parametrize(("markdown", "expected"), [
    ("a [[luat35:17.5]] [[luat35:17.6]]\n[[luat35:17.7]].", [("luat35:17.5", "luat35:17.6",
                                                             "luat35:17.7")]),
    ("*Căn cứ:* [[luat35:4]]; [[nd15:5]], [[luat35:4]]", [("luat35:4", "nd15:5")]),
    ("a [[luat35:4]] và [[luat35:5]]", [("luat35:4",), ("luat35:5",)]),
    ("[[luat35:4]] [[luat35:12|Điều 12]] [[luat35:5]]",
     [("luat35:4",), "label:luat35:12", ("luat35:5",)]),
    ("```\n[[luat35:4]]\n```\n[[luat35:5]]", [("luat35:5",)]),
])
def test_adjacent_citations_form_one_run(markdown: str, expected: list) -> None:
    assert refs_of(markdown) == expected


def test_a_run_knows_where_it_is_written() -> None:
    text = "Xem [[luat35:4]]; [[luat35:5]]."
    (run,) = citation_runs(text)
    assert text[run.start:run.end] == "[[luat35:4]]; [[luat35:5]]"
    (found,) = citation_runs("[[luat35:4|Điều 4]]")
    assert isinstance(found, FoundCitation) and found.label == "Điều 4"


MARKER = '<button type="button" class="hg-cite" popovertarget="hg-cite-1">[1]</button>'
PRINTED = '<sup class="cite">[1]</sup>'


def held(spaces_and_marker: str) -> str:
    return f'<span class="hg-cite-at">\u00a0{spaces_and_marker}</span>'


@pytest.mark.parametrize(("html", "expected"), [
    (f"<p>căn cứ {MARKER}:</p>", f"<p>căn cứ{held(MARKER + ':')}</p>"),
    (f"<p>ba căn\ncứ\n  {MARKER}. Sau</p>", f"<p>ba căn\ncứ{held(MARKER + '.')} Sau</p>"),
    (f"<p><strong>căn cứ</strong> {MARKER}</p>", f"<p><strong>căn cứ</strong>{held(MARKER)}</p>"),
    (f'<span class="hg-term"><a href="#t">x</a></span> {MARKER}',
     f'<span class="hg-term"><a href="#t">x</a></span>{held(MARKER)}'),
    (f"<p>có ích ({MARKER}).</p>", f'<p>có ích <span class="hg-cite-at">({MARKER}).</span></p>'),
    (f"<li>đồng ý {PRINTED};</li>", f"<li>đồng ý\u00a0{PRINTED};</li>"),
    (f"<li>(xem{PRINTED})</li>", f"<li>(xem{PRINTED})</li>"),
    # At the start of a block the marker opens the line anyway; spaces elsewhere stay.
    (f"<li>\n{MARKER} x</li>", f"<li>\n{MARKER} x</li>"),
    (f"<td> {MARKER}</td><td>a b</td>", f"<td> {MARKER}</td><td>a b</td>"),
])
def test_a_marker_stays_on_the_line_of_the_words_before_it(html: str, expected: str) -> None:
    assert keep_markers_with_their_words(html) == expected


A, C, P = Kind.ARTICLE, Kind.CLAUSE, Kind.POINT


@pytest.mark.parametrize(("units", "vi", "en"), [
    ([[(A, "17"), (C, "5")], [(A, "17"), (C, "6")], [(A, "17"), (C, "7")]],
     "Điều 17, khoản 5–7", "Article 17(5)–(7)"),
    ([[(A, "17"), (C, "1")], [(A, "17"), (C, "2")]], "Điều 17, khoản 1, 2", "Article 17(1), (2)"),
    ([[(A, "17")], [(A, "17"), (C, "2")]], "Điều 17", "Article 17"),
    ([[(A, "3"), (C, "1"), (P, "a")], [(A, "3"), (C, "1"), (P, "b")], [(A, "3"), (C, "2")]],
     "Điều 3, khoản 1 điểm a, b, khoản 2", "Article 3(1)(a), (b), (2)"),
    ([[(A, "4"), (C, "3")], [(A, "10"), (C, "4")], [(A, "10"), (C, "5")]],
     "Điều 4, khoản 3; Điều 10, khoản 4, 5", "Article 4(3); Article 10(4), (5)"),
    ([[(Kind.PART, "IV"), (Kind.ITEM, "4"), (P, "b")], [(Kind.PART, "IV"), (Kind.ITEM, "4"),
                                                        (P, "c")]],
     "mục IV.4.b; mục IV.4.c", "item IV.4.b; item IV.4.c"),
])
def test_clauses_of_one_article_merge_as_people_write_them(units: list, vi: str, en: str) -> None:
    assert (merged(units, "vi"), merged(units, "en")) == (vi, en)


def test_references_name_each_document_and_keep_module_sections_apart(site: Site) -> None:
    library = site.get(LegalLibrary)
    found = references(library, ["luat35:17.5", "luat35:17.6", "nd15:5",
                                 "hoc-tap/ky-nang-hoa-giai#lang-nghe"], "vi",
                        {"hoc-tap/ky-nang-hoa-giai#lang-nghe": "Lắng nghe (Bài 6)"})
    assert [(ref.units, ref.document) for ref in found] == [
        ("Điều 17, khoản 5, 6", "Luật Hòa giải ở cơ sở"), ("Điều 5", "Nghị định 15/2014/NĐ-CP"),
        ("Lắng nghe (Bài 6)", "")]
    assert found[0].short == "Luật Hòa giải ở cơ sở (35/2013/QH13)"


def test_notes_number_runs_in_order_and_reuse_a_number_for_the_same_run(site: Site) -> None:
    notes = Notes(site, "en", "x.md")
    first = notes.note(("luat35:17.5", "luat35:17.6", "luat35:17.7"))
    second = notes.note(("luat35:4",))
    assert notes.note(("luat35:17.5", "luat35:17.6", "luat35:17.7")) is first
    assert (first.number, second.number, len(notes.items)) == (1, 2, 2)
    assert first.label == "Article 17(5)–(7) — Law on Grassroots Mediation"


def test_a_markers_label_stays_text_when_the_page_goes_through_markdown() -> None:
    """The marker is written into a page's Markdown; Markdown makes links before it reads raw
    HTML, so a label with a link in it would otherwise become an <a> inside the attribute."""
    label = 'Mục 1 [x](javascript:alert(1)) "quoted" <b>'
    marker = render("legal/cite-marker.html.j2", lang="vi",
                    note=SimpleNamespace(number=3, label=label)).rstrip("\n")
    html = BeautifulSoup(markdown.markdown(f"Hai bên tự quyết {marker}."), "html.parser")
    [button] = html.find_all("button")
    assert label in button["aria-label"] and not html.find_all(["a", "b"])


def test_citation_notes_and_markers_stay_out_of_the_search_index(site: Site) -> None:
    """A marker's number means something only on its page: a result's words read without
    it, and without the space it leaves before punctuation."""
    marker = render("legal/cite-marker.html.j2", lang="vi",
                    note=Notes(site, "vi", "x.md").note(("luat35:4",))).rstrip("\n")
    html = keep_markers_with_their_words(
        f'<h2 id="a">A</h2><p>Hai bên {marker} tự quyết; hòa giải {marker}. Xong {marker}, '
        f'tiếp <em>theo</em> {marker}:</p><div class="hg-cite-notes" data-search-exclude>'
        '<div popover="auto"><p>5. Trình bày đúng sự thật</p></div></div>')
    assert [section.text for section in sections(html)] == [
        "", "Hai bên tự quyết; hòa giải. Xong, tiếp theo:"]


def test_only_what_was_left_out_takes_the_space_before_punctuation() -> None:
    html = ('<p>Hỏi : đáp <span hidden>mẹo</span> và <span hidden>mẹo</span> (a) .</p>'
            '<p>Cuối <span hidden>mẹo</span></p><p>. Tiếp</p>')
    assert [section.text for section in sections(html)] == ["Hỏi : đáp và (a) . Cuối . Tiếp"]


SHARE_PAGE = """<html><body><nav>Menu bài học</nav><article class="md-content__inner">
<h1>Tiêu đề<a class="headerlink" href="#x">#</a></h1>
<p>Các bên tự quyết định <button class="hg-cite">[1]</button> – theo luật.</p>
<div class="hg-cite-notes"><p>Căn cứ</p><div popover="auto">Điều 17 khoản 4 dài dài</div></div>
<p>Thuật ngữ <span class="hg-term__tip" hidden>định nghĩa</span></p>
</article></body></html>"""


def test_citation_share_counts_what_a_reader_sees_in_the_text() -> None:
    assert count_words("Điều 17, khoản 5–7 – [1]") == 5
    # Tiêu đề · Các bên tự quyết định [1] theo luật · Thuật ngữ: 12 words, [1] cites.
    assert citation_share(SHARE_PAGE) == (1, 12)
    old = SHARE_PAGE.replace('<button class="hg-cite">[1]</button>',
                             '<a title="Điều 17" href="../van-ban/luat35/#d">khoản 4 Điều 17</a>')
    assert citation_share(old, 'a[title][href*="van-ban/"]') == (4, 15)


@pytest.mark.parametrize(("page", "kind"), [
    ("hoc-tap/trinh-tu-hoa-giai/index.html", "lesson"), ("hoc-tap/index.html", ""),
    ("en/nguoi-dan/hoi-dap/index.html", "FAQ"), ("nguoi-dan/buoi-hoa-giai/index.html",
                                                 "citizens' page"),
    ("cau-chuyen/loi-di-chung/index.html", "story"), ("cau-chuyen/chu-de/index.html", ""),
    ("van-ban/luat35/index.html", ""),
])
def test_the_limit_applies_to_lessons_citizens_pages_stories_and_the_faq(page: str,
                                                                          kind: str) -> None:
    assert kind_of(page) == kind


def test_a_note_quotes_an_article_line_by_line_as_the_legal_page_has_it(site: Site) -> None:
    library = site.get(LegalLibrary)
    article = quote(library.find("nd15:5")[1])
    assert [line.kind for line in article.lines[:4]] == ["heading", "editorial", "text", "point"]
    assert article.lines[2].text.startswith("1. Hòa giải ở cơ sở được tiến hành")
    point = quote(library.find("luat35:24.2.đ")[1])
    assert [(line.kind, line.text[:8]) for line in point.lines] == [("text", "đ) Thỏa ")]
    notes = quote(library.find("sukien:2.4")[1])
    assert notes.heading.startswith("2.4.") and notes.markdown.lstrip().startswith("- Kỹ năng")


def test_quoted_units_become_one_script_per_document_and_language(site: Site) -> None:
    library = site.get(LegalLibrary)
    quoted = QuotedUnits()
    for lang in ("vi", "en"):
        for ref in ("nd15:5", "sukien:2.4", "luat35:24.2.đ"):
            document, unit = library.find(ref)
            quoted.add(lang, document.id, unit.anchor, quote(unit))
    files = {file.path: file.content for file in quoted.files("en")}
    assert sorted(files) == ["en/trich-dan/luat35.js", "en/trich-dan/nd15.js",
                             "en/trich-dan/sukien.js"]
    assert next(file.path for file in quoted.files("vi")) == "trich-dan/luat35.js"
    decree = files["en/trich-dan/nd15.js"]
    assert decree.startswith('(window.hoagiaiCiteTexts = window.hoagiaiCiteTexts || {})["nd15"]')
    assert '<p class=\\"hg-q-heading\\">Điều 5.' in decree
    assert '<span lang=\\"en\\">' in decree  # the editor's note, labelled in English
    assert "<li>Kỹ năng" in files["en/trich-dan/sukien.js"]  # a notes section's Markdown
    quoted.forget("en")
    assert quoted.files("en") == [] and quoted.files("vi")
