"""`hoagiai check`: validate every source without building the site; warn of uncited rules."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hoagiai import pipeline
from hoagiai.contacts import contact_warnings
from hoagiai.errors import ContentError
from hoagiai.problems import Problem
from hoagiai.review.collect import rule_warnings
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
    try:
        site = pipeline.load_site(paths)
    except ContentError as error:
        print(error.report.format(), file=sys.stderr)
        return 1
    warnings = rule_warnings(site) + contact_warnings(paths)
    if warnings:
        print(format_warnings(warnings), file=sys.stderr)
    print("Không có lỗi. / No problems found.")
    return 0


def format_warnings(warnings: list[Problem]) -> str:
    """Warnings sorted by place, then their number: they do not stop the build."""
    lines = [item.format() for item in sorted(warnings, key=lambda w: w.location)]
    count = len(warnings)
    lines.append(
        f"{count} cảnh báo: nên sửa, nhưng không làm dừng việc tạo trang. / "
        f"{count} warning{'s' if count != 1 else ''}: worth fixing, but they do not stop the build."
    )
    return "\n".join(lines)


def normalise_sources(paths: Paths) -> list[Path]:
    """Rewrite every Markdown and YAML source that is not NFC; return the files changed."""
    changed = []
    for folder in (paths.docs, paths.materials):
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".md", ".yml", ".yaml") or not path.is_file() \
                    or path.is_symlink():  # never rewrite a file outside the project
                continue
            text = path.read_text(encoding="utf-8")
            if nfc(text) != text:
                path.write_text(nfc(text), encoding="utf-8")
                changed.append(path)
    return changed
