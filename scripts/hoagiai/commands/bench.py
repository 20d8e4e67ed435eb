"""`hoagiai bench`: build synthetic sites with the project's and the stock configuration, side by
side, print the figures and judge the performance targets (exit status 1 if one fails)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from hoagiai.bench import aside, browser, report
from hoagiai.bench.measure import GZIP_LEVEL
from hoagiai.bench.progress import Progress
from hoagiai.bench.run import (
    Options,
    run_handout_check,
    run_real_search_check,
    run_serve_check,
    run_size,
)
from hoagiai.bench.targets import FAIL, judge
from hoagiai.errors import UsageError


def add_to(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "bench",
        help="đo hiệu năng với trang tổng hợp, so với Material gốc / "
        "performance benchmark against stock Material",
    )
    parser.add_argument(
        "--pages", default="500", type=_sizes,
        help="số trang mỗi ngôn ngữ, có thể nhiều cỡ / pages per language, e.g. 500,1000,2000",
    )
    parser.add_argument("--json", type=Path, help="ghi số liệu ra tệp JSON / write figures as JSON")
    parser.add_argument("--markdown", action="store_true",
                        help="in bảng dạng Markdown (cho README) / print the table as Markdown")
    parser.add_argument("--work", type=Path,
                        help="giữ dự án và trang đã dựng ở đây / keep projects and sites here")
    parser.add_argument("--no-serve", dest="serve", action="store_false",
                        help="bỏ qua phép đo mkdocs serve / skip the mkdocs serve timing")
    parser.add_argument("--no-handouts", dest="handouts", action="store_false",
                        help="bỏ qua phép thử bộ đệm PDF / skip the handout PDF cache check")
    parser.add_argument("--site", type=Path,
                        help="trang thật đã dựng, khỏi dựng lại để đo tìm kiếm / the real site "
                        "already built (its search is weighed without building it again)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="dựng bản dự án N lần, lấy lần nhanh nhất / "
                        "build the project N times, keep the fastest (default 1)")
    parser.add_argument("--cold-rounds", type=int, default=2,
                        help="dựng bản dự án (lạnh rồi ấm) và bản gốc luân phiên N lần ở cỡ "
                        "đo thời gian, lấy lần nhanh nhất mỗi loại / project builds (cold, "
                        "then warm) and stock builds, in turns, where the build time lines are "
                        "judged; the fastest of each kind counts (default 2)")
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    parser.set_defaults(run=run)


def _sizes(value: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in value.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}”: use numbers such as 500,1000,2000") from None
    if any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError("page counts must be positive")
    return tuple(sorted(set(sizes)))


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    if not (root / "mkdocs.yml").is_file():
        raise UsageError(f"Không thấy mkdocs.yml trong / no mkdocs.yml in {root}")
    progress = Progress()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    progress.say(f"Machine: {os.cpu_count()} cores, load average {load} (shared machine?)")
    with tempfile.TemporaryDirectory(prefix="hoagiai-bench-") as scratch:
        work = args.work.resolve() if args.work else Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        options = Options(root, args.pages, work, keep=args.work is not None, serve=args.serve,
                          repeat=max(args.repeat, 1), cold_rounds=max(args.cold_rounds, 1),
                          seed=args.seed,
                          real_site=args.site.resolve() if args.site else None)
        sizes = [run_size(options, pages, progress) for pages in options.sizes]
        reload = run_serve_check(options, progress) if options.serve else None
        handout_result = run_handout_check(options, progress) if args.handouts else None
        real_search = run_real_search_check(options, progress) if browser.available() else None
        with progress.step("Deleting the sites and projects no longer needed"):
            aside.empty(work)
    verdicts = judge(sizes, reload, handout_result, real_search)
    rows = report.table(sizes)
    print(report.as_markdown(rows) if args.markdown else report.as_text(rows))
    print()
    print(report.first_visit_breakdown(sizes))
    print()
    print(report.verdict_lines(verdicts))
    print(f"\n{report.summary(verdicts)}. 1 KB = 1,000 bytes; gzip level "
          f"{GZIP_LEVEL}; load average now {os.getloadavg()[0]:.1f}.")
    if args.json:
        report.write_json(args.json, sizes, verdicts,
                          {"reload": reload, "handouts": handout_result,
                           "real_search": real_search})
        print(f"JSON: {args.json}", file=sys.stderr)
    return 1 if any(verdict.status == FAIL for verdict in verdicts) else 0
