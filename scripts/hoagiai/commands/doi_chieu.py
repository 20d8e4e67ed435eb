"""`hoagiai doi-chieu`: the review sheet for the commune's justice officer (HTML and PDF)."""

from __future__ import annotations

import argparse
from pathlib import Path

from hoagiai import pipeline
from hoagiai.review.sheet import write_sheet
from hoagiai.site import LANGUAGES, Paths


def add_to(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "doi-chieu",
        help="bảng đối chiếu câu có dẫn nguồn với nguyên văn điều luật / the legal review sheet",
    )
    parser.add_argument("--out", help="thư mục ghi bảng / output folder (default dist/doi-chieu)")
    parser.add_argument("--lang", choices=LANGUAGES, default="vi",
                        help="ngôn ngữ của tiêu đề bảng / language of the sheet's headings")
    parser.add_argument(
        "--trang", action="append", default=[], metavar="THU-MUC/",
        help="chỉ các trang có đường dẫn bắt đầu như vậy, ví dụ nguoi-dan/ (lặp được) / "
             "only pages whose path starts so, e.g. nguoi-dan/ (repeatable)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    paths = Paths.at(Path(args.root))
    site = pipeline.load_site(paths)
    out = Path(args.out) if args.out else paths.root / "dist" / "doi-chieu"
    for path in write_sheet(site, out, args.lang, tuple(args.trang)):
        print(f"Đã ghi / written: {path}")
    return 0
