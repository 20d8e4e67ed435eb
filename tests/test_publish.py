"""`hoagiai publish` and `rollback` end to end: real builds, gates, rsync, nginx, Chromium.

The site is published under a sub-path (/hoa-giai/), as on a commune portal, into a
local folder; nginx serves that folder's `current` symlink with the real configuration.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from hoagiai.errors import PublishError
from hoagiai.publish import anchors, manifest, publisher
from hoagiai.publish.target import Remote, Target
from support.nginx import serve
from support.project import ROOT, copy_project, quiet_env
from support.publishing import PREFIX, SITE_URL, Published, live, publish

pytestmark = [pytest.mark.build, pytest.mark.server]


def served_release(base_url: str) -> str:
    with urllib.request.urlopen(base_url + "release.json") as response:
        return json.load(response)["id"]


@pytest.fixture
def target(published: Published, tmp_path: Path) -> Path:
    """A copy of the published folder that a test may change."""
    copy = tmp_path / "web"
    shutil.copytree(published.target, copy, symlinks=True)
    return copy


@pytest.fixture
def release_server(target: Path, tmp_path: Path) -> Iterator[str]:
    with serve(target / "current", tmp_path / "nginx", PREFIX) as base_url:
        yield base_url


def test_publishing_shows_each_step_with_its_time(published: Published) -> None:
    for number in range(1, 8):
        assert f"[{number}/7] " in published.output
    assert published.output.count("✓") == 7
    assert "Tổng thời gian / total time:" in published.output
    assert f"Đã đăng / published: {published.release}" in published.output


def test_the_release_is_verified_by_its_manifest(published: Published) -> None:
    current = published.target / "current"
    check = subprocess.run(["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=current,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    release = json.loads((current / "release.json").read_text())
    assert (release["id"], release["site_url"]) == (published.release, SITE_URL)


def test_the_release_offers_its_own_usb_copy(published: Published) -> None:
    """The zip made for this release is published with it, with the note the pages read
    to offer it ("Dùng không cần mạng", with its size)."""
    current = published.target / "current"
    note = json.loads((current / "tai-ve" / "ban-usb.json").read_text(encoding="utf-8"))
    archive = current / "tai-ve" / note["file"]
    assert note["release"] == published.release and published.release in note["file"]
    assert archive.stat().st_size == note["bytes"] > 1_000_000


def test_the_release_has_no_broken_link_under_a_sub_path(release_server: str, target: Path,
                                                          published: Published) -> None:
    """LinkChecker crawled this release under the sub-path, served by nginx with the real
    configuration, before it went live (its gate fails on a broken link: the test below);
    only the USB copy, its note and the manifest were added after. What nginx serves now
    is that release, and its anchors all resolve."""
    assert f"{publisher.CHECK_BUILT_SITE} …\n      ✓ " in published.output
    assert served_release(release_server) == published.release
    assert anchors.missing(target / "current", PREFIX) == []


@pytest.mark.browser
def test_search_finds_pages_under_the_sub_path(browser: Browser, release_server: str) -> None:
    page = browser.new_page()
    page.goto(release_server + "en/", wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("mediation")
    page.wait_for_selector(".md-search-result__item")
    links = page.locator(".md-search-result__link").evaluate_all("all => all.map(a => a.href)")
    page.close()
    assert links and all(link.startswith(release_server) for link in links), links


# Two broken links in raw HTML: the strict build does not check them; the built-site
# checks do (the test after the next one).
RAW_BROKEN = '<p><a href="../khong-co-trang-nay/">hỏng</a> <a href="#khong-co-muc-nay">hỏng</a></p>'


def test_a_broken_markdown_link_stops_the_build_and_publishes_nothing(
        target: Path, published: Published, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "gioi-thieu.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + f"\n[hỏng](khong-co-trang-nay.md)\n\n{RAW_BROKEN}\n", encoding="utf-8")
    before = sorted(path.name for path in (target / "releases").iterdir())

    result = publish(project, target, tmp_path / "dist")

    assert result.returncode == 1
    # The Markdown link only (in both languages' builds), not the raw HTML's two.
    assert "✗ mkdocs build --strict: 2 lỗi / problem(s)" in result.stderr, result.stderr
    assert ("  - WARNING -  Doc file 'gioi-thieu.md' contains a link 'khong-co-trang-nay.md', "
            "but the target is not found among documentation files.") in result.stderr
    assert "khong-co-muc-nay" not in result.stderr
    assert "Nothing was published; the live site is unchanged." in result.stderr
    assert live(target) == published.release
    assert sorted(path.name for path in (target / "releases").iterdir()) == before
    assert not (tmp_path / "dist").exists()


def test_the_built_site_checks_list_every_broken_link_and_anchor(
        published: Published, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """LinkChecker and the anchor check, run side by side on the built site, list both broken
    links of the raw HTML (one run shows all there is to fix). The publication stops on them
    as on the strict build's failure above. Chromium opens only the changed page here: the
    `published` fixture's run has already opened every kind of page."""
    site = shutil.copytree(published.target / "current", tmp_path / "site")
    page = site / "gioi-thieu" / "index.html"
    monkeypatch.setattr(publisher, "pages_to_check", lambda: ["gioi-thieu/"])
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", RAW_BROKEN + "</article>", 1), encoding="utf-8")

    # In a thread of its own: the checks start their own Chromium, and Playwright's sync API
    # refuses to start in a thread where another (the session's `browser`) already runs.
    with ThreadPoolExecutor(max_workers=1) as elsewhere:
        stopped = elsewhere.submit(publisher.check_built_site, ROOT, site, SITE_URL,
                                   tmp_path / "nginx").exception()

    assert isinstance(stopped, PublishError), stopped
    problems = str(stopped)
    assert [line for line in problems.splitlines() if line.startswith("✗")] == [
        "✗ LinkChecker: 1 lỗi / problem(s)", "✗ anchors: 1 lỗi / problem(s)"], problems
    for problem in ("  - gioi-thieu/ (dòng/line ", "'../khong-co-trang-nay/' → 404 Not Found",
                    "'#khong-co-muc-nay' → trang đích không có mục #khong-co-muc-nay"):
        assert problem in problems, problems


