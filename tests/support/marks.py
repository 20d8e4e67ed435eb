"""The `slow` marker and its guard: `pytest -m "not slow"` is the fast loop.

A test is slow when it is marked `build`, `browser` or `server`, or uses a fixture that builds,
serves or opens something heavy; `pytest_collection_modifyitems` marks those at collection.
What builds, publishes, serves or launches Chromium calls `require_slow` first, so a test that
does so without its marker fails with a message that says how to mark it: it can never slip
into the fast loop unmarked. The hooks are in this module so conftest.py and the test of the
guard itself (tests/test_marks.py, with pytester) load the same code.
"""

from __future__ import annotations

from collections.abc import Generator

import pytest

SLOW = "slow"
# Markers that mean "slow" on their own (see pyproject.toml's list of markers).
SLOW_MARKERS = ("build", "browser", "server")
# Fixtures that build the site, serve it or start Chromium (tests/conftest.py).
HEAVY_FIXTURES = frozenset({
    "build", "built_site", "synthetic_site", "site_server", "synthetic_server", "browser",
    "published",
})

_running: list[pytest.Item] = []


def is_slow(item: pytest.Item) -> bool:
    return any(item.get_closest_marker(name) for name in (SLOW, *SLOW_MARKERS)) or bool(
        HEAVY_FIXTURES.intersection(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `slow` every test that is marked build/browser/server or uses a heavy fixture."""
    for item in items:
        if is_slow(item) and not item.get_closest_marker(SLOW):
            item.add_marker(SLOW)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None
                            ) -> Generator[None, object, object]:
    """Remember which test runs (its fixtures' setup and teardown included)."""
    _running.append(item)
    try:
        return (yield)
    finally:
        _running.pop()


def require_slow(what: str) -> None:
    """Fail the running test unless it is marked slow (or build/browser/server)."""
    if not _running or _running[-1].get_closest_marker(SLOW):
        return
    pytest.fail(
        f"{_running[-1].nodeid} {what}, which is slow, but it is not marked: add "
        "@pytest.mark.build (or browser, server, slow) so that `pytest -m \"not slow\"` "
        "(the fast loop) leaves it out.\n"
        f"{_running[-1].nodeid} {what} (chậm) mà chưa được đánh dấu: thêm "
        "@pytest.mark.build (hoặc browser, server, slow).",
        pytrace=False,
    )
