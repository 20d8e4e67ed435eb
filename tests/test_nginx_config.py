"""deploy/nginx on a real nginx, with a tiny site: the version is hidden, dotfiles are not
served, the sub-path without its slash is redirected, a root folder with spaces works.

The tiny site stands in a folder whose path has spaces and Vietnamese letters, behind a
`current` symlink, as on the commune's server; the security headers of the real site are
tests/test_server.py's.
"""

from __future__ import annotations

import http.client
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from hoagiai.errors import PublishError
from hoagiai.publish import nginx
from support.nginx import DEPLOY, serve

pytestmark = pytest.mark.server

SECRET = "MAT_KHAU=khong-duoc-lo"
LEFT_BEHIND = {".env": SECRET, ".git/config": SECRET, ".htpasswd": SECRET,
               "en/.env": SECRET, "hoc-tap/.ghi-chu.md": SECRET}


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: str


def get(base_url: str, path: str) -> Answer:
    """A GET that does not follow redirects; `path` is absolute on the server."""
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return Answer(response.status, dict(response.getheaders()),
                      response.read().decode("utf-8", "replace"))
    finally:
        connection.close()


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`thư mục web/current` → a release holding pages and files left behind by accident."""
    web = tmp_path_factory.mktemp("nginx") / "thư mục web"
    release = web / "releases" / "20260101-000000"
    files = {"index.html": "trang chủ", "404.html": "không tìm thấy",
             "en/index.html": "home", "en/404.html": "not found",
             "hoc-tap/index.html": "học tập", **LEFT_BEHIND}
    for name, text in files.items():
        (release / name).parent.mkdir(parents=True, exist_ok=True)
        (release / name).write_text(text, encoding="utf-8")
    os.symlink("releases/20260101-000000", web / "current")
    return web / "current"


@pytest.fixture(scope="module", params=["/hoa-giai/", "/"])
def server(root: Path, request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(base URL, prefix), for the site under a sub-path and at a domain root."""
    with serve(root, tmp_path_factory.mktemp("nginx-work"), request.param) as base_url:
        yield base_url, request.param


def test_a_root_folder_with_spaces_is_served(server: tuple[str, str]) -> None:
    base_url, prefix = server
    assert get(base_url, prefix).body == "trang chủ"
    assert get(base_url, prefix + "hoc-tap/").body == "học tập"
    assert get(base_url, prefix + "en/").body == "home"


@pytest.mark.parametrize("name", [*sorted(LEFT_BEHIND), ".git/", ".git"])
def test_dotfiles_are_not_found(server: tuple[str, str], name: str) -> None:
    base_url, prefix = server
    answer = get(base_url, prefix + name)
    assert answer.status == 404
    assert SECRET not in answer.body
    assert answer.body == "không tìm thấy", "the site's own 404 page"
    assert "default-src 'none'" in answer.headers["Content-Security-Policy"]


def test_the_server_does_not_say_its_version(server: tuple[str, str]) -> None:
    base_url, prefix = server
    answers = [get(base_url, prefix + path) for path in ("", "khong-co/", ".env", "hoc-tap")]
    assert [answer.status for answer in answers] == [200, 404, 404, 301]
    assert {answer.headers["Server"] for answer in answers} == {"nginx"}


@pytest.mark.parametrize(("path", "location"), [
    ("/hoa-giai", "/hoa-giai/"),
    ("/hoa-giai?utm_source=zalo", "/hoa-giai/?utm_source=zalo"),
])
def test_the_address_without_its_final_slash_is_sent_on(
        server: tuple[str, str], path: str, location: str) -> None:
    base_url, prefix = server
    answer = get(base_url, path)
    if prefix == "/":
        assert answer.status == 404, "at a domain root /hoa-giai is just a missing page"
        return
    assert (answer.status, answer.headers["Location"]) == (301, location)
    assert answer.headers["Server"] == "nginx"
    assert "default-src 'none'" in answer.headers["Content-Security-Policy"]
    followed = get(base_url, answer.headers["Location"])
    assert (followed.status, followed.body) == (200, "trang chủ")


def test_other_addresses_near_the_sub_path_are_left_alone(server: tuple[str, str]) -> None:
    base_url, prefix = server
    if prefix == "/":
        assert get(base_url, "/").status == 200, "no redirect loop at a domain root"
        return
    for path in ("/hoa-giaix", "/hoa-giai-khac/", "/"):
        assert get(base_url, path).status == 404, path


@pytest.mark.parametrize("root", ['/srv/a"b', "/srv/$document_root", "/srv/a\\b", "/srv/a\nb"])
def test_a_root_folder_nginx_cannot_quote_is_refused(root: str) -> None:
    with pytest.raises(PublishError, match="The site's root folder may not hold"):
        nginx.site_config(DEPLOY, "/hoa-giai/", Path(root))


@pytest.mark.parametrize("prefix", ["/hoa giai/", "/hoa-giai", '/a"/', "/hòa-giải/", "/a;b/"])
def test_a_sub_path_nginx_cannot_use_is_refused(prefix: str) -> None:
    with pytest.raises(PublishError, match="The site's path must start and end with '/'"):
        nginx.site_config(DEPLOY, prefix, Path("/srv/hoagiai/current"))
