"""Bad options for `hoagiai publish`, `offline`, `rollback` and `mkdocs build`: each refused
first, with a message in Vietnamese then English, before anything is built or written."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoagiai.errors import UsageError
from hoagiai.publish.target import Target
from hoagiai.site_url import SiteUrlError, checked
from support.project import ROOT, hoagiai, mkdocs_build

HOSTILE = 'http://x" onload="alert(1)'


@pytest.mark.parametrize(("url", "says"), [
    (HOSTILE, "it contains '\"' (a quote, a bracket or markup)"),
    ("https://thuongphuc.example/<script>/", "it contains '<'"),
    ("https://thuongphuc.example/hoa giai/", "it contains a space"),
    ("https://thuongphuc.example/hoa-giai/\n", "it contains '\\n'"),
    ("thuongphuc.example/hoa-giai/", "must start with https:// or http://"),
    ("javascript:alert(1)", "must start with https:// or http://"),
    ("ftp://thuongphuc.example/", "must start with https:// or http://"),
    ("https:thuongphuc.example/", "must start with https:// or http://"),
    ("https://", "has no valid host name after '//'"),
    ("https:///hoa-giai/", "has no valid host name after '//'"),
    ("https://-x.example/", "has no valid host name after '//'"),
    ("https://thượngphúc.example/", "has accented or non-ASCII characters"),
    ("https://thuongphuc.example/hòa-giải/", "has accented or non-ASCII characters"),
    ("https://admin:mat-khau@thuongphuc.example/", "holds a user name or password"),
    ("https://thuongphuc.example:99999/", "the port (the number after ':')"),
    ("https://thuongphuc.example:/", "the port (the number after ':')"),
    ("https://thuongphuc.example/?utm=1", "has a '?' or '#' part"),
    ("https://thuongphuc.example/#top", "has a '?' or '#' part"),
    ("https://thuongphuc.example/a/../b/", "the path '/a/../b/'"),
    ("https://thuongphuc.example//hoa-giai/", "the path '//hoa-giai/'"),
    ("https://thuongphuc.example/hoa%20giai/", "the path '/hoa%20giai/'"),
])
def test_an_unusable_site_address_is_refused_with_what_and_how(url: str, says: str) -> None:
    with pytest.raises(SiteUrlError) as refused:
        checked(url)
    vi, fix_vi, en, fix_en = str(refused.value).splitlines()
    assert vi.startswith("Địa chỉ trang (--site-url / SITE_URL) không dùng được: ")
    assert fix_vi.startswith("  Sửa: ghi địa chỉ đầy đủ của trang")
    assert en.startswith("(en) The site's address (--site-url / SITE_URL) cannot be used: ")
    assert says in en
    assert fix_en.startswith("  Fix: give the site's full address")


@pytest.mark.parametrize(("url", "normalised"), [
    ("https://thuongphuc.hanoi.gov.vn/hoa-giai", "https://thuongphuc.hanoi.gov.vn/hoa-giai/"),
    ("https://thuongphuc.example/", "https://thuongphuc.example/"),
    ("http://127.0.0.1:8080/hoa_giai/v2.1/", "http://127.0.0.1:8080/hoa_giai/v2.1/"),
    ("http://localhost:8000/", "http://localhost:8000/"),
])
def test_a_plain_address_is_accepted(url: str, normalised: str) -> None:
    assert checked(url) == normalised


@pytest.mark.parametrize("command", ["publish", "offline"])
@pytest.mark.parametrize("url", [HOSTILE, "https://thuongphuc.example/hoa giai/"])
def test_the_commands_refuse_a_hostile_address_before_anything(
        tmp_path: Path, command: str, url: str) -> None:
    target = ["--target", str(tmp_path / "web")] if command == "publish" else []
    result = hoagiai(ROOT, command, *target, "--site-url", url, "--dist", str(tmp_path / "dist"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Địa chỉ trang (--site-url / SITE_URL) không dùng được: ")
    assert "\n(en) The site's address (--site-url / SITE_URL) cannot be used: " in result.stderr
    assert list(tmp_path.iterdir()) == [], "nothing built or written"


@pytest.mark.build
def test_the_build_refuses_a_hostile_address_before_writing(tmp_path: Path) -> None:
    result = mkdocs_build(ROOT, tmp_path / "site", SITE_URL=HOSTILE)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ("Địa chỉ trang (SITE_URL / site_url, mkdocs.yml) không dùng được: "
            "'http://x\" onload=\"alert(1)' có ký tự '\"'") in result.stderr
    assert "(en) The site's address (SITE_URL / site_url, mkdocs.yml) cannot be used" in (
        result.stderr)
    assert not (tmp_path / "site").exists()


@pytest.mark.build
def test_the_build_explains_an_address_without_its_scheme_in_both_languages(
        tmp_path: Path) -> None:
    """MkDocs would refuse it first, in English only: the plugin reads SITE_URL itself."""
    result = mkdocs_build(ROOT, tmp_path / "site", SITE_URL="xa.example.vn/hoa-giai/")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "'xa.example.vn/hoa-giai/' phải bắt đầu bằng https:// hoặc http://" in result.stderr
    assert "'xa.example.vn/hoa-giai/' must start with https:// or http://" in result.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(("args", "says"), [
    (["publish", "--target", "", "--site-url", "https://x.example/"], "--target is missing"),
    (["publish", "--target", "may-chu:srv/hoagiai", "--site-url", "https://x.example/"],
     "the path on the server must be absolute"),
    (["rollback", "--target", "hoagiai@may-chu:srv"], "the path on the server must be absolute"),
    (["offline", "--site-url", "https://x.example/", "--dist", "{file}/dist"],
     "is a file, not a folder"),
    (["publish", "--target", "{tmp}/web", "--site-url", "https://x.example/",
      "--dist", "{file}"], "is a file, not a folder"),
])
def test_other_bad_options_are_refused_at_once(tmp_path: Path, args: list[str],
                                               says: str) -> None:
    (tmp_path / "a-file").write_text("x")
    args = [arg.format(tmp=tmp_path, file=tmp_path / "a-file") for arg in args]
    result = hoagiai(ROOT, *args)
    assert result.returncode == 2, result.stderr
    assert says in result.stderr and "(en)" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a-file"]


def test_a_remote_target_needs_an_absolute_path() -> None:
    assert Target.parse("hoagiai@may-chu:/srv/hoagiai") == Target("/srv/hoagiai", "hoagiai@may-chu")
    with pytest.raises(UsageError, match="phải là đường dẫn đầy đủ"):
        Target.parse("hoagiai@may-chu:srv/hoagiai")
