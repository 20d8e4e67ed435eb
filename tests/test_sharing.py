"""Every built page has a description and a preview card with absolute URLs, and share links."""

from __future__ import annotations

import struct
from pathlib import Path

from support.html import site_pages, tags, url_of

SITE_URL = "http://localhost:8000/"  # mkdocs.yml's default site_url, used by the test build
REQUIRED = ["og:title", "og:description", "og:url", "og:image", "og:type", "og:site_name",
            "twitter:card"]
# X (Twitter) reads title, description and image from og: when its own tags are absent, so a
# page repeats none of them (0.3 KB of every page's HTML for the same card).
REPEATED_FOR_X = ["twitter:title", "twitter:description", "twitter:image"]


def head_meta(page: Path) -> dict[str, str]:
    return {attrs.get("property") or attrs.get("name"): attrs.get("content", "")
            for tag, attrs in tags(page) if tag == "meta"}


def test_every_page_has_description_and_card_with_absolute_urls(built_site: Path) -> None:
    pages = list(site_pages(built_site))
    assert len(pages) > 50
    for page in pages:
        meta = head_meta(page)
        missing = [name for name in ["description", *REQUIRED] if not meta.get(name)]
        assert not missing, (page, missing)
        assert not [name for name in REPEATED_FOR_X if name in meta], page
        for name in ("og:url", "og:image"):
            assert meta[name].startswith(SITE_URL), (page, name, meta[name])
        if page.name != "404.html":
            assert meta["og:url"] == SITE_URL + url_of(built_site, page), page


def test_every_page_links_the_feeds_of_its_language(built_site: Path) -> None:
    for page in site_pages(built_site):
        if page.name == "404.html":
            continue
        prefix = "en/" if url_of(built_site, page).startswith("en/") else ""
        feeds = {attrs["type"]: attrs["href"] for tag, attrs in tags(page)
                 if tag == "link" and "alternate" in attrs.get("rel", "").split()
                 and "type" in attrs}
        assert feeds == {
            "application/rss+xml": f"{SITE_URL}{prefix}cau-chuyen/rss.xml",
            "application/atom+xml": f"{SITE_URL}{prefix}cau-chuyen/atom.xml",
        }, page


def test_every_content_page_has_facebook_zalo_and_copy_link(built_site: Path) -> None:
    for page in site_pages(built_site):
        if page.name == "404.html":
            continue
        found = tags(page)
        hrefs = [attrs.get("href", "") for tag, attrs in found if tag == "a"]
        url = SITE_URL + url_of(built_site, page)
        encoded = url.replace(":", "%3A").replace("/", "%2F")
        assert f"https://www.facebook.com/sharer/sharer.php?u={encoded}" in hrefs, page
        assert f"https://sp.zalo.me/share_to_zalo?url={encoded}" in hrefs, page
        assert any(attrs.get("data-hg-copy") == url for tag, attrs in found), page
        scripts = [attrs.get("src", "") for tag, attrs in found if tag == "script"]
        assert not any("facebook" in s or "zalo" in s for s in scripts)


def test_share_image_is_a_1200_by_630_png_made_by_the_project(built_site: Path) -> None:
    data = (built_site / "assets" / "images" / "chia-se.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 630)
    assert len(data) < 100_000, "small enough for slow connections"
