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
    materialize,
    offline,
    publish,
    report,
    rollback,
)
from hoagiai.errors import HoagiaiError
from hoagiai.safety.internal import processing, show_tracebacks

INTERNAL_ERROR = 70  # EX_SOFTWARE
SUBCOMMANDS = [check, publish, rollback, offline, contest, report, bench, legal, doi_chieu,
               materialize]


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
    except Exception as error:  # no traceback for a clerk; HOAGIAI_TRACEBACK=1 shows it
        if show_tracebacks():
            raise
        where = processing.get() or args.command
        print(f"Lỗi nội bộ khi xử lý {where} / internal error while processing {where}: "
              f"{type(error).__name__}: {error}", file=sys.stderr)
        return INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