# The upload step of `hoagiai publish` alone: what runs once every gate has passed.
KILLED, NEXT = "20990101-000000", "20990102-000000"
UPLOAD = """
import sys
from pathlib import Path
from hoagiai.publish.publisher import upload
from hoagiai.publish.target import Remote, Target
remote = Remote(Target.parse(sys.argv[1]))
upload(remote, Path(sys.argv[2]), sys.argv[3], remote.current())
"""


def test_a_killed_upload_then_a_new_release_then_rollback(
        target: Path, release_server: str, published: Published, tmp_path: Path) -> None:
    """One target through a power cut in mid-upload, the next release, and a rollback."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "rsync"
    # Copy as asked, then kill the uploader before it can verify and switch: what a
    # power cut or a closed terminal does in the middle of a publication.
    fake.write_text(f'#!/bin/sh\n{shutil.which("rsync")} "$@"\nkill -9 $PPID\n')
    fake.chmod(0o755)

    killed = subprocess.run(
        [sys.executable, "-c", UPLOAD, str(target), str(target / "current"), KILLED],
        env=quiet_env(PATH=f"{bin_dir}:{os.environ['PATH']}"), capture_output=True, check=False)

    assert killed.returncode == -9, killed.stderr
    assert live(target) == published.release
    assert served_release(release_server) == published.release
    leftovers = [path.name for path in (target / "releases").iterdir()]
    assert f"{KILLED}.partial" in leftovers, leftovers

    # The next publication after its gates: the same site as a new release (its build and
    # gates are the `published` fixture's; only the upload and the switch differ).
    site = shutil.copytree(target / "current", tmp_path / "next")
    manifest.write(site, NEXT, SITE_URL, ROOT)
    remote = Remote(Target.parse(str(target)))
    publisher.upload(remote, site, NEXT, remote.current())
    publisher.go_live(remote, NEXT)

    assert live(target) == NEXT
    assert served_release(release_server) == NEXT
    assert sorted(path.name for path in (target / "releases").iterdir()) == sorted(
        [published.release, NEXT]), "the killed upload's leftovers are gone"

    back = subprocess.run(
        [sys.executable, "-m", "hoagiai", "rollback", "--target", str(target)],
        env=quiet_env(), capture_output=True, text=True, check=False)
    assert back.returncode == 0, back.stderr
    assert live(target) == published.release
    assert served_release(release_server) == published.release
    actions = [line.split()[1:] for line in (target / "history.log").read_text().splitlines()]
    assert actions == [["publish", published.release], ["publish", NEXT],
                       ["rollback", published.release]]

    again = subprocess.run(
        [sys.executable, "-m", "hoagiai", "rollback", "--target", str(target)],
        env=quiet_env(), capture_output=True, text=True, check=False)
    assert again.returncode == 1
    assert f"(en) No release was live before the live one ({published.release})" in again.stderr
    assert live(target) == published.release
