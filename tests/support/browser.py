"""Headless Chromium from Debian, driven by Playwright (never a downloaded browser).

The same browser set-up as the publishing gate (hoagiai.publish.browser).
"""

from __future__ import annotations

from hoagiai.publish.browser import CHROMIUM, CHROMIUM_ARGS, chromium

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "chromium"]
