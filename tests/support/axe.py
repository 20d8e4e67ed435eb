"""axe-core in the browser: the accessibility violations of one loaded page.

The same check as the publishing gate (hoagiai.publish.browser).
"""

from __future__ import annotations

from hoagiai.publish.browser import axe_violations as violations

__all__ = ["violations"]
