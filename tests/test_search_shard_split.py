"""A term shard too big for a phone is split by longer keys, light ones are joined under
shorter keys (search/shards.py), and search-engine.js still finds every word under them,
typed whole or still being typed."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from hoagiai.search import shards
from hoagiai.search.html_text import Section
from hoagiai.search.index import IndexedPage, build_index, encode_postings
from hoagiai.search.shards import key_name, section_chunks, split_index, term_shards
from hoagiai.search.stream import write_split_index
from support.search_files import read_head, shard_home

ENGINE = Path(__file__).parents[1] / "docs" / "assets" / "js" / "search-engine.js"
BUDGET = 250  # gzip bytes: small, so that a few hundred postings overflow it
# Folds and how many sections each word is in: "tha" is far too big, "thanh" too big alone.
SIZES = {"ca": 3, "tha": 40, "thai": 60, "tham": 5, "than": 20, "thang": 300, "thanh": 400,
         "thanhs": 2, "thap": 250, "the": 10, "gi": 4, "gia": 200, "giai": 300, "_": 1,
         "中文": 2}
SECTIONS = 5000  # postings are scattered over this many sections


def sections_of(folded: str) -> list[int]:
    return sorted(random.Random(folded).sample(range(SECTIONS), SIZES[folded]))


def entries() -> list[list]:
    """`words` entries as build_index makes them: folds sorted, each with one word whose
    postings (gaps, weight 1) are scattered over the sections."""
    return [[folded, [[folded, encode_postings(dict.fromkeys(sections_of(folded), 1))]]]
            for folded in sorted(SIZES)]


@pytest.fixture
def small_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shards split at a small weight, and none joined (see the tests of joining)."""
    monkeypatch.setattr(shards, "SHARD_BUDGET", BUDGET)
    monkeypatch.setattr(shards, "LIGHT_BUDGET", 0)


@pytest.mark.usefixtures("small_budget")
def test_an_oversized_shard_is_split_by_longer_keys() -> None:
    split = term_shards(entries())
    assert list(split) == sorted(split)
    assert {"tha", "than", "thang", "thanh", "thap", "gia", "giai"} <= set(split)
    assert "thai" not in split  # it fits in "tha"
    assert "thanhs" not in split  # it stays with "thanh", too big alone, as it weighs little
    assert sorted(entry for part in split.values() for entry in part) == entries()
    for key, part in split.items():
        assert [entry[0] for entry in part] == sorted(entry[0] for entry in part)
        # Over the budget only because of the one fold no longer key can split.
        rest = [entry for entry in part if entry[0] != key]
        assert shards._weight(part) <= BUDGET or shards._weight(rest) <= BUDGET // 8
        for folded, _ in part:
            assert shard_home(list(split), folded) == key, folded


def test_light_shards_join_under_shorter_keys() -> None:
    """At the real budgets "tha" (with "thanh", "thang" ...) is heavy enough to stay; "the"
    joins "th", then "t"; "gia" and "giai" join "gi", then "g"; "ca" joins "c", "中文"
    joins "中"."""
    joined = term_shards(entries())
    assert list(joined) == ["_4e2d", "_5f", "c", "g", "t", "tha"]
    assert sorted(entry for part in joined.values() for entry in part) == entries()
    assert [key for key, part in joined.items()
            if shards._weight(part) > shards.LIGHT_BUDGET] == ["tha"]
    for key, part in joined.items():
        for folded, _ in part:
            assert shard_home(list(joined), folded) == key, folded


def test_without_joining_a_small_index_keeps_three_letter_keys(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shards, "LIGHT_BUDGET", 0)
    keys = {key_name(folded[:shards.KEY_LENGTH]) for folded in SIZES}
    assert list(term_shards(entries())) == sorted(keys)


def test_the_build_writes_the_split_keys_as_the_whole_index_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """stream.py (the build) and split_index split the same shards, and list them in the head."""
    monkeypatch.setattr(shards, "SHARD_BUDGET", 60)
    monkeypatch.setattr(shards, "LIGHT_BUDGET", 40)
    text = " ".join(f"thành tháng thấp thái {n}" for n in range(0, 400, 7))
    pages = [IndexedPage(f"p{n}/", "Hòa giải thành", "", (Section("", "", text[n:]),))
             for n in range(0, 300, 30)]
    write_split_index(iter(sorted(pages, key=lambda page: page.url)), "vi", "search/vi.js",
                      tmp_path / "streamed")
    split_index(build_index(pages, "vi"), "search/vi.js").write_into(tmp_path / "whole")
    written = {path.relative_to(tmp_path / "whole").as_posix(): path.read_bytes()
               for path in (tmp_path / "whole").rglob("*.js")}
    assert written == {path.relative_to(tmp_path / "streamed").as_posix(): path.read_bytes()
                       for path in (tmp_path / "streamed").rglob("*.js")}
    head = read_head(written["search/vi.js"].decode())
    assert head["version"] == shards.SPLIT_VERSION
    assert {"tha", "thanh"} <= set(head["shards"])
    assert {f"search/vi/w/{key}.js" for key in head["shards"]} == {
        path for path in written if path.startswith("search/vi/w/")}


