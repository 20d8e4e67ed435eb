"""The longest test files go to the workers first (support/schedule.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from support.schedule import LONGEST_FIRST, longest_files_first


@dataclass
class Item:
    path: Path
    name: str


def test_the_longest_files_come_first_and_the_rest_keep_their_order() -> None:
    items = [Item(Path("tests/test_a.py"), "a1"), Item(Path("tests", LONGEST_FIRST[1]), "b1"),
             Item(Path("tests/test_z.py"), "z1"), Item(Path("tests", LONGEST_FIRST[0]), "p1"),
             Item(Path("tests", LONGEST_FIRST[1]), "b2"), Item(Path("tests/test_a.py"), "a2")]
    longest_files_first(items)
    assert [item.name for item in items] == ["p1", "b1", "b2", "a1", "z1", "a2"]


def test_every_listed_file_exists() -> None:
    here = Path(__file__).parent
    assert [name for name in LONGEST_FIRST if not (here / name).is_file()] == []


def test_xdist_hands_files_out_in_collection_order(pytestconfig: pytest.Config) -> None:
    """Without `--no-loadscope-reorder` xdist sorts files by their number of tests instead."""
    assert pytestconfig.getoption("loadscopereorder") is False
