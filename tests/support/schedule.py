"""The order in which test files reach pytest-xdist's two workers: the longest first.

With `--dist loadfile` each file runs whole on one worker, and files are handed out in
collection order. A file of several minutes that comes last (tests/test_publish.py is
alphabetically late) leaves the other worker idle while it runs: about 8 of the run's 19
minutes once. Handing the longest files out first lets both workers finish together
(longest-processing-time-first scheduling). Other files keep their order.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

# The files that take minutes on this 2-core machine (CI's `--durations`, December 2026),
# longest first. A file missing from the list only runs in its usual place.
LONGEST_FIRST: Sequence[str] = (
    "test_publish.py",
    "test_bench_run.py",
    "test_content_escaping.py",
    "test_phone_journeys.py",
    "test_preview.py",
    "test_materialize.py",
    "test_quiz_safety.py",
    "test_theme_css.py",
    "test_search_bench.py",
)


class Collected(Protocol):
    path: Path


def longest_files_first(items: list[Collected]) -> None:
    """Reorder `items` in place: the files of LONGEST_FIRST first, in its order; the rest
    after them in their own order (the sort is stable, so tests within a file keep theirs)."""
    rank = {name: place for place, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
