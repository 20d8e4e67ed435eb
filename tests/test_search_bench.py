"""The search benchmark runs end to end (its figures are printed, not judged here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from hoagiai.bench.search import Figure, benchmark
from support.project import ROOT

pytestmark = [pytest.mark.build, pytest.mark.browser]


def test_benchmark_measures_sizes_indexing_and_time_to_first_result(browser: Browser,
                                                                    built_site: Path) -> None:
    figures: list[Figure] = []
    benchmark(ROOT, synthetic=30, report=figures.append, browser=browser, built=built_site)
    named = {(figure.subject, figure.name): figure.value for figure in figures}
    for subject in ("real site, vi", "real site, en", "synthetic, 30 pages"):
        assert named[(subject, "index size (gzip)")] > 0
        assert named[(subject, "first result, first search (localhost)")] > 0
        assert named[(subject, "first result, next search (slow 3G, 4x slower CPU)")] > 0
    assert named[("synthetic, 30 pages", "pages")] == 30
    assert named[("synthetic, 30 pages", "sections")] == 30 * 6
    assert named[("real site, vi", "results listed for 'hoa giai'")] > 0
    assert all(str(figure) for figure in figures)
