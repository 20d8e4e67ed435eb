"""The `hoagiai` command: wires subcommands to plain functions, maps errors to exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from hoagiai.commands import (
    bench,
    check,
    contest,
    doi_chieu,
    legal,
    offline,
    publish,
    report,
    rollback,
)
from hoagiai.errors import HoagiaiError

SUBCOMMANDS = [check, publish, rollback, offline, contest, report, bench, legal, doi_chieu]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hoagiai",
        description="Công cụ của trang hòa giải ở cơ sở xã Thượng Phúc / "
        "Tools for the Thượng Phúc grassroots-mediation site",
    )
    parser.add_argument("--root", default=".", help="thư mục dự án / project folder")
    commands = parser.add_subparsers(dest="command", required=True)
    for module in SUBCOMMANDS:
        module.add_to(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except HoagiaiError as error:
        print(str(error), file=sys.stderr)
        return error.exit_code


if __name__ == "__main__":
    sys.exit(main())
