"""Headless Chromium from Debian, driven by Playwright (never a downloaded browser).

The same browser set-up as the publishing gate (hoagiai.publish.browser); `chromium` here is
only for tests marked `browser` (support/marks.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser

from hoagiai.publish import browser
from hoagiai.publish.browser import CHROMIUM, CHROMIUM_ARGS
from support.marks import require_slow

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "chromium"]


@contextmanager
def chromium() -> Iterator[Browser]:
    require_slow("starts Chromium")
    with browser.chromium() as instance:
        yield instance
