"""The site's address in what it prints and what search engines read: one root sitemap
with both languages, robots.txt at a host root, no localhost on paper without SITE_URL."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from hoagiai.crawlers import robots_txt
from hoagiai.feature import PageContext
from hoagiai.print_links import PrintLinksFeature
from hoagiai.site import Paths, Site
from support.html import site_pages, url_of

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
DEVELOPMENT = "http://localhost:8000/"
NOTICE = "SITE_URL is not set"


@pytest.mark.parametrize(("url", "public"), [
    ("", ""), (DEVELOPMENT, ""), ("http://localhost:8000", ""),
    ("https://xa.example.vn/hoa-giai/", "https://xa.example.vn/hoa-giai/"),
])
def test_only_a_real_address_is_public(tmp_path: Path, url: str, public: str) -> None:
    site = Site(Paths.at(tmp_path), schemas=None, site_url=url)  # type: ignore[arg-type]
    assert site.public_url == public


def test_printed_links_never_name_this_computer(tmp_path: Path) -> None:
    """On paper only links to other websites keep their address (issue 16): a link within the
    site prints no address, with or without a published one, so never this computer's."""
    page = PageContext("hoc-tap/bai.md", "hoc-tap/bai/", "vi", {})
    inside = '<p><a href="../../van-ban/luat35/">Luật</a></p>'
    outside = '<p><a href="https://vbpl.vn/">CSDL</a></p>'
    feature = PrintLinksFeature()
    for url in (DEVELOPMENT, "https://xa.example.vn/"):
        site = Site(Paths.at(tmp_path), schemas=None, site_url=url)  # type: ignore[arg-type]
        assert feature.page_html(site, page, inside) == inside
        assert 'data-print-url="https://vbpl.vn/"' in feature.page_html(site, page, outside)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://hoagiai.example.vn/", "Sitemap: https://hoagiai.example.vn/sitemap.xml\n"),
    ("https://hoagiai.example.vn", "Sitemap: https://hoagiai.example.vn/sitemap.xml\n"),
    ("https://xa.example.vn/hoa-giai/", None),  # a robots.txt below the root is never read
    ("", None),
])
def test_robots_txt_names_the_sitemap_at_a_host_root(url: str, expected: str | None) -> None:
    text = robots_txt(url)
    if expected is None:
        assert text is None
    else:
        assert text is not None and text.startswith("User-agent: *\n") and text.endswith(expected)


@pytest.mark.build
def test_a_build_without_site_url_says_so_once(build) -> None:  # conftest.Build
    assert build.log.count(NOTICE) == 1
    assert "chưa đặt SITE_URL" in build.log
    assert not (build.site / "robots.txt").exists(), "localhost is no host to name"


@pytest.mark.build
def test_one_sitemap_at_the_root_lists_both_languages_with_alternates(built_site: Path) -> None:
    assert not (built_site / "en" / "sitemap.xml").exists()
    root = ET.parse(built_site / "sitemap.xml").getroot()
    entries = {}
    for url in root.iter(f"{SITEMAP}url"):
        loc = url.findtext(f"{SITEMAP}loc").removeprefix(DEVELOPMENT)
        entries[loc] = {link.get("hreflang"): link.get("href").removeprefix(DEVELOPMENT)
                        for link in url.iter(f"{XHTML}link")}
    pages = {url_of(built_site, page) for page in site_pages(built_site)
             if page.name != "404.html"}
    assert pages <= set(entries)
    english = [loc for loc in entries if loc.startswith("en/")]
    assert english and len(english) * 2 == len(entries)
    for loc, alternates in entries.items():
        assert set(alternates) == {"vi", "en"}, loc
        assert alternates["en"] == "en/" + alternates["vi"], loc
        assert loc in alternates.values(), loc
