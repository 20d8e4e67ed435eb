"""Progress of a long command, step by step, with how long each step took."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Progress:
    """Prints `[2/7] Strict build ... ok (3.1 s)`; keeps the timings for a summary."""

    total: int
    write: Callable[[str], None] = print
    timings: list[tuple[str, float]] = field(default_factory=list)

    @contextmanager
    def step(self, title: str) -> Iterator[None]:
        number = len(self.timings) + 1
        self.write(f"[{number}/{self.total}] {title} …")
        started = time.monotonic()
        try:
            yield
        except BaseException:
            self.write(f"      ✗ {time.monotonic() - started:.1f} s")
            raise
        seconds = time.monotonic() - started
        self.timings.append((title, seconds))
        self.write(f"      ✓ {seconds:.1f} s")

    def summary(self) -> str:
        total = sum(seconds for _, seconds in self.timings)
        return f"Tổng thời gian / total time: {total:.1f} s"
