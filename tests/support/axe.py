"""axe-core in the browser: the accessibility violations of one loaded page."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

_AXE = Axe()


def violations(page: Page) -> list[str]:
    """`rule (impact): first offending element` for every violation on the page."""
    result = _AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:160]}"
        for v in result.response["violations"]
    ]
