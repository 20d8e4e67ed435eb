"""The bench's phone timing of search results (bench/searchquery.py, bench/search_probe.js)
on a hand-made page whose "search" fetches a part, waits a known time, then draws."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from hoagiai.bench.browser import static_server
from hoagiai.bench.searchquery import CPU_SLOWDOWN, slow_phone, weigh_queries

pytestmark = pytest.mark.browser

# A search box like the project's: typing fetches one part per query (none for "none"), then
# draws the results `DRAW_MS` after its last byte ("never": it never draws).
PAGE = """<!doctype html><html><head><script src="search.js" defer></script></head><body>
<div class="md-search" data-hg-search><input name="q"><ol id="hg-search-results"></ol></div>
</body></html>"""
SCRIPT = """
var list = document.getElementById("hg-search-results");
document.querySelector("input").addEventListener("input", function (event) {
  var query = event.target.value;
  list.setAttribute("aria-busy", "true");
  if (query === "never") return;
  function draw() {
    setTimeout(function () {
      list.innerHTML = "<li>" + query + "</li>";
      list.removeAttribute("aria-busy");
    }, %d);
  }
  if (query === "none") { draw(); return; }
  var part = document.createElement("script");
  part.src = "part.js?" + query;
  part.onload = draw;
  document.head.appendChild(part);
});
"""
DRAW_MS = 400
# Turns of the timed work, desktop and phone alternately (about 0.1 s and 0.4 s each): at least
# MIN_TURNS, so that one slow turn never decides, and at most MAX_TURNS (about 20 s on a loaded
# host, long enough to outlast most of another worker's busy spells; a quiet host stops at 3).
MIN_TURNS, MAX_TURNS = 3, 40


@pytest.fixture
def fake_site(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "search.js").write_text(SCRIPT % DRAW_MS, encoding="utf-8")
    (tmp_path / "part.js").write_text("window.part = " + "1" * 5000 + ";\n", encoding="utf-8")
    return tmp_path


def test_results_are_timed_from_the_last_byte_to_the_frame_that_draws_them(
        browser: Browser, fake_site: Path) -> None:
    page = browser.new_page()
    with static_server(fake_site) as base:
        transfer = weigh_queries(page, base, ("one", "two", "none"))
    page.close()
    fetched, repeated, cached = transfer.queries
    assert fetched.requests == 1 and repeated.requests == 1 and cached.requests == 0
    # The timer starts at the last byte (or at the keystroke), and ends with the frame drawn:
    # never before the page's own wait, and well before a second such wait (room for a busy host).
    for query in transfer.queries:
        assert query.visible_ms is not None and DRAW_MS <= query.visible_ms < 2 * DRAW_MS
    assert transfer.median_visible_ms == sorted(q.visible_ms for q in transfer.queries)[1]


def test_the_phone_is_narrow_touch_and_slowed_down(browser: Browser) -> None:
    # Long enough (about 0.1 s on the desktop) for the throttle, which pauses the page in
    # slices, to show: at 15 ms it once measured 1.84 × under load.
    work = """() => { const start = performance.now(); let x = 0;
        for (let i = 0; i < 2e7; i++) x += Math.sqrt(i); return performance.now() - start; }"""
    desktop = browser.new_page()
    phone = slow_phone(browser)
    desktop.evaluate(work), phone.evaluate(work)  # untimed: the JIT has compiled the loop
    # Timed in turns, so that a busy moment of this shared machine slows both sides alike, and
    # each side's quickest turn kept. Unthrottled, the two take the same time; throttled 4 ×,
    # they measured 3.5–4 × on a quiet host but 1.45–1.98 × over five turns on a loaded one
    # (CI, both cores busy, when the throttle's pauses overlap time the page would have waited
    # for a core anyway). More turns, until a quiet one comes, tell the two apart: an unthrottled
    # page's quickest of three turns does not trail the desktop's by half.
    quick = slow = float("inf")
    for turn in range(1, MAX_TURNS + 1):
        quick, slow = min(quick, desktop.evaluate(work)), min(slow, phone.evaluate(work))
        if turn >= MIN_TURNS and slow > quick * 1.5:
            break
    shape = phone.evaluate("[screen.width, navigator.maxTouchPoints > 0]")
    desktop.close()
    phone.context.close()
    assert shape == [390, True]
    assert slow > quick * 1.5, (slow, quick, CPU_SLOWDOWN)
