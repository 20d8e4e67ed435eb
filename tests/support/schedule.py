"""The order in which test files reach pytest-xdist's two workers: the longest first.

With `--dist loadfile` each file runs whole on one worker. xdist hands the files out in
collection order when it is told not to reorder them (`--no-loadscope-reorder` in
pyproject.toml's addopts; by default it sorts them by their number of tests, which puts
long files with few tests, such as tests/test_publish.py, last, and one worker then runs
them alone while the other idles). Handing the longest files out first lets both workers
finish together (longest-processing-time-first scheduling). Other files keep their order.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

# The files that take about 15 s or more on this 2-core machine (`--durations=0`, December
# 2026), longest first; the many short files after them fill the gaps, so both workers end
# together. A file missing from the list only runs in its usual place.
LONGEST_FIRST: Sequence[str] = (
    "test_publish.py",
    "test_bench_run.py",
    "test_offline.py",
    "test_preview.py",
    "test_theme_css.py",
    "test_content_escaping.py",
    "test_bad_input.py",
    "test_search_browser.py",
    "test_phone_journeys.py",
    "test_navigation.py",
    "test_materialize.py",
    "test_quiz_safety.py",
    "test_quiz_bad_input.py",
    "test_plan_site.py",
    "test_bench_generator.py",
    "test_search_offline.py",
    "test_stories.py",
    "test_contacts_site.py",
    "test_content_safety.py",
    "test_legal_pages.py",
    "test_modules_pdf.py",
    "test_search_bench.py",
    "test_quiz_site.py",
    "test_offline_app.py",
    "test_bench_measure.py",
    "test_legal_sidecar.py",
    "test_quiz_browser.py",
    "test_citations_browser.py",
    "test_review.py",
    "test_pipeline.py",
    "test_publish_options.py",
    "test_quiz_contest.py",
    "test_publish_ssh.py",
    "test_legal_citations.py",
)


class Collected(Protocol):
    path: Path


def longest_files_first(items: list[Collected]) -> None:
    """Reorder `items` in place: the files of LONGEST_FIRST first, in its order; the rest
    after them in their own order (the sort is stable, so tests within a file keep theirs)."""
    rank = {name: place for place, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
