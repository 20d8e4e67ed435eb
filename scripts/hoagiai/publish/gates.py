"""The gates a build must pass before it is published. Each returns its problems.

An empty list means the gate passed. Problems are short lines a clerk can act on:
which page, what is wrong. The strict build itself is the first gate (staging.build).
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

from hoagiai import pipeline
from hoagiai.errors import UsageError
from hoagiai.site import LANGUAGES, Paths
from hoagiai.urls import localized_path

LINKCHECKER_CONFIG = Path(__file__).with_name("linkcheckerrc")
# LinkChecker lifts its per-host rate limit for servers that send this header.
LINKCHECKER_HEADERS = {"LinkChecker": "local gate server"}


def content(root: Path) -> list[str]:
    """`hoagiai check`: every source valid, every citation resolvable."""
    report = pipeline.check(Paths.at(root))
    return [problem.format() for problem in report]


def links(base_url: str, extra_urls: list[str]) -> list[str]:
    """LinkChecker over HTTP from `base_url`; one line per link that does not answer.
    Anchors are `anchors.missing`'s job."""
    linkchecker = shutil.which("linkchecker")
    if linkchecker is None:
        raise UsageError(
            "Thiếu LinkChecker: chạy `pip install -r requirements-test.txt`.\n"
            "(en) LinkChecker is missing: run `pip install -r requirements-test.txt`."
        )
    result = subprocess.run(
        [linkchecker, "--config", str(LINKCHECKER_CONFIG), "--no-status", "--output", "csv",
         base_url, *extra_urls],
        capture_output=True, text=True, check=False, timeout=1800,
    )
    problems = [_describe(row, base_url) for row in _csv_rows(result.stdout)]
    if result.returncode not in (0, 1) or (result.returncode == 1 and not problems):
        problems.append(f"LinkChecker failed (exit {result.returncode}): {result.stderr[-800:]}")
    return problems


def _csv_rows(output: str) -> list[dict[str, str]]:
    lines = [line for line in output.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter=";"))


def _describe(row: dict[str, str], base_url: str) -> str:
    """`hoc-tap/ (line 12): link 'b.html#x' → Anchor `x' not found.`"""
    page = row["parentname"].removeprefix(base_url) or "/"
    problem = row["warningstring"] if row["valid"] == "True" else row["result"]
    return f"{page} (dòng/line {row['line']}): '{row['urlname']}' → {problem.strip()}"


def not_found_pages(base_url: str) -> list[str]:
    """The 404 pages, which no page links to, so LinkChecker is pointed at them."""
    return [base_url + localized_path("404.html", lang) for lang in LANGUAGES]
