"""The manifest of a release: a SHA256SUMS file and a small release.json.

SHA256SUMS is in the format of `sha256sum`, so the upload is verified on the target
with `sha256sum -c` before it goes live, and an administrator can re-check a release by
hand the same way. release.json says which release a server shows (`/release.json`).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

CHECKSUMS = "SHA256SUMS"
RELEASE = "release.json"


@dataclass(frozen=True)
class Release:
    id: str
    site_url: str
    source: str  # git commit of the project, "+changes" when the working tree had edits
    files: int
    bytes: int


def _files(site: Path) -> Iterator[Path]:
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name != CHECKSUMS:
            yield path


def checksum_lines(site: Path) -> list[str]:
    """`<sha256>  <path>` for every file of the site, paths relative and sorted."""
    lines = []
    for path in _files(site):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(site).as_posix()}")
    return lines


def source_version(root: Path) -> str:
    """The project's git commit, or "unknown" outside a git checkout."""
    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                                check=False)
        return result.stdout.strip() if result.returncode == 0 else ""

    commit = git("rev-parse", "--short=12", "HEAD")
    if not commit:
        return "unknown"
    return commit + ("+changes" if git("status", "--porcelain") else "")


def write(site: Path, release_id: str, site_url: str, root: Path) -> Release:
    """Write release.json, then SHA256SUMS over every file (release.json included)."""
    files = [path for path in _files(site) if path.name != RELEASE]
    release = Release(release_id, site_url, source_version(root), len(files),
                      sum(path.stat().st_size for path in files))
    (site / RELEASE).write_text(json.dumps(asdict(release), indent=2) + "\n", encoding="utf-8")
    (site / CHECKSUMS).write_text("\n".join(checksum_lines(site)) + "\n", encoding="utf-8")
    return release
