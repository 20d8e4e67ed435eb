"""What a benchmark run no longer needs is set aside, and deleted only once it has timed
every build.

Deleting tens of thousands of files slows down the file creation of the next minutes on
some filesystems: ext4 without a journal (this machine's) does not hand out an inode freed
in the last one to six minutes again, and looks past every such inode each time a file is
created. Measured at 500 pages per language: the project's build, which writes about
13,000 files, spent 8 to 9 s in the kernel right after the bench had deleted the site of
the build before, and 2 s when nothing had been deleted for some minutes; stock Material's
build, which writes a tenth as many, 2 to 3 s either way. A bench that deleted each site
as soon as it was measured would time its own deleting as part of the next build.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

FOLDER = "set-aside"


def set_aside(path: Path, work: Path) -> None:
    """Move `path` (a site or project under `work`), if it exists, where `empty` deletes it."""
    if not path.exists():
        return
    folder = work / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path.rename(Path(tempfile.mkdtemp(dir=folder)) / path.name)


def empty(work: Path) -> None:
    """Delete what was set aside under `work` (also by an earlier run that was stopped)."""
    shutil.rmtree(work / FOLDER, ignore_errors=True)
