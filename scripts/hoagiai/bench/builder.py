"""Run one `mkdocs build` as a child process and measure it: wall time, CPU time, peak memory.

Peak memory is the largest total resident memory of the build's process tree,
sampled from /proc while it runs, and never less than the kernel's own peak for
the largest process of the tree (`wait4`), so a short spike between samples
still counts. The build process's own peak is kept too: the tree also holds the
workers that render PDFs beside it, which stock Material does not make.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from hoagiai.printing.pdf import CACHE_VARIABLE

SAMPLE_SECONDS = 0.1


@dataclass(frozen=True)
class BuildRun:
    """One build: did it succeed, how long it took, how much memory it held at most."""

    ok: bool
    seconds: float  # wall-clock time
    cpu_seconds: float  # user + system time of the build and its children
    peak_rss_bytes: int  # the whole process tree
    load_before: float  # 1-minute load average when the build started (the machine is shared)
    log_tail: str
    process_peak_rss_bytes: int  # the build process alone, without its workers
    system_seconds: float = 0.0  # of `cpu_seconds`, what the kernel spent (files written)

    @property
    def peak_mib(self) -> float:
        return self.peak_rss_bytes / 2**20

    @property
    def process_peak_mib(self) -> float:
        return self.process_peak_rss_bytes / 2**20


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    found: list[int] = []
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as listing:
                found += [int(child) for child in listing.read().split()]
        except OSError:
            continue
    return found


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss_bytes(root: int) -> int:
    """Resident memory of `root` and every process below it, now."""
    return sum(_rss_bytes(pid) for pid in process_tree(root))


def process_tree(root: int) -> list[int]:
    """`root` and every process below it (its children, theirs and so on), now."""
    found, pending = [], [root]
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending += _children(pid)
    return found


class _PeakSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.process_peak = pid, 0, 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(SAMPLE_SECONDS):
            self.peak = max(self.peak, tree_rss_bytes(self.pid))
            self.process_peak = max(self.process_peak, _rss_bytes(self.pid))


def run_build(project: Path, config_file: str, site_dir: Path, log_file: Path) -> BuildRun:
    """`mkdocs build -f config_file -d site_dir` in `project`, its output kept in `log_file`."""
    # The project's own caches only: a cache shared through $HOAGIAI_CACHE_DIR would make a
    # first build warm.
    env = {name: value for name, value in os.environ.items() if name != CACHE_VARIABLE}
    env["NO_MKDOCS_2_WARNING"] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", config_file, "-d", str(site_dir)]
    load_before = os.getloadavg()[0]
    with log_file.open("wb") as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
        sampler = _PeakSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        sampler.stopped.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    tail = log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
    return BuildRun(
        ok=process.returncode == 0,
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_rss_bytes=max(sampler.peak, usage.ru_maxrss * 1024),
        load_before=load_before,
        log_tail="\n".join(tail),
        process_peak_rss_bytes=sampler.process_peak,
        system_seconds=usage.ru_stime,
    )
