"""Publishing over SSH: the same release operations against a real sshd on loopback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hoagiai.errors import PublishError
from hoagiai.publish import manifest, publisher
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
    """Publish, publish a bad release, roll back, publish a good one, roll back: over SSH
    too the second rollback goes to the first release, never to the bad one."""
    web = tmp_path / "thư mục web"  # a space and Vietnamese letters survive the quoting
    with sshd(tmp_path / "sshd") as server:
        monkeypatch.setenv("PATH", server.path)
        destination = f"{server.host}:{web}"
        remote = Remote(Target.parse(destination))
        assert remote.target.host == server.host

        never = f"{server.host}:{tmp_path / 'chua-dang'}"
        with pytest.raises(PublishError, match="Nothing has been published to "):
            publisher.rollback(never)
        assert not (tmp_path / "chua-dang").exists(), "a refused rollback creates nothing"

        steps = [("20260101-000000", "bản 1"), ("20260102-000000", "bản hỏng"), None,
                 ("20260103-000000", "bản 2"), None]
        shown = []
        for number, step in enumerate(steps):
            if step is None:
                publisher.rollback(destination, write=lambda _: None)
            else:
                release, text = step
                site = site_with(tmp_path, f"site{number}", text, release)
                publisher.upload(remote, site, release, remote.current())
                publisher.go_live(remote, release)
            shown.append((web / "current" / "index.html").read_text())
        assert shown == ["bản 1", "bản hỏng", "bản 1", "bản 2", "bản 1"]
        assert remote.current() == "20260101-000000"

        # Unchanged files are hard links to the previous release, not new copies.
        first, second = (web / "releases" / name / "en" / "index.html"
                         for name in ("20260101-000000", "20260102-000000"))
        assert os.stat(first).st_ino == os.stat(second).st_ino
