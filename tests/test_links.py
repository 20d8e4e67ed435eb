"""LinkChecker over the site served by nginx: no broken link, no missing anchor."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support.nginx import serve

pytestmark = [pytest.mark.server]

CONFIG = Path(__file__).parent / "linkcheckerrc"


def run_linkchecker(url: str) -> subprocess.CompletedProcess:
    linkchecker = shutil.which("linkchecker")
    assert linkchecker, "LinkChecker is installed by requirements-test.txt"
    return subprocess.run(
        [linkchecker, "--config", str(CONFIG), "--no-status", url],
        capture_output=True, text=True, check=False, timeout=900,
    )


def test_linkchecker_finds_no_broken_link_or_anchor(site_server: str) -> None:
    result = run_linkchecker(site_server)
    summary = re.search(r"(\d+) warnings? found.*?(\d+) errors? found", result.stdout, re.S)
    assert summary, result.stdout + result.stderr
    assert summary.groups() == ("0", "0"), result.stdout
    assert result.returncode == 0, result.stdout


def test_linkchecker_catches_a_missing_anchor_and_page(tmp_path: Path) -> None:
    """The check above can fail: a tiny site with one bad anchor and one missing page."""

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><html lang="vi"><body><a href="b.html#khong-co">x</a>'
        '<a href="missing.html">y</a></body></html>'
    )
    (site / "b.html").write_text('<!doctype html><html lang="vi"><body id="co">b</body></html>')
    with serve(site, tmp_path / "nginx") as url:
        result = run_linkchecker(url)
    assert "1 warning found" in result.stdout and "1 error found" in result.stdout, result.stdout
