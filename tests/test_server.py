"""The real nginx configuration (deploy/nginx) serving the site at a domain root."""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from hoagiai.publish.browser import PAGES_AT_ONCE, check_pages
from support.html import html_pages, tags
from support.nginx import serve

THEME_CSS = re.compile(r"assets/stylesheets/theme\.[0-9a-f]{8}\.min\.css")


@dataclass(frozen=True)
class Answer:
    status: int
    headers: Message
    body: bytes


def fetch(url: str, compressed: bool = False) -> Answer:
    request = urllib.request.Request(
        url, headers={"Accept-Encoding": "gzip"} if compressed else {})
    try:
        with urllib.request.urlopen(request) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


def csp_directives(answer: Answer) -> dict[str, list[str]]:
    policy = answer.headers["Content-Security-Policy"]
    assert policy, "no Content-Security-Policy header"
    return {name: values for name, *values in
            (part.split() for part in policy.split(";") if part.strip())}


@pytest.mark.build
def test_no_page_has_an_inline_script(built_site: Path) -> None:
    """The policy forbids inline scripts: only data blocks (JSON, JSON-LD) may be inline."""
    data_blocks = {"application/json", "application/ld+json"}
    inline = [
        page for page in html_pages(built_site) for tag, attrs in tags(page)
        if tag == "script" and "src" not in attrs and attrs.get("type") not in data_blocks
    ]
    assert inline == []


@pytest.mark.server
@pytest.mark.parametrize("path", ["", "en/hoc-tap/", "assets/css/site.css", "khong-co/"])
def test_security_headers_on_every_answer(site_server: str, path: str) -> None:
    answer = fetch(site_server + path)
    policy = csp_directives(answer)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    sources = [value for values in policy.values() for value in values]
    assert not [value for value in sources if "://" in value or value.startswith(("*", "http"))]
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in answer.headers["Permissions-Policy"]
    assert "geolocation=()" in answer.headers["Permissions-Policy"]


@pytest.mark.server
def test_fingerprinted_assets_are_kept_a_year_and_the_rest_revalidated(
        site_server: str, built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    theme = THEME_CSS.search(home)
    assert theme, "the trimmed theme stylesheet is linked from the home page"
    assert fetch(site_server + theme.group(0)).headers["Cache-Control"] == (
        "public, max-age=31536000, immutable")
    for path in ("", "en/", "assets/js/theme.js", "assets/css/site.css",
                 "search/search_index.json"):
        assert fetch(site_server + path).headers["Cache-Control"] == "no-cache", path


@pytest.mark.server
@pytest.mark.parametrize("path", ["", "search/vi.js", "assets/css/site.css"])
def test_text_is_compressed(site_server: str, path: str) -> None:
    answer = fetch(site_server + path, compressed=True)
    assert answer.status == 200
    assert answer.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in answer.headers["Vary"]
    assert len(gzip.decompress(answer.body)) > len(answer.body)


@pytest.mark.server
@pytest.mark.parametrize(("path", "lang", "title"), [
    ("khong-co-trang-nay/", "vi", "Không tìm thấy trang"),
    ("hoc-tap/khong-co.html", "vi", "Không tìm thấy trang"),
    ("en/no-such-page/", "en", "Page not found"),
])
def test_missing_pages_get_the_404_page_of_their_language(site_server: str, path: str,
                                                           lang: str, title: str) -> None:
    answer = fetch(site_server + path)
    html = answer.body.decode("utf-8")
    assert answer.status == 404
    assert f'<html lang="{lang}"' in html
    assert f"<h1>{title}</h1>" in html


@pytest.mark.server
def test_one_sitemap_is_served_at_the_root(site_server: str) -> None:
    answer = fetch(site_server + "sitemap.xml")
    assert answer.status == 200 and b"<urlset" in answer.body and b"/en/" in answer.body
    assert fetch(site_server + "en/sitemap.xml").status == 404


@pytest.mark.server
@pytest.mark.browser
def test_the_policy_is_enforced(browser: Browser, tmp_path: Path) -> None:
    """An inline script is refused (and reported); a script from a file runs."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><html lang="vi"><head><title>gốc</title>'
        "<script>document.title = 'inline đã chạy'</script>"
        '<script src="ok.js"></script></head><body></body></html>', encoding="utf-8")
    (site / "ok.js").write_text("document.documentElement.dataset.ok = 'yes';")
    with serve(site, tmp_path / "nginx") as url:
        page = browser.new_page()
        messages: list[str] = []
        page.on("console", lambda message: messages.append(message.text))
        page.goto(url)
        assert page.title() == "gốc"
        assert page.locator("html").get_attribute("data-ok") == "yes"
        page.close()
    assert any("Content Security Policy" in message for message in messages), messages


# Every kind of page in both languages (publish/page_kinds.py) passes this check — no console
# error (so no CSP violation), no other host, no axe violation — in the browser gate of the
# publication that tests/test_publish.py makes; here, the check itself is shown to work.
@pytest.mark.server
@pytest.mark.browser
def test_the_browser_gate_reports_each_kind_of_problem(browser: Browser, tmp_path: Path) -> None:
    """The gate above can fail: an inline script, a file from another host, an image
    without a text alternative and a missing file are each reported, for each page of the
    pages checked together in one browser profile — also the pages a tab opens after
    another, each with its own problems only."""
    site = tmp_path / "site"
    site.mkdir()
    page_html = (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>thử</title>'
        "<script>document.title = 'x'</script></head><body><main><h1>thử</h1>"
        '{other}<img src="thieu-{n}.png"></main></body></html>')
    names = [f"trang-{n}.html" for n in range(PAGES_AT_ONCE + 1)]  # the last: a tab's second
    for n, name in enumerate(names):
        other = '<img src="http://127.0.0.2:9/anh.png" alt="ảnh">' if n == 0 else ""
        (site / name).write_text(page_html.format(other=other, n=n), encoding="utf-8")
    with serve(site, tmp_path / "nginx") as url:
        found = check_pages(browser, [url + name for name in names])
    for n, name in enumerate(names):
        problems = found[url + name]
        assert any(p.startswith("console: Executing inline script violates") for p in problems)
        missing = [p for p in problems if p.startswith("HTTP 404: ")]
        assert len(missing) == 1 and missing[0].endswith(f"/thieu-{n}.png"), problems
        assert any(p.startswith("axe image-alt (critical)") for p in problems), problems
        assert ("other host: http://127.0.0.2:9/anh.png" in problems) == (n == 0), problems
