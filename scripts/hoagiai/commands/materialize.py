"""`hoagiai materialize DIR`: the whole content as a plain MkDocs project (no hoagiai plugin).

With `--compare`, the real site and the materialized project are both built with MkDocs
and compared; what the stock build loses is written to DIR/so-sanh.md (Markdown).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from hoagiai.materialize import builds, compare, project

COMPARISON = "so-sanh.md"


def add_to(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "materialize",
        help="ghi toàn bộ nội dung thành một dự án MkDocs thường, không cần plugin hoagiai / "
        "write the whole content as a plain MkDocs project that needs no hoagiai plugin",
    )
    parser.add_argument("dir", help="thư mục ghi dự án (bị xóa trước) / output folder "
                        "(emptied first)")
    parser.add_argument(
        "--compare", action="store_true",
        help=f"dựng cả hai và ghi những gì bị mất vào DIR/{COMPARISON} / build both and "
        f"write what the stock build loses to DIR/{COMPARISON}")
    parser.add_argument(
        "--real-site", help="trang thật đã dựng sẵn, để khỏi dựng lại / an existing build of "
        "the real site, used instead of building it again")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root, target = Path(args.root).resolve(), Path(args.dir).resolve()
    project.write(root, target, progress=_progress)
    if args.compare:
        with tempfile.TemporaryDirectory(prefix="hoagiai-materialize-") as work:
            real = Path(args.real_site) if args.real_site else Path(work, "real")
            if not args.real_site:
                _progress("materialize: dựng trang thật / building the real site")
                builds.mkdocs_build(root, real)
            _progress("materialize: dựng dự án thường / building the plain project")
            builds.mkdocs_build(target, Path(work, "stock"))
            result = compare.compare(real, Path(work, "stock"), project.MOVED_PAGES)
        report = compare.markdown_report(result, "Dự án thường (MkDocs) so với trang thật / "
                                         "The plain project (stock MkDocs) against the real site")
        (target / COMPARISON).write_text(report, encoding="utf-8")
        _progress(f"materialize: {target / COMPARISON}")
    return 0


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
