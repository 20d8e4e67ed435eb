"""Publishing over SSH: the same release operations against a real sshd on loopback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hoagiai.publish import manifest
from hoagiai.publish.target import Remote, Target
from support.project import ROOT
from support.sshd import sshd

pytestmark = pytest.mark.server


def site_with(tmp_path: Path, name: str, text: str, release: str) -> Path:
    site = tmp_path / name
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text(text, encoding="utf-8")
    (site / "en" / "index.html").write_text("same in every release", encoding="utf-8")
    manifest.write(site, release, "https://x.example/hoa-giai/", ROOT)
    return site


def test_releases_go_live_and_back_over_ssh(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    web = tmp_path / "thư mục web"  # a space and Vietnamese letters survive the quoting
    with sshd(tmp_path / "sshd") as server:
        monkeypatch.setenv("PATH", server.path)
        remote = Remote(Target.parse(f"{server.host}:{web}"))
        assert remote.target.host == server.host

        for number, release in enumerate(["20260101-000000", "20260102-000000"], start=1):
            site = site_with(tmp_path, f"site{number}", f"bản {number}", release)
            live = remote.current()
            remote.names()
            remote.upload(site, release, live)
            remote.verify(release)
            remote.finish(release)
            assert (web / "current" / "index.html").read_text() == f"bản {number}"

        # Unchanged files are hard links to the previous release, not new copies.
        first, second = (web / "releases" / name / "en" / "index.html"
                         for name in ("20260101-000000", "20260102-000000"))
        assert os.stat(first).st_ino == os.stat(second).st_ino

        remote.switch("20260101-000000")
        assert remote.current() == "20260101-000000"
        assert (web / "current" / "index.html").read_text() == "bản 1"
