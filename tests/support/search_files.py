"""Reading the split search index the way the browser gets it (scripts/hoagiai/search/shards.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hoagiai.search.index import GLOBAL_NAME
from hoagiai.search.shards import PART_FUNCTION, key_name, section_chunks

PART = re.compile(rf"^{PART_FUNCTION}\((\"[^\"]+\"),(.*)\);\n$", re.DOTALL)


def read_part(script: str) -> tuple[str, object]:
    """A part's name and data."""
    found = PART.match(script)
    assert found, script[:80]
    return json.loads(found[1]), json.loads(found[2])


def shard_home(keys: list[str], folded: str) -> str | None:
    """The term shard search-engine.js reads a fold from: the longest listed key that
    starts it (None when none does)."""
    for length in range(len(folded), 0, -1):
        if key_name(folded[:length]) in keys:
            return key_name(folded[:length])
    return None


def read_head(script: str) -> dict:
    return json.loads(script.removeprefix(f"window.{GLOBAL_NAME}=").rstrip(";\n"))


def section_texts(site: Path, lang: str) -> list[tuple[str, str]]:
    """Every indexed section of `lang` as (page URL, text), in section-number order."""
    head = read_head((site / "search" / f"{lang}.js").read_text(encoding="utf-8"))
    folder = site / "search" / lang / "s"
    found: list[tuple[str, str]] = []
    for url, _, lengths in head["pages"]:
        for run in section_chunks(len(found), lengths):
            texts = read_part((folder / f"{run.start}.js").read_text(encoding="utf-8"))[1]
            assert isinstance(texts, list) and len(texts) == len(run), run
            found += [(url, str(text)) for text in texts]
    return found
