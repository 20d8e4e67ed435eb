"""The generator without MkDocs: loading the real project and generating its pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hoagiai.citations import find_in_markdown
from hoagiai.errors import BuildError, ContentError
from hoagiai.feature import Feature, GeneratedFile, generated_page
from hoagiai.frontmatter import split_front_matter
from hoagiai.packed import PackedText
from hoagiai.pipeline import generate, load_site
from hoagiai.site import Paths, language_free_uri, language_of, localized_uri
from support.project import PDF_CACHE, ROOT, copy_project


@pytest.mark.parametrize(("src_uri", "lang", "base"), [
    ("index.md", "vi", "index.md"),
    ("index.en.md", "en", "index.md"),
    ("hoc-tap/bai-1.en.md", "en", "hoc-tap/bai-1.md"),
    ("trac-nghiem/co-ban.en.gift", "en", "trac-nghiem/co-ban.gift"),
    ("van-ban/nd.15.md", "vi", "van-ban/nd.15.md"),
])
def test_language_suffixes(src_uri: str, lang: str, base: str) -> None:
    assert language_of(src_uri) == lang
    assert language_free_uri(src_uri) == base
    assert localized_uri(base, lang) == src_uri


TRICKY_META = {  # what YAML could misread if it were written carelessly
    "title": "Mediators: who", "audience": ["x"], "yes": "no", "number": "08", "tag": "#a",
    "quote": "“Hòa giải” 'x' \"y\"", "long": "Hòa giải viên lắng nghe các bên, " * 6,
    "lines": "a\nb", "empty": "", "nothing": None, "search": {"exclude": True}, "order": 3,
}


def test_generated_page_round_trips_its_front_matter() -> None:
    page = generated_page("a/b.md", "en", TRICKY_META, "Body")
    assert page.src_uri == "a/b.en.md" and page.is_page
    front, problems = split_front_matter(page.content, "a/b.en.md")
    assert problems == [] and front.meta == page.meta
    assert front.body.strip() == "Body"


def test_a_generated_page_waits_packed_and_can_let_its_text_go() -> None:
    """A build holds every generated page until MkDocs reads it: compressed, not as text;
    once read, the build keeps only where the page goes and its front matter."""
    body = "\n\n".join(f"Đoạn {n}: hòa giải viên lắng nghe các bên." for n in range(400))
    page = generated_page("a/b.md", "vi", {"title": "Bài"}, body)
    assert isinstance(page.made, PackedText) and page.made.packed_bytes < len(body) / 5
    assert page.content.endswith(f"{body}\n") and page.content.startswith("---\ntitle: Bài\n")
    read = page.without_content()
    assert (read.src_uri, read.meta, read.content) == (page.src_uri, page.meta, "")


def test_real_project_generates_audience_pages_in_both_languages() -> None:
    site = load_site(Paths.at(ROOT))
    made = {item.src_uri: item for item in generate(site)}
    for uri in ("danh-cho/index.md", "danh-cho/nguoi-dan.md", "danh-cho/nguoi-dan.en.md"):
        assert uri in made
    citizens = made["danh-cho/nguoi-dan.md"].content
    assert "(../nguoi-dan/index.md)" in citizens and "(../hoc-tap/index.md)" not in citizens
    # Stories are grouped under their section, not under a sub-section's index (by year).
    assert "(../cau-chuyen/index.md)" in citizens and "(../cau-chuyen/nam/" not in citizens
    # The citizens' corner first; no lists of citing pages; no section said to be unwritten.
    first_section = citizens.split("\n## [", 1)[1]
    assert first_section.startswith("Dành cho người dân](../nguoi-dan/index.md)")
    assert "dan-chieu" not in citizens and "đang được xây dựng" not in citizens


class _Twice(Feature):
    def generate(self, site, made):  # type: ignore[override]
        return [GeneratedFile("x.md", "vi", "a"), GeneratedFile("x.md", "vi", "b")]


class _ClaimsAuthored(Feature):
    def generate(self, site, made):  # type: ignore[override]
        return [GeneratedFile("gioi-thieu.md", "vi", "a")]


def test_two_generators_cannot_claim_one_path() -> None:
    site = load_site(Paths.at(ROOT))
    with pytest.raises(BuildError, match=re.escape("Two generated files claim 'x.md'")):
        generate(site, [_Twice()])


def test_generated_page_cannot_hide_an_authored_one() -> None:
    site = load_site(Paths.at(ROOT))
    with pytest.raises(BuildError, match=re.escape("docs/gioi-thieu.md exists too")):
        generate(site, [_ClaimsAuthored()])


def test_text_from_yaml_is_escaped_in_generated_pages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    audiences = project / "materials" / "audiences.yml"
    text = audiences.read_text(encoding="utf-8").replace(
        "Bạn là hòa giải viên ở thôn:", "Bạn là <script>alert(1)</script> *hòa giải viên* ở thôn:"
    )
    audiences.write_text(text, encoding="utf-8")
    made = {i.src_uri: i for i in generate(load_site(Paths.at(project)))}
    body = made["danh-cho/index.md"].content
    assert "<script>" not in body
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\*hòa giải viên\\*" in body


def test_loading_again_in_one_process_sees_each_edit(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs serve` loads the site again after every edit and keeps what did not change."""
    monkeypatch.setenv("HOAGIAI_CACHE_DIR", str(PDF_CACHE))
    project = copy_project(tmp_path / "p")
    paths = Paths.at(project)
    audiences = project / "materials" / "audiences.yml"
    original = audiences.read_text(encoding="utf-8")
    before = {i.src_uri: i.content for i in generate(load_site(paths))}
    audiences.write_text(original.replace("Bạn là hòa giải viên ở thôn:", "Bạn là người hòa giải:"),
                         encoding="utf-8")
    after = {i.src_uri: i.content for i in generate(load_site(paths))}
    assert "Bạn là người hòa giải:" in after["danh-cho/index.md"]
    assert "Bạn là người hòa giải:" not in before["danh-cho/index.md"]
    assert after["van-ban/luat58.md"] == before["van-ban/luat58.md"]
    audiences.write_text(original.replace("audiences:", "audience:", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"audiences\.yml"):
        load_site(paths)
    audiences.write_text(original, encoding="utf-8")
    assert {i.src_uri: i.content for i in generate(load_site(paths))} == before


def test_citations_are_found_outside_code_with_their_place() -> None:
    text = (
        "Xem [[luat35:12.1.a]] và\n```\n[[khong:1]]\n```\n"
        "  [[hoc-tap/ky-nang#lang-nghe|kỹ năng]]\n"
    )
    found = [(c.ref, c.label, c.line, c.column) for c in find_in_markdown(text)]
    assert found == [
        ("luat35:12.1.a", None, 1, 5),
        ("hoc-tap/ky-nang#lang-nghe", "kỹ năng", 5, 3),
    ]
    first = next(find_in_markdown(text))
    assert text[first.start:first.end] == "[[luat35:12.1.a]]"
