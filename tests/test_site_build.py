"""The real site builds strictly, in two languages, every page paired with its twin."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from hoagiai.render import t
from support.html import html_pages, language, resolve, tags, url_of
from support.project import ROOT

pytestmark = pytest.mark.build

# Resource attributes: what a browser fetches by itself when it opens the page.
RESOURCE_ATTRIBUTES = {
    ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("audio", "src"),
    ("video", "src"), ("embed", "src"), ("object", "data"), ("image", "href"),
}
RESOURCE_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch",
                      "modulepreload", "manifest", "apple-touch-icon"}


def content_pages(site: Path) -> list[Path]:
    """Every built page except MkDocs' 404 page and the redirect-free sitemap."""
    return [p for p in html_pages(site) if p.name != "404.html"]


def test_strict_build_reports_no_warning(build) -> None:
    assert "WARNING" not in build.log
    assert "Documentation built" in build.log


def test_vietnamese_at_root_and_english_under_en(built_site: Path) -> None:
    assert language(built_site / "index.html") == "vi"
    assert language(built_site / "en" / "index.html") == "en"
    for page in content_pages(built_site):
        expected = "en" if url_of(built_site, page).startswith("en/") else "vi"
        assert language(page) == expected, page


def test_every_page_links_to_its_other_language_twin(built_site: Path) -> None:
    for page in content_pages(built_site):
        lang = language(page)
        other = "vi" if lang == "en" else "en"
        switcher = [
            attrs["href"] for tag, attrs in tags(page)
            if tag == "a" and attrs.get("hreflang") == other
        ]
        assert switcher, f"{page}: no language switcher link to {other}"
        target = resolve(built_site, page, switcher[0])
        assert target is not None and target.exists(), f"{page}: twin {switcher[0]} missing"
        assert language(target) == other
        # The twin is the same page in the other language, not the other home page.
        assert url_of(built_site, target).removeprefix("en/") == url_of(
            built_site, page).removeprefix("en/")


def _foreign(url: str, own_host: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) and parts.netloc != own_host


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    own_host = "localhost:8000"  # the default site_url: canonical links may name it
    offenders = []
    for page in content_pages(built_site):
        for tag, attrs in tags(page):
            urls = [attrs.get(attr, "") for t, attr in RESOURCE_ATTRIBUTES if t == tag]
            rels = set(attrs.get("rel", "").split())
            if tag == "link" and rels & RESOURCE_LINK_RELS:
                urls.append(attrs.get("href", ""))
            if tag == "form":
                urls.append(attrs.get("action", ""))
            offenders += [(page, u) for u in urls if u and _foreign(u, own_host)]
    assert offenders == []


def test_no_stylesheet_or_script_names_another_host(built_site: Path) -> None:
    pattern = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"]|importScripts\(\s*['"])https?://""")
    offenders = [
        path for path in built_site.rglob("*")
        if path.suffix in (".css", ".js") and pattern.search(path.read_text(errors="replace"))
    ]
    assert offenders == []


def test_sections_take_their_titles_from_index_pages(built_site: Path) -> None:
    html = (built_site / "en" / "gioi-thieu" / "index.html").read_text()
    nav = html[html.index("md-nav--primary"):html.index('class="md-content"')]
    labels = re.findall(r'class="md-nav__link[^"]*">\s*<span>\s*([^<]+?)\s*<', nav)
    top = [label for label in labels if label in {
        "Home", "For you", "Learning", "Quizzes", "Legal texts", "Printables", "For citizens",
        "Stories", "Glossary", "Plan", "About"}]
    assert top[:4] == ["Home", "For you", "Learning", "Quizzes"]
    assert "Hoc tap" not in labels and "Hoc-tap" not in labels


def article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def test_audience_pages_list_pages_from_front_matter(built_site: Path) -> None:
    citizens = article(built_site / "danh-cho" / "nguoi-dan" / "index.html")
    mediators = article(built_site / "en" / "danh-cho" / "hoa-giai-vien" / "index.html")
    # The citizens' corner is for citizens only; the learning section is for mediators.
    assert 'href="../../nguoi-dan/"' in citizens
    assert 'href="../../hoc-tap/"' not in citizens
    assert 'href="../../hoc-tap/"' in mediators
    assert 'href="../../nguoi-dan/"' not in mediators
    assert "<h1" in mediators and "Mediators" in mediators


def test_home_page_opens_three_doors(built_site: Path) -> None:
    for home, prefix in ((built_site / "index.html", ""), (built_site / "en" / "index.html", "")):
        links = [attrs["href"] for tag, attrs in tags(home) if tag == "a" and "href" in attrs]
        for audience in ("hoa-giai-vien", "tap-huan-vien"):
            assert f"{prefix}danh-cho/{audience}/" in links, (home, audience)
        # Citizens go straight to the corner written for them (how to ask, FAQ), not to a
        # list of everything tagged for them that opens with legal indexes.
        assert f"{prefix}nguoi-dan/" in links, home


def test_heading_links_are_titled_in_the_page_language(built_site: Path) -> None:
    configured = re.search(r"^\s*permalink_title: (.+)$",
                           (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert configured and configured[1] == t("theme.permalink", "vi"), "keep the two the same"
    for lang, prefix in (("vi", ""), ("en", "en/")):
        html = (built_site / prefix / "hoc-tap" / "ky-nang-hoa-giai" / "index.html").read_text(
            encoding="utf-8")
        titles = set(re.findall(r'class="headerlink" href="[^"]*" title="([^"]*)"', html))
        assert titles == {t("theme.permalink", lang)}, (lang, titles)
