"""`hoagiai publish` of the real project into a local folder, made once per test run.

tests/test_publish.py checks the publication itself; tests/test_offline.py opens the USB
copy that the publication made for its release (the build and the zip of `hoagiai offline`,
which names the zip after the time instead of the release).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from support.marks import require_slow
from support.project import ROOT, quiet_env
from support.shared import made_once

SITE_URL = "https://thuongphuc.example/hoa-giai/"
PREFIX = "/hoa-giai/"


def publish(project: Path, target: Path, dist: Path, **env: str) -> subprocess.CompletedProcess:
    require_slow("runs `hoagiai publish`")
    return subprocess.run(
        [sys.executable, "-m", "hoagiai", "--root", str(project), "publish",
         "--target", str(target), "--site-url", SITE_URL, "--dist", str(dist)],
        env=quiet_env(**env), capture_output=True, text=True, check=False, timeout=1800,
    )


def live(target: Path) -> str:
    """The release the target's `current` link points to."""
    return os.readlink(target / "current").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Published:
    target: Path  # the folder published into (releases/, current)
    release: str
    output: str  # what `hoagiai publish` printed
    archive: Path  # the USB copy made for the release, in --dist


def published_once(tmp_path_factory: pytest.TempPathFactory) -> Published:
    """The real project published once per run, every gate passed (shared by the workers:
    tests copy what they change)."""
    def make(folder: Path) -> None:
        result = publish(ROOT, folder / "web", folder / "dist")
        assert result.returncode == 0, result.stdout + result.stderr
        (folder / "output.txt").write_text(result.stdout, encoding="utf-8")

    folder = made_once(tmp_path_factory, "published", make)
    [archive] = (folder / "dist").glob("*.zip")
    return Published(folder / "web", live(folder / "web"),
                     (folder / "output.txt").read_text(encoding="utf-8"), archive)
