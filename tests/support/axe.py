"""axe-core in the browser: the accessibility violations of one loaded page."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

_AXE = Axe()


def violations(page: Page, within: str | None = None) -> list[str]:
    """`rule (impact): first offending element` for every violation on the page.

    `within` (a CSS selector) checks only that part of the page, for a component
    tested in a state the rest of the page is not (an open dialog on a phone).
    """
    result = _AXE.run(page, context={"include": [[within]]} if within else None)
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:160]}"
        for v in result.response["violations"]
    ]
