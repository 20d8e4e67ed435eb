"""Citations on the built site: short markers, notes that quote the law as its page does
(the words from the document's file of quotes, trich-dan/<doc>.js, that the note names).

The citation share of every lesson, citizens' page, story and FAQ page is printed (run
with `-s` to see the table) and must stay at or under LIMIT in both languages.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from hoagiai.render import t
from hoagiai.urls import localized_path
from support.citation_share import shares
from support.search_files import section_texts

pytestmark = pytest.mark.build

LIMIT = 8.0  # percent of the words of a page's main content (issue 16)
# Pages that show citations: a lesson, a citizens' page, a story, the FAQ, a quiz, the
# glossary, plan pages, a handout, the key points (each in both languages).
PAGES = ["hoc-tap/trinh-tu-hoa-giai/", "nguoi-dan/quyen-va-nghia-vu/", "cau-chuyen/loi-di-chung/",
         "nguoi-dan/hoi-dap/", "trac-nghiem/trinh-tu-hoa-giai/", "thuat-ngu/", "ke-hoach/nhiem-vu/",
         "tai-lieu-in/trinh-tu-hoa-giai/", "hoc-tap/y-chinh/"]


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def words(element: Tag) -> str:
    return " ".join(element.get_text(" ").split())


def test_citation_text_is_at_most_8_percent_of_every_page(built_site: Path) -> None:
    measured = list(shares(built_site))
    print(f"\n{'kind':15} {'page':45} {'citation words':>14} {'words':>6} {'share':>6}")
    for share in measured:
        print(f"{share.kind:15} {share.page:45} {share.citation_words:14} {share.words:6} "
              f"{share.percent:5.1f}%")
    assert len(measured) >= 2 * (10 + 8 + 7 + 1)  # lessons, stories, citizens' pages, FAQ
    over = [f"{share.page}: {share.percent:.1f}%" for share in measured if share.percent > LIMIT]
    assert not over, over
    assert all(share.citation_words for share in measured)  # the measure sees the markers


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_markers_open_notes_that_quote_the_legal_page(built_site: Path, path: str,
                                                      lang: str) -> None:
    prefix = "en/" if lang == "en" else ""
    page = soup(built_site, prefix + path)
    article = page.select_one("article")
    assert "[[" not in words(article)
    markers = article.select("button.hg-cite")
    assert markers, "no citation marker"
    assert any(link["href"].endswith("assets/css/citations.css")
               for link in page.select("link[rel=stylesheet]"))
    notes = {note["id"]: note for note in article.select(".hg-cite-notes [popover=auto]")}
    assert {marker["popovertarget"] for marker in markers} == set(notes)
    for marker in markers:
        assert re.fullmatch(r"\[\d+\]", marker.get_text())
        assert marker["aria-label"].startswith(t("legal.notes.marker", lang, number="", label="")
                                               .split(" ")[0])
    for note in notes.values():
        quoted = words(quoted_html(built_site, prefix + path, note))
        for link in note.select(".hg-cite-note__link a"):
            href = link["href"]
            assert not href.startswith("http") and "#" in href
            if "van-ban/" not in href:
                continue  # a section of a module: nothing to quote
            document, anchor = href.split("van-ban/")[1].split("/")[0], href.split("#")[1]
            unit = legal_units(built_site, document).get(anchor)
            assert unit is not None, href
            assert all(part in quoted for part in legal_words(unit)), href


@functools.cache
def quote_file(site: Path, path: str) -> dict[str, str]:
    """A document's file of quotes, as the script sees it: anchor -> HTML."""
    text = (site / path).read_text(encoding="utf-8")
    prefix, _, data = text.partition("] = ")
    assert prefix.startswith("(window.hoagiaiCiteTexts = window.hoagiaiCiteTexts || {})[")
    return json.loads(data.rstrip().removesuffix(";"))


