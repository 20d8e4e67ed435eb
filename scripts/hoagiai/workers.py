"""Worker processes that take work off the build while it converts the pages.

The build starts them for the PDFs (`printing/pdf.py`), which take most of a cold build's
time; while they run, other work that another process can do (a page's social card) may
be lent to them too (`lend`), but no worker is ever started for it. Jobs run in the order
they came. Once the build has nothing left to do but wait, `add_worker` puts a worker on
the build's own core, which takes jobs from the other end of the queue. The workers end
as soon as every job is done, so that their memory is not kept through the rest of the
build, or at `close`, when the build ends (a failed build drops what has not started).
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class _Job:
    function: Callable[..., Any]  # module-level: it goes to another process
    args: tuple[Any, ...]
    result: Future = field(default_factory=Future)


@dataclass
class _Lane:
    """Workers that take jobs from one end of the queue, `capacity` at a time (one more than
    they are, so that a worker finds its next job ready)."""

    pool: ProcessPoolExecutor
    capacity: int
    from_back: bool
    busy: int = 0


class Workers:
    """Run module-level functions in worker processes, in the order they are submitted."""

    def __init__(self, workers: int | None = None) -> None:
        # One core stays with the build itself; the others work (one at least).
        self._workers = workers or max((os.cpu_count() or 1) - 1, 1)
        self._lanes: list[_Lane] = []  # the first is started with the first job
        self._waiting: deque[_Job] = deque()
        self._submitted: list[Future] = []
        self._lock = threading.RLock()  # the workers' results arrive on another thread
        self._stopping: list[threading.Thread] = []  # shutting down lanes that are done

    def submit(self, function: Callable[..., Any], *args: Any) -> Future:
        """`function(*args)` in a worker, started now if none runs."""
        with self._lock:
            if not self._lanes:
                self._open_lane(self._workers, from_back=False)
            return self._queue(function, args)

    def lend(self, function: Callable[..., Any], *args: Any) -> Future | None:
        """`function(*args)` in a worker if workers run now; None if not (do it yourself)."""
        with self._lock:
            return self._queue(function, args) if self._lanes else None

    def add_worker(self, least_waiting: int = 4) -> None:
        """The build only waits now: one more worker, if at least `least_waiting` jobs have
        not started (a worker takes half a second to start)."""
        with self._lock:
            if len(self._lanes) == 1 and len(self._waiting) >= least_waiting:
                self._feed(self._open_lane(1, from_back=True))

    def collected(self) -> None:
        """A result was taken: once every job is done, the workers end."""
        if all(job.done() for job in self._submitted):
            self.close()

    def close(self) -> None:
        with self._lock:
            lanes, self._lanes = self._lanes, []
            for job in self._waiting:
                job.result.cancel()
            self._waiting.clear()
            self._submitted = []
            stopping, self._stopping = self._stopping, []
        for lane in lanes:
            lane.pool.shutdown(wait=True, cancel_futures=True)
        for thread in stopping:
            thread.join()

    def _queue(self, function: Callable[..., Any], args: tuple[Any, ...]) -> Future:
        job = _Job(function, args)
        self._waiting.append(job)
        self._submitted.append(job.result)
        for lane in self._lanes:
            self._feed(lane)
        return job.result

    def _open_lane(self, workers: int, *, from_back: bool) -> _Lane:
        # Fresh interpreters ("spawn"): a fork would copy the build's memory and threads.
        pool = ProcessPoolExecutor(max_workers=workers,
                                   mp_context=multiprocessing.get_context("spawn"))
        self._lanes.append(_Lane(pool, workers + 1, from_back))
        return self._lanes[-1]

    def _feed(self, lane: _Lane) -> None:
        with self._lock:
            while lane in self._lanes and lane.busy < lane.capacity and self._waiting:
                job = self._waiting.pop() if lane.from_back else self._waiting.popleft()
                lane.busy += 1
                running = lane.pool.submit(job.function, *job.args)
                running.add_done_callback(functools.partial(self._done, lane, job))

    def _done(self, lane: _Lane, job: _Job, running: Future) -> None:
        if running.cancelled():
            job.result.cancel()
        elif running.exception() is not None:
            job.result.set_exception(running.exception())
        else:
            job.result.set_result(running.result())
        with self._lock:
            lane.busy -= 1
            self._feed(lane)
            if self._waiting or any(open_lane.busy for open_lane in self._lanes):
                return
            # Every job is done: the workers end now (on another thread: this one is the
            # pool's, which its shutdown waits for).
            for idle in self._lanes:
                self._stopping.append(threading.Thread(target=idle.pool.shutdown, daemon=True))
                self._stopping[-1].start()
            self._lanes = []


def made_into(target: Path, make: Callable[..., bytes], *args: Any) -> None:
    """Write what `make(*args)` makes at `target` (a job for a worker: nothing comes back)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(make(*args))
