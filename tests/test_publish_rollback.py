"""`hoagiai rollback` on a local target, seen through the real nginx configuration.

Releases go live exactly as `hoagiai publish` makes them go live once its gates have
passed (publisher.upload, then publisher.go_live), with tiny sites instead of a build; the
full publication is tests/test_publish.py's. The target's path has a space and Vietnamese
letters, as a root folder on a commune's server may.
"""

from __future__ import annotations

import subprocess
import urllib.request
from pathlib import Path

import pytest

from hoagiai.publish import manifest, publisher
from hoagiai.publish.target import Remote, Target
from support.nginx import serve
from support.project import ROOT, hoagiai

pytestmark = pytest.mark.server

GOOD_1, BAD, GOOD_2 = "20260101-000000", "20260102-000000", "20260103-000000"


def tiny_site(tmp_path: Path, text: str, release: str) -> Path:
    site = tmp_path / "sites" / release
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text(text, encoding="utf-8")
    (site / "404.html").write_text("không thấy", encoding="utf-8")
    (site / "en" / "index.html").write_text("the same in every release", encoding="utf-8")
    manifest.write(site, release, "https://thuongphuc.example/hoa-giai/", ROOT)
    return site


def go_live(target: Path, site: Path, release: str) -> None:
    """What `hoagiai publish` does after its gates: upload, verify, switch, record."""
    remote = Remote(Target.parse(str(target)))
    publisher.upload(remote, site, release, remote.current())
    publisher.go_live(remote, release)


def rollback(target: Path) -> subprocess.CompletedProcess:
    return hoagiai(ROOT, "rollback", "--target", str(target))


def served(base_url: str) -> str:
    with urllib.request.urlopen(base_url) as response:
        return response.read().decode("utf-8")


def test_publish_bad_rollback_publish_good_rollback(tmp_path: Path) -> None:
    web = tmp_path / "thư mục web"
    with serve(web / "current", tmp_path / "nginx", "/hoa-giai/") as base_url:
        go_live(web, tiny_site(tmp_path, "bản tốt 1", GOOD_1), GOOD_1)
        go_live(web, tiny_site(tmp_path, "bản hỏng", BAD), BAD)
        assert served(base_url) == "bản hỏng"

        back = rollback(web)
        assert back.returncode == 0, back.stderr
        assert back.stdout == f"Trang đang chạy / live release: {BAD} → {GOOD_1}\n"
        assert served(base_url) == "bản tốt 1"

        go_live(web, tiny_site(tmp_path, "bản tốt 2", GOOD_2), GOOD_2)
        assert served(base_url) == "bản tốt 2"

        back = rollback(web)
        assert back.returncode == 0, back.stderr
        assert back.stdout == f"Trang đang chạy / live release: {GOOD_2} → {GOOD_1}\n"
        assert served(base_url) == "bản tốt 1", "never back to the bad release"

        again = rollback(web)
        assert again.returncode == 1
        assert again.stderr.startswith(
            f"Không có bản nào được đăng trước bản đang chạy ({GOOD_1}) để quay lại")
        assert f"(en) No release was live before the live one ({GOOD_1})" in again.stderr
        assert served(base_url) == "bản tốt 1"

    actions = [line.split()[1:] for line in (web / "history.log").read_text().splitlines()]
    assert actions == [["publish", GOOD_1], ["publish", BAD], ["rollback", GOOD_1],
                       ["publish", GOOD_2], ["rollback", GOOD_1]]


@pytest.mark.parametrize("folder_exists", [False, True])
def test_rollback_on_a_target_with_no_release_refuses_and_creates_nothing(
        tmp_path: Path, folder_exists: bool) -> None:
    web = tmp_path / "web"
    if folder_exists:
        web.mkdir()
    result = rollback(web)
    assert result.returncode == 1
    assert result.stderr == (
        f"Chưa đăng bản nào lên {web}: không có gì để quay lại. Kiểm tra lại --target (phải "
        f"giống lúc chạy hoagiai publish).\n"
        f"(en) Nothing has been published to {web}: there is nothing to go back to. Check "
        f"--target (it must be the one given to hoagiai publish).\n")
    assert result.stdout == ""
    assert list(tmp_path.rglob("*")) == ([web] if folder_exists else [])
