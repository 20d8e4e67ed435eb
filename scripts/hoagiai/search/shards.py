"""The index of one language split so that a query fetches only what it needs.

`build_index` (index.py) makes the whole index; `split_index` writes it as small scripts,
which load from file:// too (a `<script>` tag, where fetch() is refused):

- `search/<lang>.js`, the head, loaded on the first search: every page's url, title and
  the length of each of its sections (what ranking needs for every match), and the list
  of term shards that exist:

      window.hoagiaiSearchIndex={"version": 5, "lang": "vi", "shards": ["a", "an", ...],
                                 "chunk": 400, "pages": [[url, title, [length, ...]], ...]}

  Sections are numbered in page order, as in `build_index`.
- `search/<lang>/w/<key>.js`, a term shard: the `words` entries of `build_index` whose
  fold starts with `key` (`term_shards`). A key is a fold's first three characters (the
  whole fold when it is shorter); a shard that would weigh more than `SHARD_BUDGET` (4 KB
  gzip) gives its heaviest groups of folds one character longer their own, longer keys
  ("tha" keeps "thai", "tham", ...; "thanh", "thang" and "thap" have their own shards),
  again and again until what each keeps fits, or is heavy only because of the fold that
  is its key (which no longer key can split). Then light shards join the shard of their
  key less its last character, lightest first, while it weighs at most `LIGHT_BUDGET`
  (1 KB gzip): on the real site "x" holds "xem", "xin", "xong", "xuat" and more. Most
  three-character keys held a few rare words (a median of 90 bytes gzip on the real site),
  and each shard is a file to write, to request and, for a reader who keeps the whole
  site, to download: this makes about an eighth as many. So a fold is in the shard of the
  longest listed key that starts it; a query word needs that one shard, and a word still
  being typed ("gi", "than") needs it and every shard whose longer key starts with the
  word. At 2,000 pages a whole word costs at most its fold's postings (15 KB for "thanh"),
  not its prefix's (51 KB for "tha" whole);
- result fragments, loaded only for the results shown: `search/<lang>/p/<page>.js`, a
  page's outline, `[description, [[anchor, heading], ...]]` (one pair per section, in
  order; the top section's heading is ""), and `search/<lang>/s/<section>.js`, the texts
  of a run of a page's sections starting with that one, `[text, ...]` (for the snippet of
  a result's best section). A page's sections are cut into runs in order, each as long as
  it can be while their lengths (in the head) add up to at most the head's `chunk` (a
  section longer alone is a run alone; `section_chunks`), so the engine knows from the
  head which run holds a section: a page's short sections are one file, not one each.

Each part calls `hoagiaiSearchPart(name, data)` (search-engine.js) with its path under
`search/` without ".js" ("vi/w/ho", "vi/p/3", "vi/s/12"). A key is written in file names
and in the head as is when it is made of ASCII letters and digits, else each other
character as "_" and its code point in hex ("_4e2d"): search-engine.js names them the same
way.
"""

from __future__ import annotations

import json
import shutil
import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from hoagiai.feature import OutputFile
from hoagiai.search.index import index_script

SPLIT_VERSION = 5
KEY_LENGTH = 3
# A term shard heavier than this (gzip bytes) is split by longer keys, where its words allow.
SHARD_BUDGET = 4 * 1024
# Light term shards are joined under shorter keys while the joined shard weighs at most this.
LIGHT_BUDGET = 1024
# A run of a page's sections written as one part is at most this long (their lengths' sum),
# unless it is one section: about 2 KB of text, 1 KB gzip.
CHUNK_LENGTH = 400
PART_FUNCTION = "hoagiaiSearchPart"
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def key_name(key: str) -> str:
    """A key (the start of folds) as written in file names and in the head."""
    return "".join(char if char in _PLAIN else f"_{ord(char):x}" for char in key)


def term_shards(entries: list[list]) -> dict[str, list[list]]:
    """The `words` entries of `build_index` (sorted by fold) grouped into term shards, by
    key name: each fold under its first `KEY_LENGTH` characters, then a shard heavier than
    `SHARD_BUDGET` gives its heaviest groups of folds one character longer their own
    shards (split again if need be) until what it keeps fits, or is heavy because of the
    fold that is its key alone and keeps little else (an eighth of the budget: a word being
    typed then needs fewer requests, and a whole word costs little more); last, light
    shards are joined under shorter keys (`_join_light`)."""
    groups: dict[str, list[list]] = defaultdict(list)
    for entry in entries:
        groups[entry[0][:KEY_LENGTH]].append(entry)
    shards: dict[str, list[list]] = {}
    for key, group in groups.items():
        _place(key, group, shards)
    _join_light(shards)
    return dict(sorted((key_name(key), shard) for key, shard in shards.items()))


