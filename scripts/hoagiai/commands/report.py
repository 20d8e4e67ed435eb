"""`hoagiai report --year 2026`: the draft yearly review of the plan (Markdown, HTML, PDF)."""

from __future__ import annotations

import argparse
from pathlib import Path

from hoagiai.errors import ContentError, UsageError
from hoagiai.plan.report import write_report
from hoagiai.plan.sources import load_plan_data
from hoagiai.printing.pdf import PdfMaker, pdf_cache
from hoagiai.problems import Report
from hoagiai.schemas import SchemaSet
from hoagiai.site import LANGUAGES, Paths, Site


def add_to(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "report",
        help="báo cáo sơ kết/tổng kết Kế hoạch của một năm / the plan's review report for a year",
    )
    parser.add_argument("--year", type=int, required=True, help="năm báo cáo / the year, e.g. 2026")
    parser.add_argument("--out", help="thư mục ghi báo cáo / output folder (default dist/bao-cao)")
    parser.add_argument("--values", help="tệp số liệu khác so-lieu.yml / another figures file")
    parser.add_argument("--lang", choices=LANGUAGES, default="vi", help="ngôn ngữ / language")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    paths = Paths.at(Path(args.root))
    site = Site(paths, SchemaSet(paths.schemas))
    problems = Report()
    data = load_plan_data(site, problems, Path(args.values) if args.values else None)
    if problems or data is None:
        raise ContentError(problems)
    years = data.plan.period.years
    if args.year not in years:
        raise UsageError(
            f"Năm {args.year} nằm ngoài thời gian của Kế hoạch ({years[0]}–{years[-1]}). / "
            f"{args.year} is outside the plan period ({years[0]}–{years[-1]})."
        )
    out = Path(args.out) if args.out else paths.root / "dist" / "bao-cao"
    for path in write_report(data, args.year, out, PdfMaker(pdf_cache(paths.root)), args.lang):
        print(f"Đã ghi / written: {path}")
    return 0