@pytest.fixture
def engine_page(browser: Browser) -> Iterator[Page]:
    opened = browser.new_page()
    opened.add_script_tag(path=ENGINE)
    yield opened
    opened.close()


@pytest.mark.browser
@pytest.mark.usefixtures("small_budget")
def test_the_engine_finds_every_word_under_split_keys(engine_page: Page) -> None:
    # (query, shards it fetches after the queries before it): a trailing space ends a word.
    assert_found(engine_page, term_shards(entries()), [
        ("thanh ", ["thanh"]), ("thanh", []), ("thanhs ", []), ("ca ", ["ca"]),
        ("中文 ", ["_4e2d_6587"]), ("thai ", ["tha"]), ("than", ["than", "thang"]),
        ("th", ["thap", "the"]), ("thap", []), ("gi", ["gi", "gia", "giai"]), ("giai ", [])])


@pytest.mark.browser
def test_the_engine_finds_every_word_under_joined_keys(engine_page: Page) -> None:
    assert_found(engine_page, term_shards(entries()), [
        ("the ", ["t"]), ("thanh ", ["tha"]), ("th", []), ("ca ", ["c"]),
        ("中文 ", ["_4e2d"]), ("thai", []), ("gi", ["g"]), ("giai ", []), ("x ", [])])


def assert_found(engine_page: Page, split: dict[str, list[list]],
                 queries: list[tuple[str, list[str]]]) -> None:
    """Each query fetches the shards named, and finds the sections of every fold it names
    (a word still being typed: of every fold it starts)."""
    outcome = engine_page.evaluate("""([split, sections, queries]) => {
      const head = {lang: "vi", shards: Object.keys(split),
                    pages: [["p/", "Trang", Array(sections).fill(3)]]};
      const fetched = [];
      const engine = new window.hoagiaiSearchEngine.Engine(head, name => {
        fetched.push(name);
        window.hoagiaiSearchPart("vi/" + name, split[name.slice(2)]);
        return Promise.resolve();
      });
      return queries.reduce((done, query) => done.then(async list => {
        fetched.length = 0;
        await engine.prepare(query);
        const term = window.hoagiaiSearchEngine.parse(query, false)[0];
        return [...list, [fetched.slice().sort(), Array.from(engine.hits(term).keys()).sort(
          (a, b) => a - b)]];
      }), Promise.resolve([]));
    }""", [split, SECTIONS, [query for query, _ in queries]])
    for (query, fetched), (really_fetched, found) in zip(queries, outcome, strict=True):
        assert really_fetched == [f"w/{key}" for key in fetched], query
        typed = query.strip()
        folds = [f for f in SIZES if f == typed or (typed == query and f.startswith(typed))]
        assert found == sorted({s for folded in folds for s in sections_of(folded)}), query


@pytest.mark.browser
def test_the_engine_cuts_a_pages_sections_into_the_runs_written(engine_page: Page) -> None:
    """search-engine.js finds the part holding a section's text (the run it starts) from the
    head alone, as `section_chunks` cut them: short sections together, a long one alone."""
    pick = random.Random(23)
    pages = [[pick.choice((0, 5, 40, 150, 399, 400, 401, 900)) for _ in range(pick.randint(1, 9))]
             for _ in range(60)]
    runs, first = [], 0
    for lengths in pages:
        for run in section_chunks(first, lengths):
            runs += [run.start] * len(run)
        first += len(lengths)
    assert len(set(runs)) < len(runs)  # some runs hold several sections
    starts = engine_page.evaluate("""([pages, chunk]) => new window.hoagiaiSearchEngine.Engine(
      {lang: "vi", shards: [], chunk: chunk,
       pages: pages.map((lengths, n) => ["p" + n + "/", "Trang", lengths])},
      () => Promise.resolve()).docs.map(doc => doc[3])""", [pages, shards.CHUNK_LENGTH])
    assert starts == runs
