"""The index written as pages are rendered (search/stream.py) is byte for byte the split
index made from every page at once (search/index.py, search/shards.py)."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from hoagiai.search import index, shards, stream
from hoagiai.search.html_text import sections
from hoagiai.search.index import IndexedPage, build_index
from hoagiai.search.shards import split_index
from hoagiai.search.stream import KeptWeights, PageSpill, WrittenParts, write_split_index

PAGES = (  # (src_uri, url, title, description, html), in no particular order
    ("hoc-tap/b.md", "hoc-tap/b/", "Kỹ năng hòa giải", "Lắng nghe và đối thoại.",
     "<p>Hoà giải viên lắng nghe, lắng nghe nữa.</p><h2 id='buoc-1'>Bước 1: Đặt câu hỏi</h2>"
     "<p>Hỏi ĐẤT ĐAI, hỏi đất đai, thủy lợi.</p><h2 id='z'>Zalo</h2><p>a a a 5 tốt</p>"),
    ("index.md", "", "Trang chủ", "", "<p>Tổ hòa giải ở cơ sở Thượng Phúc.</p>"),
    ("hoc-tap/a.md", "hoc-tap/a/", "Hoà giải là gì", "Khái niệm.",
     "<h2 id='x'>Luật</h2><p>Luật hòa giải ở cơ sở năm 2013; hoa giai; gi.</p>"),
)


def _page(url: str, title: str, description: str, html: str) -> IndexedPage:
    return IndexedPage(url, title, description, tuple(sections(html)))


def _files(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(folder.rglob("*.js"))}


def test_streamed_index_is_the_split_index(tmp_path: Path) -> None:
    spill = PageSpill()
    for src_uri, *page in PAGES:
        spill.add(src_uri, _page(*page))
    spill.add("index.md", _page("", "Trang chủ", "", "<p>Tổ hòa giải Thượng Phúc.</p>"))
    assert len(spill) == 3 and [src for src, _ in spill.by_url()] == [
        "index.md", "hoc-tap/a.md", "hoc-tap/b.md"]
    streamed = tmp_path / "streamed"
    write_split_index((page for _, page in spill.by_url()), "vi", "search/vi.js", streamed)
    whole = tmp_path / "whole"
    pages = [page for _, page in spill.by_url()]
    split_index(build_index(reversed(pages), "vi"), "search/vi.js").write_into(whole)
    assert _files(streamed) == _files(whole)
    assert len(_files(whole)) > 10 and "Thượng Phúc" in _files(whole)["search/vi/s/0.js"]
    spill.clear()
    assert len(spill) == 0 and list(spill.by_url()) == []


def test_a_preview_writes_again_only_the_parts_that_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs serve --dirty` builds into the same folder after each edit: the parts an edit
    did not change are not written again, those no longer made are removed, one deleted
    meanwhile is written again, and the folder ends as a full build leaves it. (No term
    shards are joined: in so small an index the edit would change most of the few left.)"""
    monkeypatch.setattr(shards, "LIGHT_BUDGET", 0)
    pages = sorted((_page(*page) for _, *page in PAGES), key=lambda page: page.url)
    written = WrittenParts()
    preview = tmp_path / "preview"
    write_split_index(iter(pages), "vi", "search/vi.js", preview, written)
    before = {path: path.stat().st_mtime_ns for path in preview.rglob("*.js")}
    (preview / "search/vi/p/0.js").unlink()
    time.sleep(0.01)  # a later write shows a later time
    edited = [*pages[:2], _page(pages[2].url, pages[2].title, "", "<p>Hòa giải.</p>")]
    write_split_index(iter(edited), "vi", "search/vi.js", preview, written)
    after = {path: path.stat().st_mtime_ns for path in preview.rglob("*.js")}
    changed = sorted(path.relative_to(preview).as_posix() for path in after
                     if after[path] != before.get(path))
    assert "search/vi/s/0.js" not in changed  # the home page: not edited
    assert {"search/vi.js", "search/vi/p/0.js", "search/vi/p/2.js"} <= set(changed)
    assert len(changed) < len(after) / 2, changed
    whole = tmp_path / "whole"
    write_split_index(iter(edited), "vi", "search/vi.js", whole)
    assert _files(preview) == _files(whole)
    assert len(_files(whole)) < len(before), "the edited page's removed sections are gone"


def test_a_preview_weighs_again_only_the_sections_that_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    weighed: list[str] = []

    def counted(text: str, heading: str, context: str) -> Counter[str]:
        weighed.append(text)
        return index.text_weights(text, heading, context)

    monkeypatch.setattr(stream, "text_weights", counted)
    pages = sorted((_page(*page) for _, *page in PAGES), key=lambda page: page.url)
    kept = KeptWeights()
    write_split_index(iter(pages), "vi", "search/vi.js", tmp_path / "first", WrittenParts(), kept)
    assert len(weighed) == sum(len(page.sections) for page in pages)
    weighed.clear()
    edited = [*pages[:2], _page(pages[2].url, pages[2].title, "", "<p>Hòa giải.</p>")]
    preview = tmp_path / "preview"
    write_split_index(iter(edited), "vi", "search/vi.js", preview, WrittenParts(), kept)
    assert weighed == ["Hòa giải."]
    whole = tmp_path / "whole"
    write_split_index(iter(edited), "vi", "search/vi.js", whole)
    assert _files(preview) == _files(whole)
