"""Heavy results made once per test run and shared by every pytest-xdist worker.

xdist's documented pattern: the workers' temporary folders share a parent made fresh for the
run; the first worker to get the lock makes the result there, the others wait and reuse it.
Without xdist (`-n 0`, `-p no:xdist`) the result is made in the session's own folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

DONE = ".made-once"


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder every worker of this run shares (the session's own without xdist)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str,
              make: Callable[[Path], None]) -> Path:
    """The folder `name`, filled by `make(folder)` by the first worker that needs it.

    If `make` fails (it raises), nothing is recorded: the next worker tries again and fails
    with its own message.
    """
    folder = run_folder(tmp_path_factory) / name
    with FileLock(f"{folder}.lock"):
        if not (folder / DONE).exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            make(folder)
            (folder / DONE).touch()
    return folder
