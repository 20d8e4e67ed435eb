"""The index of one language split so that a query fetches only what it needs.

`build_index` (index.py) makes the whole index; `split_index` writes it as small scripts,
which load from file:// too (a `<script>` tag, where fetch() is refused):

- `search/<lang>.js`, the head, loaded on the first search: every page's url, title and
  the length of each of its sections (what ranking needs for every match), and the list
  of term shards that exist:

      window.hoagiaiSearchIndex={"version": 2, "lang": "vi", "shards": ["a", "an", ...],
                                 "pages": [[url, title, [length, ...]], ...]}

  Sections are numbered in page order, as in `build_index`.
- `search/<lang>/w/<key>.js`, a term shard: the `words` entries of `build_index` whose
  fold starts with `key`, the fold's first three characters (the whole fold when it is
  shorter). A query word needs the one shard of its key; a word still being typed that is
  shorter than a key ("gi") needs every shard whose key starts with it;
- result fragments, loaded only for the results shown: `search/<lang>/p/<page>.js`, a
  page's outline, `[description, [[anchor, heading], ...]]` (one pair per section, in
  order; the top section's heading is ""), and `search/<lang>/s/<section>.js`, the text
  of one section (for the snippet of a result's best section).

Each part calls `hoagiaiSearchPart(name, data)` (search-engine.js) with its path under
`search/` without ".js" ("vi/w/ho", "vi/p/3", "vi/s/12"). A key is written in file names as is when
it is made of ASCII letters and digits, else each other character as "_" and its code
point in hex ("_4e2d"): search-engine.js names them the same way.
"""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from hoagiai.feature import OutputFile
from hoagiai.search.index import index_script

SPLIT_VERSION = 2
KEY_LENGTH = 3
PART_FUNCTION = "hoagiaiSearchPart"
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def shard_key(fold: str) -> str:
    """The term shard that holds a fold, as written in its file name."""
    return "".join(char if char in _PLAIN else f"_{ord(char):x}" for char in fold[:KEY_LENGTH])


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


def split_index(index: dict, path: str) -> SplitIndex:
    """`index` (from `build_index`) as its head at `path` ("search/vi.js") and its parts."""
    folder = path.removesuffix(".js")
    name = folder.removeprefix("search/")
    shards: dict[str, list] = defaultdict(list)
    for entry in index["words"]:
        shards[shard_key(entry[0])].append(entry)
    lengths: list[list[int]] = [[] for _ in index["pages"]]
    outlines: list[list[list[str]]] = [[] for _ in index["pages"]]
    parts = []
    for number, (page, anchor, heading, text, length) in enumerate(index["docs"]):
        lengths[page].append(length)
        outlines[page].append([anchor, heading])
        parts.append(_part(folder, name, f"s/{number}", text))
    parts += [_part(folder, name, f"p/{number}", [description, outlines[number]])
              for number, (_, _, description) in enumerate(index["pages"])]
    parts += [_part(folder, name, f"w/{key}", entries) for key, entries in sorted(shards.items())]
    head = {
        "version": SPLIT_VERSION,
        "lang": index["lang"],
        "shards": sorted(shards),
        "pages": [[url, title, lengths[number]]
                  for number, (url, title, _) in enumerate(index["pages"])],
    }
    return SplitIndex(path, index_script(head), tuple(parts))


def _part(folder: str, name: str, part: str, data: object) -> OutputFile:
    return OutputFile(f"{folder}/{part}.js", part_script(f"{name}/{part}", data))


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
