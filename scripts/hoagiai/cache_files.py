"""Files of a cache that several processes share (the tests' two workers, parallel builds),
and files a preview rewrites while it serves them (the search index).

A reader never sees half a file: files are written whole under a private name, then renamed
(atomic on one file system). A file another process removed is simply missing: the caller
makes it again.
"""

from __future__ import annotations

import os
from pathlib import Path


def read_cached(path: Path) -> bytes | None:
    """The cached bytes at `path`, or None when there are none (or another process just
    removed them)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def write_whole(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that no reader ever sees part of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    part.write_bytes(data)
    part.replace(path)
