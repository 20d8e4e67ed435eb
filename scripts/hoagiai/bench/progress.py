"""Progress lines on stderr while a long benchmark runs, with a heartbeat during long steps."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

HEARTBEAT_SECONDS = 30.0


class Progress:
    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.started = time.perf_counter()

    def say(self, message: str) -> None:
        elapsed = time.perf_counter() - self.started
        print(f"[{elapsed:6.0f} s] {message}", file=self.stream, flush=True)

    @contextmanager
    def step(self, message: str) -> Iterator[None]:
        """Announce a step, say every 30 s that it is still running, and how long it took."""
        self.say(f"{message} …")
        began = time.perf_counter()
        done = threading.Event()

        def heartbeat() -> None:
            while not done.wait(HEARTBEAT_SECONDS):
                self.say(f"  still {message.lower()} ({time.perf_counter() - began:.0f} s)")

        thread = threading.Thread(target=heartbeat, daemon=True)
        thread.start()
        try:
            yield
        finally:
            done.set()
            thread.join()
            self.say(f"  done in {time.perf_counter() - began:.1f} s")
