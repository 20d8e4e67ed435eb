"""`hoagiai materialize DIR`: the whole content as a plain MkDocs project (no hoagiai plugin).

With `--compare`, the project is also built with stock MkDocs and compared with the real
site; the comparison (pages, anchors, text that differs) is written to DIR/MAT-DI.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hoagiai.materialize import project


def add_to(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "materialize",
        help="ghi toàn bộ nội dung thành một dự án MkDocs thường, không cần plugin hoagiai / "
        "write the whole content as a plain MkDocs project that needs no hoagiai plugin",
    )
    parser.add_argument("dir", help="thư mục ghi dự án (bị xóa trước) / output folder "
                        "(emptied first)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    project.write(root, Path(args.dir).resolve(), progress=_progress)
    return 0


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
