"""No broken link, no missing anchor: the two gates `hoagiai publish` runs, LinkChecker over the
site served by nginx and the anchor check over the built pages.

LinkChecker crawls the real site in tests/test_publish.py (the publication's gate, under a
sub-path, must pass); here it is shown to fail on a site with a broken link."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoagiai.publish import anchors, gates
from support.nginx import serve

pytestmark = [pytest.mark.server]


def test_no_link_points_to_a_missing_anchor(built_site: Path) -> None:
    assert anchors.missing(built_site) == []


def write_site(site: Path, pages: dict[str, str]) -> Path:
    for name, body in pages.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'<!doctype html><html lang="vi"><body>{body}</body></html>',
                        encoding="utf-8")
    return site


def test_linkchecker_reports_a_missing_page(tmp_path: Path) -> None:
    """The gate can fail: a tiny site with one link to a page that does not exist."""
    site = write_site(tmp_path / "site", {
        "index.html": '<a href="b/">b</a>\n<a href="missing.html">y</a>',
        "b/index.html": "b",
    })
    with serve(site, tmp_path / "nginx") as url:
        problems = gates.links(url, [])
    assert len(problems) == 1, problems
    assert problems[0].startswith("/ (dòng/line 2): 'missing.html' → 404"), problems


def test_anchors_resolve_like_a_browser(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {
        "index.html": (
            '<h2 id="tren">x</h2><a href="#tren">same page</a>'
            '<a href="van-ban/luat/#dieu-1">directory URL</a>'
            '<a href="van-ban/luat/index.html#%C4%91iem">escaped</a>'
            '<a href="cu.html#ten">old-style name</a>'
            '<a href="khong-co/#x">missing page: LinkChecker reports it</a>'
            '<a href="https://example.org/#x">other host: not ours</a>'
            '<a href="van-ban/luat/#">empty anchor</a>'
        ),
        "van-ban/luat/index.html": '<p id="dieu-1">1</p><p id="điem">a</p>'
                                   '<a href="../../#tren">back</a><a href="../../#khong">bad</a>',
        "cu.html": '<a name="ten">old</a>',
    })
    assert anchors.missing(site) == [
        "van-ban/luat/ (dòng/line 1): '../../#khong' → "
        "trang đích không có mục #khong / anchor #khong not found",
    ]


def test_anchors_under_a_sub_path(tmp_path: Path) -> None:
    """Links written from the server's root reach the site only under its prefix."""
    site = write_site(tmp_path / "site", {
        "index.html": '<a href="/hoa-giai/b/#co">ok</a><a href="/hoa-giai/b/#khong">bad</a>'
                      '<a href="/khac/b/#khong">another site on the server</a>',
        "b/index.html": '<p id="co">b</p>',
    })
    assert [line.split(" → ")[0] for line in anchors.missing(site, "/hoa-giai/")] == [
        "/ (dòng/line 1): '/hoa-giai/b/#khong'",
    ]
