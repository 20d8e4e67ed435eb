"""`hoagiai publish --target DEST`: build, pass every gate, then upload and go live."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from hoagiai.publish import publisher


def add_to(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "publish",
        help="tạo trang, kiểm tra, rồi đăng lên máy chủ / build, check, then publish",
        description="Tạo trang từ đầu, chạy mọi phép kiểm tra (nội dung, liên kết, "
        "trợ năng, CSP); chỉ khi tất cả đạt mới tải lên DEST/releases/<id>/ và chuyển "
        "DEST/current sang bản mới; giữ 5 bản gần nhất. / Builds from scratch, runs every "
        "gate, and only then uploads DEST/releases/<id>/ and switches DEST/current.",
    )
    parser.add_argument(
        "--target", required=True,
        help="thư mục trên máy này hoặc user@host:/duong/dan qua SSH / "
        "a local folder or user@host:/path over SSH",
    )
    parser.add_argument(
        "--site-url", default=os.environ.get("SITE_URL"),
        help="địa chỉ thật của trang (mặc định: biến SITE_URL) / the site's public address "
        "(default: SITE_URL), e.g. https://commune.example/hoa-giai/",
    )
    parser.add_argument(
        "--dist", default="dist",
        help="nơi ghi bản ngoại tuyến .zip / where the offline zip goes (default: dist)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    done = publisher.publish(root, args.target, args.site_url, root / args.dist)
    print(f"Đã đăng / published: {done.release} (trước đó / before: {done.previous or '—'})")
    if done.removed:
        print(f"Đã xóa bản cũ / removed old releases: {', '.join(done.removed)}")
    return 0
