"""The split search index: its parts hold the whole index, and every page is findable.

`split_index` is checked in Python against `build_index`; the real built site is read
back from its files the way the browser reads them (the head, then the shard of each
word's fold, then the page's outline).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hoagiai.search import shards
from hoagiai.search.html_text import Section
from hoagiai.search.index import IndexedPage, build_index
from hoagiai.search.shards import key_name, split_index, term_shards
from hoagiai.search.words import fold, words
from support.search_files import read_head, read_part, section_texts, shard_home


def test_shard_keys_are_safe_in_file_names() -> None:
    assert [key_name(key) for key in ("hoa", "o", "202", "中文", "aé")] == [
        "hoa", "o", "202", "_4e2d_6587", "a_e9"]


def test_the_parts_hold_the_whole_index(monkeypatch: pytest.MonkeyPatch) -> None:
    index = build_index([
        IndexedPage("b/", "Hòa giải", "", (Section("", "", "hoà giải viên"),
                                            Section("x", "Đầu", "dầu"), Section("y", "Trống", ""))),
        IndexedPage("a/", "Khác", "mô tả", (Section("", "", ""),)),
    ], "vi")
    lengths = [doc[4] for doc in index["docs"]]  # "a/" first, then "b/"'s three sections
    monkeypatch.setattr(shards, "CHUNK_LENGTH", lengths[1] + lengths[2])
    split = split_index(index, "search/vi.js")
    assert split.path == "search/vi.js"
    head = read_head(split.content)
    parts = dict(read_part(part.content) for part in split.parts)
    assert {part.path for part in split.parts} == {f"search/{name}.js" for name in parts}
    assert head["lang"] == "vi" and head["shards"] == list(term_shards(index["words"]))
    # Pages with their sections' lengths; sections are numbered in page order.
    assert [page[:2] for page in head["pages"]] == [row[:2] for row in index["pages"]]
    lengths = [length for page in head["pages"] for length in page[2]]
    assert lengths == [doc[4] for doc in index["docs"]]
    for key in head["shards"]:
        assert all(shard_home(head["shards"], entry[0]) == key for entry in parts[f"vi/w/{key}"])
    words_back = [entry for key in head["shards"] for entry in parts[f"vi/w/{key}"]]
    assert sorted(words_back) == index["words"]
    # The texts of "a/" in a part; of "b/", "hoà giải viên" and "dầu" in one part, and the
    # third section's, too long with them, in the next.
    assert head["chunk"] == lengths[1] + lengths[2]
    assert sorted(name for name in parts if "/s/" in name) == ["vi/s/0", "vi/s/1", "vi/s/3"]
    texts = [text for number in (0, 1, 3) for text in parts[f"vi/s/{number}"]]
    assert texts == [doc[3] for doc in index["docs"]]
    for page, anchor, heading, _, _ in index["docs"]:
        description, outline = parts[f"vi/p/{page}"]
        assert description == index["pages"][page][2]
        assert [anchor, heading] in outline
    assert parts["vi/p/1"][1] == [["", ""], ["x", "Đầu"], ["y", "Trống"]]


def test_writing_replaces_the_parts_of_an_earlier_build(tmp_path: Path) -> None:
    page = IndexedPage("a/", "Một", "", (Section("", "", "hai ba"),))
    split_index(build_index([page, IndexedPage("b/", "Bốn", "", (Section("", "", ""),))],
                            "vi"), "search/vi.js").write_into(tmp_path)
    assert (tmp_path / "search/vi/s/1.js").is_file()
    split_index(build_index([page], "vi"), "search/vi.js").write_into(tmp_path)
    assert not (tmp_path / "search/vi/s/1.js").exists()
    head = read_head((tmp_path / "search/vi.js").read_text(encoding="utf-8"))
    assert (tmp_path / f"search/vi/w/{shard_home(head['shards'], 'mot')}.js").is_file()


def postings_sections(postings: list[int]) -> set[int]:
    """Section numbers of a postings list (see index.py)."""
    found, doc, i = set(), -1, 0
    while i < len(postings):
        doc += abs(postings[i])
        found.add(doc)
        i += 2 if postings[i] < 0 else 1
    return found


@pytest.mark.build
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_built_page_is_found_by_its_title_words(built_site: Path, lang: str) -> None:
    """Round trip through the files: each title word leads, through its shard, to its page."""
    folder = built_site / "search"
    head = read_head((folder / f"{lang}.js").read_text(encoding="utf-8"))
    sections_of, number = [], 0
    for page in head["pages"]:
        sections_of.append(set(range(number, number + len(page[2]))))
        number += len(page[2])
    shards: dict[str, dict] = {}
    lost = []
    for page_number, (url, title, _) in enumerate(head["pages"]):
        for word in words(title):
            key = shard_home(head["shards"], fold(word))
            assert key is not None, (url, word)
            if key not in shards:
                name, entries = read_part((folder / lang / "w" / f"{key}.js").read_text("utf-8"))
                assert name == f"{lang}/w/{key}"
                shards[key] = dict(entries)
            found = {doc for _, postings in shards[key][fold(word)]
                     for doc in postings_sections(postings)}
            if not found & sections_of[page_number]:
                lost.append((url, word))
    assert len(head["pages"]) > 50
    assert lost == []


@pytest.mark.build
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_built_snippets_keep_blocks_apart_and_leave_no_empty_brackets(built_site: Path,
                                                                       lang: str) -> None:
    """The printables pages list files with their sizes, which search never sees: "(PDF, A4, )"
    and "Learner ()" were left; the home page's doors ran their names into their text."""
    sections = section_texts(built_site, lang)
    assert not [page for page, text in sections if re.search(r"\(\s*\)|,\s*\)", text)]
    home = " ".join(text for page, text in sections if page == ("" if lang == "vi" else "en/"))
    door = "Hòa giải viên · Học từng bài" if lang == "vi" else "Mediators · Study lesson by lesson"
    assert door in home, home[:300]
