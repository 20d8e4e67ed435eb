"""The security policy every built page must pass (the publishing gate runs it on every page)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoagiai.safety.output_policy import check_page, check_site

OWN = "hoagiai.example"


@pytest.mark.parametrize(("html", "expected"), [
    ('<script>alert(1)</script>', ["inline <script> (scripts must be files)"]),
    ('<script src="https://cdn.example/x.js"></script>',
     ["<script src> loads from another host: https://cdn.example/x.js"]),
    ('<p onclick="x()">a</p>', ["event-handler attribute onclick= on <p>"]),
    ('<p style="color:red">a</p>', ["style= attribute on <p>"]),
    ('<style>p{}</style>', ["<style> is not allowed"]),
    ('<a href=" JaVa\tScript:alert(1)">a</a>', ["javascript: address in <a href>"]),
    ('<a href="data:text/html,x">a</a>', ["data: address in <a href>"]),
    ('<iframe src="../x/"></iframe>', ["<iframe> is not allowed"]),
    ('<object data="x.swf"></object>', ["<object> is not allowed"]),
    ('<embed src="x.swf">', ["<embed> is not allowed"]),
    ('<img src="//other.example/a.png">', ["<img src> loads from another host: "
                                            "//other.example/a.png"]),
    ('<img srcset="a.png 1x, https://other.example/b.png 2x">',
     ["<img srcset> loads from another host: https://other.example/b.png"]),
    ('<link rel="stylesheet" href="https://fonts.example/css">',
     ["<link href> loads from another host: https://fonts.example/css"]),
    ('<video><source src="https://other.example/v.mp4"></video>',
     ["<source src> loads from another host: https://other.example/v.mp4"]),
])
def test_each_rule_is_enforced(html: str, expected: list[str]) -> None:
    assert [what for _, what in check_page(html, OWN)] == expected


@pytest.mark.parametrize("html", [
    '<script src="../assets/js/theme.js" defer></script>',
    f'<script src="https://{OWN}/assets/js/theme.js"></script>',
    '<script type="application/ld+json">{"@type": "FAQPage"}</script>',
    '<a href="https://vbpl.vn/">link to another site</a><a href="mailto:a@b.c">mail</a>',
    '<link rel="canonical" href="https://other.example/page/">',
    '<img src="../assets/images/chia-se.png" alt="">',
    '<svg><use href="#icon"></use></svg><custom-card data-x="1">new features</custom-card>',
])
def test_what_the_site_itself_writes_passes(html: str) -> None:
    assert check_page(html, OWN) == []


def test_a_breach_is_reported_with_page_and_line(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>ok</p>\n<p style='x'>no</p>\n",
                                               encoding="utf-8")
    (tmp_path / "index.html").write_text("<p>ok</p>", encoding="utf-8")
    assert check_site(tmp_path) == ["a/index.html:2: style= attribute on <p>"]


@pytest.mark.build
def test_every_page_of_the_real_site_passes(built_site: Path) -> None:
    assert check_site(built_site, "http://localhost:8000/") == []
