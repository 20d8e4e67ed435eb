"""Build a project with stock MkDocs in a separate process (nothing here imports MkDocs)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hoagiai.errors import BuildError


def mkdocs_build(project: Path, site: Path) -> str:
    """`mkdocs build --strict` of `project` into `site`; its log. A failed build raises
    `BuildError` with the log's end."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, check=False, cwd=project,
    )
    log = result.stdout + result.stderr
    if result.returncode != 0:
        raise BuildError(f"mkdocs build failed for {project}:\n{log[-3000:]}")
    return log
