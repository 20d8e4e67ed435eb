"""The fast loop's marker scheme (support/marks.py), run on small test files with pytester:
a test that builds cannot stay unmarked, and `-m "not slow"` leaves out what is slow."""

from __future__ import annotations

import pytest

CONFTEST = """
import pytest
from support.marks import pytest_collection_modifyitems, pytest_runtest_protocol, require_slow

@pytest.fixture(scope="session")
def built_site():
    require_slow("runs `mkdocs build`")
    return "site"
"""

TESTS = """
import pytest
from support.marks import require_slow

def test_plain():
    assert 1 + 1 == 2

def test_builds_unmarked():
    require_slow("runs `mkdocs build`")

@pytest.mark.build
def test_builds_marked():
    require_slow("runs `mkdocs build`")

def test_uses_the_built_site(built_site):
    assert built_site == "site"
"""


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeini("[pytest]\nmarkers =\n    slow: s\n    build: b\n")
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_suite=TESTS)
    return pytester


def test_an_unmarked_test_that_builds_fails_with_how_to_mark_it(suite: pytest.Pytester) -> None:
    result = suite.runpytest_inprocess("-p", "no:xdist", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines([
        "*test_suite.py::test_builds_unmarked runs `mkdocs build`, which is slow, but it is not "
        "marked: add @pytest.mark.build*",
    ])


def test_the_fast_loop_leaves_out_what_builds(suite: pytest.Pytester) -> None:
    """Marked tests, and unmarked ones that use a heavy fixture, are `slow`; the unmarked test
    that builds by itself is not, and fails in the fast loop instead of passing slowly."""
    result = suite.runpytest_inprocess("-p", "no:xdist", "-p", "no:cacheprovider",
                                       "-m", "not slow", "-v")
    result.assert_outcomes(passed=1, failed=1, deselected=2)
    result.stdout.fnmatch_lines(["*test_plain PASSED*", "*test_builds_unmarked FAILED*"])
