"""The build's worker processes: work is lent only while they run, and they end by
themselves once every job is done."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

from hoagiai.workers import Workers, made_into


def _ended_within(seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while multiprocessing.active_children():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_work_is_lent_only_while_workers_run_and_they_end_when_it_is_done(
        tmp_path: Path) -> None:
    workers = Workers(workers=1)
    try:
        assert workers.lend(made_into, tmp_path / "a.bin", bytes, 3) is None, \
            "no worker is started for lent work"
        slow = workers.submit(time.sleep, 0.5)
        lent = workers.lend(made_into, tmp_path / "card" / "b.bin", bytes, 4)
        assert lent is not None
        assert lent.result(timeout=60) is None and slow.result(timeout=60) is None
        assert (tmp_path / "card" / "b.bin").read_bytes() == bytes(4)
        assert _ended_within(10), "the workers outlive their last job"
        assert workers.lend(made_into, tmp_path / "c.bin", bytes, 1) is None
    finally:
        workers.close()
    assert not (tmp_path / "a.bin").exists() and not (tmp_path / "c.bin").exists()