def _place(key: str, entries: list[list], shards: dict[str, list[list]]) -> None:
    """Puts `entries` (folds starting with `key`) in the shard `key` and in longer ones."""
    kept = entries
    if _weight(entries) > SHARD_BUDGET:
        longer: dict[str, list[list]] = defaultdict(list)
        for entry in entries:
            if entry[0] != key:
                longer[entry[0][:len(key) + 1]].append(entry)
        for child in sorted(longer, key=lambda child: (-_weight(longer[child]), child)):
            if _weight([entry for entry in kept if entry[0] != key]) <= SHARD_BUDGET // 8:
                break  # too heavy because of the fold `key` alone: keep the little rest
            _place(child, longer[child], shards)
            kept = [entry for entry in kept if not entry[0].startswith(child)]
            if _weight(kept) <= SHARD_BUDGET:
                break
    if kept:
        shards[key] = kept


def _join_light(shards: dict[str, list[list]]) -> None:
    """Joins light shards into the shard of their key less its last character (made if need
    be), from three-character keys down to one: under each shorter key, the lightest first,
    while the joined shard weighs at most `LIGHT_BUDGET`. A fold stays in the shard of the
    longest listed key that starts it, since a key leaves the list as its folds join the
    next shorter one."""
    for length in range(KEY_LENGTH, 1, -1):
        children: dict[str, list[str]] = defaultdict(list)
        for key in shards:
            if len(key) == length:
                children[key[:-1]].append(key)
        for parent, keys in children.items():
            joined = shards.get(parent, [])
            for key in sorted(keys, key=lambda key: (_weight(shards[key]), key)):
                more = sorted(joined + shards[key], key=lambda entry: entry[0])
                if _weight(more) > LIGHT_BUDGET:
                    break  # the keys left are heavier
                joined = more
                del shards[key]
            if joined:
                shards[parent] = joined


def _weight(entries: list[list]) -> int:
    """About what a shard of `entries` weighs as sent (gzip)."""
    return len(zlib.compress(_json(entries).encode(), 6))


def part_script(name: str, data: object) -> str:
    """One part of the index as a script that hands its data to the engine."""
    return f"{PART_FUNCTION}({json.dumps(name)},{_json(data)});\n"


@dataclass(frozen=True)
class SplitIndex(OutputFile):
    """The head (`path`, `content`) and the parts written beside it, under `search/<lang>/`.

    Writing it first removes the parts of an earlier build (a preview writes over one).
    """

    parts: tuple[OutputFile, ...] = ()

    def write_into(self, site_dir: Path) -> None:
        super().write_into(site_dir)
        folder = site_dir / self.path.removesuffix(".js")
        shutil.rmtree(folder, ignore_errors=True)
        for part in self.parts:
            part.write_into(site_dir)


def section_chunks(first: int, lengths: list[int]) -> list[range]:
    """The runs of a page's sections, numbered from `first`, whose texts are one part each:
    in order, each as long as it can be while `lengths` adds up to at most `CHUNK_LENGTH`
    (search-engine.js cuts them the same way)."""
    starts: list[int] = []
    total = 0
    for number, length in enumerate(lengths):
        if not starts or total + length > CHUNK_LENGTH:
            starts.append(number)
            total = 0
        total += length
    ends = [*starts[1:], len(lengths)]
    return [range(first + start, first + end) for start, end in zip(starts, ends, strict=True)]


def split_index(index: dict, path: str) -> SplitIndex:
    """`index` (from `build_index`) as its head at `path` ("search/vi.js") and its parts."""
    folder = path.removesuffix(".js")
    name = folder.removeprefix("search/")
    shards = term_shards(index["words"])
    lengths: list[list[int]] = [[] for _ in index["pages"]]
    outlines: list[list[list[str]]] = [[] for _ in index["pages"]]
    texts = [doc[3] for doc in index["docs"]]
    for page, anchor, heading, _, length in index["docs"]:
        lengths[page].append(length)
        outlines[page].append([anchor, heading])
    parts = []
    first = 0
    for page_lengths in lengths:
        parts += [_part(folder, name, f"s/{run.start}", texts[run.start:run.stop])
                  for run in section_chunks(first, page_lengths)]
        first += len(page_lengths)
    parts += [_part(folder, name, f"p/{number}", [description, outlines[number]])
              for number, (_, _, description) in enumerate(index["pages"])]
    parts += [_part(folder, name, f"w/{key}", entries) for key, entries in shards.items()]
    pages = [[url, title, lengths[number]]
             for number, (url, title, _) in enumerate(index["pages"])]
    return SplitIndex(path, head_script(index["lang"], list(shards), pages), tuple(parts))


def head_script(lang: str, shards: list[str], pages: list[list]) -> str:
    """The head of a language's split index: its term shards' keys and its pages
    (`[url, title, [length, ...]]`), with what the engine needs to read the parts."""
    return index_script({"version": SPLIT_VERSION, "lang": lang, "shards": shards,
                         "chunk": CHUNK_LENGTH, "pages": pages})


def _part(folder: str, name: str, part: str, data: object) -> OutputFile:
    return OutputFile(f"{folder}/{part}.js", part_script(f"{name}/{part}", data))


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
