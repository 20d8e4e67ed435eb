"""The benchmark's output: a side-by-side table (text or Markdown), the verdicts, and JSON."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hoagiai.bench.results import PROJECT, STOCK, ConfigRun, SizeRun
from hoagiai.bench.searchquery import SearchTransfer
from hoagiai.bench.targets import KB, Verdict

MB = 1000 * KB
Row = tuple[str, Callable[[ConfigRun], str]]


def _site(getter: Callable[[Any], float], scale: float, digits: int = 1) -> Callable[..., str]:
    def show(run: ConfigRun) -> str:
        return "—" if run.site is None else f"{getter(run.site) / scale:,.{digits}f}"
    return show


def _transfer(getter: Callable[[SearchTransfer], float], scale: float = KB,
              digits: int = 1) -> Callable[[ConfigRun], str]:
    """A figure of the search queries (KB unless told), "—" when it was not measured."""
    def show(run: ConfigRun) -> str:
        transfer = None if run.site is None else run.site.search_transfer
        return "—" if transfer is None else f"{getter(transfer) / scale:,.{digits}f}"
    return show


ROWS: tuple[Row, ...] = (
    ("build wall time (s)", lambda run: f"{run.build.seconds:.1f}"),
    ("build CPU time (s)", lambda run: f"{run.build.cpu_seconds:.1f}"),
    ("  of which in the kernel (s)", lambda run: f"{run.build.system_seconds:.1f}"),
    ("load average at start", lambda run: f"{run.build.load_before:.1f}"),
    ("peak memory (MiB)", lambda run: f"{run.build.peak_mib:.0f}"),
    ("  the build process alone (MiB)", lambda run: f"{run.build.process_peak_mib:.0f}"),
    ("HTML per page, median (KB)", _site(lambda s: s.pages.median_bytes, KB)),
    ("HTML per page, max (KB)", _site(lambda s: s.pages.max_bytes, KB)),
    ("site total (MB)", _site(lambda s: s.total_bytes, MB)),
    ("search index raw (KB)", _site(lambda s: s.search.raw_bytes, KB, 0)),
    ("search index gzip (KB)", _site(lambda s: s.search.gzip_bytes, KB, 0)),
    ("home first visit, HTML+CSS+JS gzip (KB)", _site(lambda s: s.home.total_gzip, KB)),
    ("  of which HTML gzip (KB)", _site(lambda s: s.home.html_gzip, KB)),
    ("  + data its scripts fetch, gzip (KB)", _site(lambda s: s.home.data_gzip, KB)),
    ("heaviest first visit, HTML+CSS+JS gzip (KB)", _site(lambda s: s.heaviest.total_gzip, KB)),
    ("search data at page load, gzip (KB)", _transfer(lambda t: t.at_load_gzip)),
    ("first search query, gzip (KB)", _transfer(lambda t: t.first.gzip_bytes)),
    ("further search query, max gzip (KB)",
     _transfer(lambda t: t.heaviest_further.gzip_bytes if t.heaviest_further else 0)),
    ("search query, median gzip (KB)", _transfer(lambda t: t.median_gzip)),
    ("results after last byte, 4× slow phone, median (ms)",
     _transfer(lambda t: t.median_visible_ms, 1, 0)),
    ("results after last byte, 4× slow phone, worst (ms)",
     _transfer(lambda t: max(t.visible_times), 1, 0)),
)


def table(sizes: list[SizeRun]) -> list[list[str]]:
    header = ["", *(f"{run.pages_per_language:,} {name}" for run in sizes
                    for name in (PROJECT, STOCK))]
    rows = [header]
    for label, show in ROWS:
        rows.append([label, *(show(run.runs[name]) for run in sizes for name in (PROJECT, STOCK))])
    return rows


def as_text(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w)
                  in enumerate(zip(row, widths, strict=True))).rstrip()
        for row in rows
    )


def as_markdown(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(rows[0]) + " |", "|---" + "|---:" * (len(rows[0]) - 1) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def first_visit_breakdown(sizes: list[SizeRun]) -> str:
    """What the heaviest first visit of the largest project site is made of."""
    built = [run for run in sizes if run.project.site is not None]
    if not built:
        return ""
    run = built[-1]
    visit = run.project.site.heaviest
    lines = [f"Heaviest first visit ({run.pages_per_language:,} pages, /{visit.url}): "
             f"{visit.total_gzip / KB:.1f} KB gzip",
             f"  {visit.html_gzip / KB:6.1f} KB  the page's HTML"]
    lines += [f"  {size / KB:6.1f} KB  {path}" for path, size in visit.files]
    return "\n".join(lines)


def verdict_lines(verdicts: list[Verdict]) -> str:
    return "\n".join(f"{v.status}  {v.target}: {v.figure}" for v in verdicts)


def summary(verdicts: list[Verdict]) -> str:
    counts = {status: sum(v.status == status for v in verdicts) for status in ("PASS", "FAIL",
                                                                                "SKIP")}
    return ", ".join(f"{count} {status}" for status, count in counts.items())


def write_json(path: Path, sizes: list[SizeRun], verdicts: list[Verdict],
               extra: dict[str, Any]) -> None:
    """Every figure of the run, as plain JSON (sizes in bytes, times in seconds)."""
    document = {
        "sizes": [dataclasses.asdict(run) for run in sizes],
        "targets": [dataclasses.asdict(verdict) for verdict in verdicts],
        **extra,
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2, default=_plain),
                    encoding="utf-8")


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    if isinstance(value, frozenset | set | tuple):
        return sorted(value)
    return str(value)
