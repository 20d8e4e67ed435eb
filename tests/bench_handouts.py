"""Benchmark (not a test): how long the handout PDFs take to make, cold and from the cache.

Run: `python tests/bench_handouts.py`. Prints the number of PDFs, the time to render
them into an empty cache, the time to build them again from that cache, and their
total size. Uses a throwaway cache, so the project's own `.cache/` is untouched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from hoagiai import pipeline
from hoagiai.modules.feature import ModulesFeature
from hoagiai.printing.pdf import CACHE_VARIABLE
from hoagiai.site import Paths
from support.project import ROOT


def main() -> None:
    site = pipeline.load_site(Paths.at(ROOT), "http://localhost:8000/")
    with tempfile.TemporaryDirectory() as cache:
        os.environ[CACHE_VARIABLE] = cache
        for run in ("cold", "warm"):
            feature = ModulesFeature()
            started = time.perf_counter()
            made = list(feature.generate(site, []))
            sizes = [len(item.content) for item in made]  # PDFs are made when asked for
            seconds = time.perf_counter() - started
            pdfs = [item for item in made if item.path.endswith(".pdf")]
            assert feature.pdfs is not None
            print(f"{run}: {len(pdfs)} PDFs, {len(feature.pdfs.rendered)} rendered, "
                  f"{len(feature.pdfs.reused)} reused, {seconds:.1f} s "
                  f"(WeasyPrint {feature.pdfs.seconds:.1f} s), "
                  f"{sum(sizes) / 1024:.0f} KB of files in all")


if __name__ == "__main__":
    main()
