"""Heavy results made once per run (support/shared.py): with two pytest-xdist workers that
both need the result, it is made once and both use it."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFTEST = """
import sys
import time
sys.path.insert(0, {tests!r})
import pytest
from support.shared import made_once

@pytest.fixture(scope="session")
def made(tmp_path_factory):
    def make(folder):
        time.sleep(1)  # long enough for the other worker to ask meanwhile
        with open(folder.parent / "makes.log", "a") as log:
            log.write("made\\n")
        (folder / "result.txt").write_text("built")
    return made_once(tmp_path_factory, "result", make)
"""

TEST = """
def test_uses_it(made):
    assert (made / "result.txt").read_text() == "built"
"""


def test_two_workers_share_one_result(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST.format(tests=str(Path(__file__).parent)))
    pytester.makepyfile(test_one=TEST, test_two=TEST)
    base = pytester.path / "base"
    result = pytester.runpytest_subprocess("-n", "2", "--dist", "loadfile", "-p",
                                           "no:cacheprovider", f"--basetemp={base}")
    result.assert_outcomes(passed=2)
    assert (base / "makes.log").read_text() == "made\n"
    assert sorted(path.name for path in base.iterdir() if path.name.startswith("popen")) == [
        "popen-gw0", "popen-gw1"], "each test ran on its own worker"
