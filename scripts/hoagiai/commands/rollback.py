"""`hoagiai rollback --target DEST`: make the previous release live again."""

from __future__ import annotations

import argparse

from hoagiai.publish import publisher


def add_to(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "rollback",
        help="quay lại bản đã đăng trước đó / go back to the previous release",
    )
    parser.add_argument(
        "--target", required=True,
        help="nơi đã đăng (như với publish) / where the site is published (as for publish)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    publisher.rollback(args.target)
    return 0
