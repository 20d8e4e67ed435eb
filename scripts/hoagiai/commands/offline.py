"""`hoagiai offline`: the whole site as one zip for USB sticks; prints its path."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from hoagiai.publish import publisher


def add_to(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "offline",
        help="tạo bản ngoại tuyến .zip (mở bằng trình duyệt, không cần mạng) / "
        "make the offline zip (opens in a browser without a network)",
    )
    parser.add_argument(
        "--site-url", default=os.environ.get("SITE_URL"),
        help="địa chỉ thật của trang, cho mã QR (mặc định: biến SITE_URL) / the site's "
        "public address, for QR codes (default: SITE_URL)",
    )
    parser.add_argument("--dist", default="dist", help="thư mục ghi tệp / output folder")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    print(publisher.make_offline(root, args.site_url, root / args.dist))
    return 0
