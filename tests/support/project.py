"""Copies of the real project to break on purpose, and builds of them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from support.marks import require_slow

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ("mkdocs.yml", "docs", "materials", "overrides", "deploy")


def copy_project(destination: Path) -> Path:
    """A throwaway copy of the project's sources (not its tests or build output)."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        else:
            shutil.copy2(source, destination / part)
    return destination


# Copies share the real project's PDF cache (entries are keyed by content hash), so
# each throwaway build does not render every handout again.
PDF_CACHE = ROOT / ".cache" / "handouts"


def quiet_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HOAGIAI_CACHE_DIR=str(PDF_CACHE))
    env.update(extra)
    return env


def mkdocs_build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build` (strict, from mkdocs.yml) of `project` into `site_dir`; never with -q.
    Only for tests marked `build` (support/marks.py)."""
    require_slow("runs `mkdocs build`")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)],
        cwd=project, env=quiet_env(**env), capture_output=True, text=True, check=False,
    )


def hoagiai(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hoagiai", "--root", str(project), *args],
        cwd=project, env=quiet_env(), capture_output=True, text=True, check=False,
    )
