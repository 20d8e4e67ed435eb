"""`hoagiai van-ban`: what the legal library holds, document by document, with counts."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from hoagiai import pipeline
from hoagiai.legal.library import LegalLibrary
from hoagiai.legal.model import Kind
from hoagiai.site import Paths

COLUMNS = [(Kind.ARTICLE, "điều/articles"), (Kind.CLAUSE, "khoản/clauses"),
           (Kind.POINT, "điểm/points"), (Kind.PART, "mục lớn/parts"), (Kind.ITEM, "mục/items"),
           (Kind.NOTE, "ghi chép/notes")]


def add_to(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "van-ban",
        help="liệt kê văn bản trong thư viện và số điều, khoản, điểm / list the legal library",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    library = pipeline.load_site(Paths.at(Path(args.root))).get(LegalLibrary)
    total: Counter[Kind] = Counter()
    header = f"{'mã/id':<13}{'mức/level':<10}" + "".join(f"{name:>16}" for _, name in COLUMNS)
    print(header)
    for document in library.ordered():
        counts = Counter(unit.kind for unit in document.units() if unit.locator)
        total += counts
        print(f"{document.id:<13}{document.info.completeness:<10}"
              + "".join(f"{counts[kind]:>16}" for kind, _ in COLUMNS))
    print(f"{'tổng/all':<13}{len(library.documents):<10}"
          + "".join(f"{total[kind]:>16}" for kind, _ in COLUMNS))
    return 0
