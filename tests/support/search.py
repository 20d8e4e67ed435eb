"""Driving the site's search box in a real browser, as a reader would."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page

BOX = "input[name=q]"
RESULTS = "#hg-search-results"
STATUS = ".md-search [role=status]"
_READ_RESULTS = """items => items.map(item => {
  const link = item.querySelector("a");
  return {href: link.href, text: link.textContent,
          marks: Array.from(item.querySelectorAll("mark"), mark => mark.textContent)};
})"""


@dataclass(frozen=True)
class Found:
    """One result: the page it opens (relative to `base`), its text and its marked words."""

    page: str
    anchor: str
    text: str
    marks: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    status: str
    found: tuple[Found, ...]

    @property
    def pages(self) -> list[str]:
        return [found.page for found in self.found]


def search(page: Page, query: str, base: str) -> Outcome:
    """Type `query` into the search box (replacing what is there) and read the results."""
    page.fill(BOX, query)
    page.wait_for_selector(f"{RESULTS}:not([aria-busy])", state="attached")
    rows = page.eval_on_selector_all(f"{RESULTS} > li", _READ_RESULTS)
    found = []
    for row in rows:
        assert row["href"].startswith(base), f"{row['href']} is not under {base}"
        target, _, anchor = row["href"].removeprefix(base).partition("#")
        found.append(Found(target, anchor, row["text"], tuple(row["marks"])))
    return Outcome(page.inner_text(STATUS), tuple(found))
