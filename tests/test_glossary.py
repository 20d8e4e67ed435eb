"""Glossary: the page per language, and the first use of each term marked with a tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hoagiai.glossary.marker import TermFinder, mark_terms
from support.html import html_pages, tags
from support.project import ROOT

TERMS = yaml.safe_load((ROOT / "materials" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
FINDER = TermFinder({"hòa giải": "hg", "hòa giải viên": "hgv", "hoà giải viên": "hgv",
                     "các bên": "cb"})


def marked(html: str) -> str:
    return mark_terms(html, FINDER, lambda term, text: f"<T {term}>{text}</T>")[0]


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>Hòa giải viên giúp các bên. Hòa giải viên nghe.</p>",
     "<p><T hgv>Hòa giải viên</T> giúp <T cb>các bên</T>. Hòa giải viên nghe.</p>"),
    ("<p>hoà giải viên rồi hòa giải</p>", "<p><T hgv>hoà giải viên</T> rồi <T hg>hòa giải</T></p>"),
    ("<h2>Hòa giải viên</h2><p><a href='x'>các bên</a> và các bên</p>",
     "<h2>Hòa giải viên</h2><p><a href='x'>các bên</a> và <T cb>các bên</T></p>"),
    ("<blockquote><p>các bên</p></blockquote><pre><code>các bên</code></pre>",
     "<blockquote><p>các bên</p></blockquote><pre><code>các bên</code></pre>"),
    ("<p>[[luat35:2.3|các bên]] của các bên</p>",
     "<p>[[luat35:2.3|các bên]] của <T cb>các bên</T></p>"),
    ("<p>các bênh viện &amp; <br>các bên<img src=a.png></p>",
     "<p>các bênh viện &amp; <br><T cb>các bên</T><img src=a.png></p>"),
    ('<div class="admonition-title">các bên</div><p>x</p>',
     '<div class="admonition-title">các bên</div><p>x</p>'),
])
def test_first_use_is_marked_outside_headings_links_code_quotes_and_citations(
        html: str, expected: str) -> None:
    assert marked(html) == expected


def test_glossary_has_thirty_terms_with_both_languages() -> None:
    assert len(TERMS) >= 30
    assert len({term["id"] for term in TERMS}) == len(TERMS)
    assert all(term["term"]["vi"] and term["term"]["en"] for term in TERMS)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_glossary_page_has_an_anchor_per_term(built_site: Path, prefix: str) -> None:
    page = built_site / prefix / "thuat-ngu" / "index.html"
    ids = {attrs.get("id") for tag, attrs in tags(page) if tag == "h2"}
    assert {term["id"] for term in TERMS} <= ids
    assert "hg-term" not in page.read_text(encoding="utf-8")


def test_tooltips_link_to_existing_entries_and_describe_the_link(built_site: Path) -> None:
    page = built_site / "en" / "nguoi-dan" / "buoi-hoa-giai" / "index.html"
    found = tags(page)
    links = [attrs for tag, attrs in found if "hg-term__link" in attrs.get("class", "")]
    assert links, "terms are marked on citizen pages"
    tips = {attrs["id"] for tag, attrs in found if attrs.get("role") == "tooltip"}
    glossary = built_site / "en" / "thuat-ngu" / "index.html"
    entries = {attrs.get("id") for tag, attrs in tags(glossary) if tag == "h2"}
    for link in links:
        href, _, anchor = link["href"].partition("#")
        assert href == "../../thuat-ngu/" and anchor in entries, link["href"]
        assert link["aria-describedby"] in tips
    # The tooltip's style and script are loaded in the head, only where a term was marked.
    assert any(tag == "link" and attrs.get("href") == "../../../assets/css/glossary.css"
               for tag, attrs in found)
    assert any(tag == "script" and attrs.get("src") == "../../../assets/js/glossary.js"
               for tag, attrs in found)


def test_legal_texts_are_never_marked(built_site: Path) -> None:
    legal = [p for p in html_pages(built_site) if "/van-ban/" in p.as_posix()]
    assert legal
    assert all("hg-term" not in page.read_text(encoding="utf-8") for page in legal)
