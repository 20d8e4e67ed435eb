"""`hoagiai check`: validate every source without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hoagiai import pipeline
from hoagiai.contacts import contact_warnings
from hoagiai.site import Paths
from hoagiai.unicode_nfc import nfc


def add_to(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "check", help="kiểm tra toàn bộ nội dung, không tạo trang / validate all content"
    )
    parser.add_argument(
        "--fix-unicode", action="store_true",
        help="chuẩn hóa các tệp sang Unicode NFC trước khi kiểm tra / normalise files to NFC first",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    paths = Paths.at(Path(args.root))
    if args.fix_unicode:
        for changed in normalise_sources(paths):
            print(f"Đã chuẩn hóa NFC / normalised to NFC: {paths.rel(changed)}")
    report = pipeline.check(paths)
    for warning in contact_warnings(paths):
        print(f"Cảnh báo / warning: {warning.format()}", file=sys.stderr)
    if report:
        print(report.format(), file=sys.stderr)
        return 1
    print("Không có lỗi. / No problems found.")
    return 0


def normalise_sources(paths: Paths) -> list[Path]:
    """Rewrite every Markdown and YAML source that is not NFC; return the files changed."""
    changed = []
    for folder in (paths.docs, paths.materials):
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".md", ".yml", ".yaml") or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            if nfc(text) != text:
                path.write_text(nfc(text), encoding="utf-8")
                changed.append(path)
    return changed