def quoted_html(site: Path, page: str, note: Tag) -> BeautifulSoup:
    """What a note shows once its words have loaded: the units each of its links names, from
    its document's file in the folder the notes name (relative to the page), in order."""
    assert note.select_one("blockquote") is None  # the words are not in the page
    folder = note.find_parent(class_="hg-cite-notes")["data-hg-quotes"]
    html = []
    for link in note.select("[data-hg-quote]"):
        document, *anchors = link["data-hg-quote"].split()
        path = posixpath.normpath(posixpath.join(page, folder, f"{document}.js"))
        assert path.startswith("en/trich-dan/" if page.startswith("en/") else "trich-dan/")
        texts = quote_file(site, path)
        html += [texts[anchor] for anchor in anchors]
    return BeautifulSoup(f"<blockquote>{''.join(html)}</blockquote>", "html.parser")


@functools.cache
def legal_units(site: Path, document: str) -> dict[str, Tag]:
    """Every element with an id on a document's Vietnamese page, by id."""
    page = soup(site, f"van-ban/{document}/")
    for permalink in page.select(".headerlink"):
        permalink.decompose()
    return {element["id"]: element for element in page.select("[id]")}


def legal_words(unit: Tag) -> list[str]:
    """What a note must quote of a unit of the legal page: an article's body, a clause or a
    point whole; of a notes section, its heading and first paragraph or list."""
    if unit.name not in ("h2", "h3", "h4", "h5"):
        return [words(unit)]
    body = unit.parent.select_one(".hg-unit__body")
    if body is not None:
        return [words(body)]
    return [words(unit), words(unit.find_next_sibling())]


def test_clause_text_in_a_note_is_the_clause_on_the_legal_page(built_site: Path) -> None:
    law = soup(built_site, "van-ban/luat35/")
    for lang_prefix in ("", "en/"):
        page = soup(built_site, lang_prefix + "nguoi-dan/quyen-va-nghia-vu/")
        (note,) = [note for note in page.select(".hg-cite-note")
                   if note.select_one('a[href$="#dieu-17-khoan-4"]')]
        quoted = quoted_html(built_site, lang_prefix + "nguoi-dan/quyen-va-nghia-vu/", note)
        assert words(quoted) == words(law.find(id="dieu-17-khoan-4"))


def test_ids_stay_unique_on_pages_with_notes(built_site: Path) -> None:
    for path in PAGES:
        ids = [element["id"] for element in soup(built_site, path).select("[id]")]
        assert len(ids) == len(set(ids)), path


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_search_index_holds_no_citation_notes(built_site: Path, lang: str) -> None:
    """Clause 6 of Article 17, quoted in notes on lessons and citizens' pages, is found only
    on the law's own page; nor are the notes' links or the markers' numbers indexed."""
    sections = section_texts(built_site, lang)
    clause = "Tôn trọng hòa giải viên, quyền của các bên có liên quan"
    found = {page for page, text in sections if clause in text}
    assert found == ({"van-ban/luat35/"} if lang == "vi" else set())
    read = t("legal.notes.read", lang)
    assert not [page for page, text in sections if read in text]
    marked = {page for page, text in sections if re.search(r"\[\d+\]", text)}
    assert not marked, sorted(marked)
    # The lesson cites its law right before its full stops: the words keep theirs.
    lesson = " ".join(text for page, text in sections
                      if page == localized_path("hoc-tap/trinh-tu-hoa-giai/", lang))
    assert lesson and not re.search(r"\w [.,;:](?:\s|$)", lesson), lesson
    # Nor the labels before markers ("Căn cứ:", "(Source:)"): alone, they ended snippets.
    labels = {f"{t('citizens.basis', lang)}:", f"{t('glossary.basis', lang)}:",
              f"{t('plan.source', lang)}:", t("quiz.sources", lang)}
    bare = {page for page, text in sections for label in labels
            if re.search(rf"{re.escape(label)}(?:\)|$| ·)", text)}
    assert not bare, sorted(bare)


def test_files_of_quoted_words_are_not_pages(built_site: Path) -> None:
    """One file of quoted words per cited document and language, outside what counts pages:
    not in the sitemap, not HTML (so not in the search index or the page kinds)."""
    for folder in ("trich-dan", "en/trich-dan"):
        files = sorted(path.name for path in (built_site / folder).iterdir())
        assert "luat35.js" in files and all(name.endswith(".js") for name in files), files
    english = quote_file(built_site, "en/trich-dan/luat35.js")["dieu-17-khoan-4"]
    assert english == quote_file(built_site, "trich-dan/luat35.js")["dieu-17-khoan-4"]
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>" in sitemap and "trich-dan" not in sitemap
