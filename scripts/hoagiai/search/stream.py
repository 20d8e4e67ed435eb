"""The split index written with bounded memory, as the build renders pages.

`build_index` and `split_index` hold every page's text several times over (the pages, the
index's sections, each part's script): at 2,000 pages per language that is hundreds of
megabytes at the end of a build. Here each page goes to a spill file on disk the moment it
is rendered (`PageSpill`), and `write_split_index` reads the pages back one at a time, in
the same order as `build_index`, writing each section's and page's part as soon as it is
made. Only the postings stay in memory until the end, as compact arrays of integers. The
files written are byte for byte those of `split_index(build_index(...))`.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hoagiai.cache_files import write_whole
from hoagiai.feature import OutputFile
from hoagiai.recent import Recent, digest
from hoagiai.search.html_text import Section
from hoagiai.search.index import (
    IndexedPage,
    section_weights,
    text_weights,
    weighed_texts,
)
from hoagiai.search.shards import head_script, part_script, section_chunks, term_shards
from hoagiai.search.words import fold, nfc


class PageSpill:
    """Pages as search reads them, kept in a temporary file; in memory only where each is."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (kept open for the whole build)
        self._where: dict[str, tuple[str, int, int]] = {}  # src_uri -> (url, offset, length)

    def clear(self) -> None:
        self._file.seek(0)
        self._file.truncate()
        self._where.clear()

    def add(self, src_uri: str, page: IndexedPage) -> None:
        data = json.dumps([page.url, page.title, page.description,
                           [[s.anchor, s.heading, s.text] for s in page.sections]],
                          ensure_ascii=False).encode()
        offset = self._file.seek(0, 2)
        self._file.write(data)
        self._where[src_uri] = (page.url, offset, len(data))

    def __len__(self) -> int:
        return len(self._where)

    def by_url(self) -> Iterator[tuple[str, IndexedPage]]:
        """Each page with its source, read back one at a time, in the order of their URLs."""
        for src_uri, (_, offset, length) in sorted(self._where.items(),
                                                    key=lambda item: item[1][0]):
            self._file.seek(offset)
            url, title, description, parts = json.loads(self._file.read(length))
            yield src_uri, IndexedPage(url, title, description,
                                       tuple(Section(*part) for part in parts))


class _Postings:
    """The postings of one word, gap-encoded as they come (sections arrive in order)."""

    __slots__ = ("numbers", "previous")

    def __init__(self) -> None:
        self.numbers, self.previous = array("i"), -1

    def add(self, doc: int, weight: int) -> None:
        gap, self.previous = doc - self.previous, doc
        if weight == 1:
            self.numbers.append(gap)
        else:
            self.numbers.extend((-gap, weight))


Weigh = Callable[[Section, IndexedPage, bool], Counter[str]]  # how section_weights is called


class KeptWeights:
    """`section_weights`, kept between the builds of a preview under a digest of the texts a
    section is weighed from: an edit changes a page or two, and weighing every word of every
    page again took a tenth of each rebuild. A full build weighs each section once, and
    keeps nothing."""

    def __init__(self, size: int = 20_000) -> None:
        self._kept: Recent[Counter[str]] = Recent(size)

    def __call__(self, section: Section, page: IndexedPage, top: bool) -> Counter[str]:
        text, heading, context = weighed_texts(section, page, top)
        return self._kept.get(text, lambda text: text_weights(text, heading, context),
                              heading, context)


@dataclass(frozen=True)
class StreamedIndex(OutputFile):
    """The head (`path`) and every part of a language's split index, made from `pages`
    while it is written: `content` is unused."""

    pages: PageSpill | None = None
    lang: str = ""
    written: WrittenParts | None = None  # what the last build wrote, in a preview
    weigh: Weigh = section_weights  # a preview's KeptWeights

    def write_into(self, site_dir: Path) -> None:
        assert self.pages is not None
        write_split_index((page for _, page in self.pages.by_url()), self.lang, self.path,
                          site_dir, self.written, self.weigh)


class WrittenParts:
    """The parts of one language's split index as the last build wrote them (a digest of
    each part's text), so that the next writes only what changed.

    A preview (`mkdocs serve --dirty`) builds again into the same folder after every edit;
    writing every part again, thousands of small files, took a third of its time, and more
    with each edit. A new `WrittenParts` (a full build) empties the folder first.
    """

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._digests: dict[str, bytes] = {}  # part ("s/12") -> digest of its text
        self._made: set[str] = set()  # the parts made by the build under way

    def start(self, folder: Path) -> None:
        """A build writes its parts into `folder`: emptied unless it holds the last build's."""
        if folder != self._folder or not folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            for part in ("s", "p", "w"):
                (folder / part).mkdir(parents=True, exist_ok=True)
            self._folder, self._digests = folder, {}
        self._made = set()

    def write(self, part: str, text: str) -> None:
        """Part `part` ("s/12") holds `text`: written unless the last build wrote it so."""
        assert self._folder is not None
        target = self._folder / f"{part}.js"
        key = digest(text)
        if self._digests.get(part) != key or not target.is_file():
            if part in self._digests:  # a preview's rewrite: whole, as it may be read meanwhile
                write_whole(target, text.encode())
            else:
                target.write_text(text, encoding="utf-8")  # its folder is made by `start`
            self._digests[part] = key
        self._made.add(part)

    def finish(self) -> None:
        """Remove the parts the last build wrote and this one did not make."""
        assert self._folder is not None
        for part in set(self._digests) - self._made:
            (self._folder / f"{part}.js").unlink(missing_ok=True)
            del self._digests[part]


def write_split_index(pages: Iterator[IndexedPage], lang: str, path: str, site_dir: Path,
                      written: WrittenParts | None = None,
                      weigh: Weigh = section_weights) -> None:
    """What `split_index(build_index(pages, lang), path)` writes, for `pages` sorted by URL;
    of its parts, only those that changed since `written` was last used."""
    folder = path.removesuffix(".js")
    name = folder.removeprefix("search/")
    parts = written if written is not None else WrittenParts()
    parts.start(site_dir / folder)

    def write(part: str, data: object) -> None:
        parts.write(part, part_script(f"{name}/{part}", data))

    postings: dict[str, dict[str, _Postings]] = defaultdict(dict)
    folds: dict[str, str] = {}
    head_pages: list[list[object]] = []
    doc = 0
    for page_number, page in enumerate(pages):
        lengths: list[int] = []
        outline: list[list[str]] = []
        first = doc
        for section in page.sections:
            top = not section.anchor
            weights = weigh(section, page, top)
            lengths.append(sum(weights.values()))
            outline.append([section.anchor, "" if top else nfc(section.heading)])
            for word, weight in weights.items():
                key = folds.get(word) or folds.setdefault(word, fold(word))
                entry = postings[key].get(word) or postings[key].setdefault(word, _Postings())
                entry.add(doc, weight)
            doc += 1
        for run in section_chunks(first, lengths):
            write(f"s/{run.start}", [nfc(page.sections[number - first].text) for number in run])
        write(f"p/{page_number}", [nfc(page.description), outline])
        head_pages.append([nfc(page.url), nfc(page.title), lengths])
    entries = []
    for key in sorted(postings):
        words = postings.pop(key)
        entries.append([key, [[word, words[word].numbers.tolist()] for word in sorted(words)]])
    shards = term_shards(entries)
    for shard, shard_entries in shards.items():
        write(f"w/{shard}", shard_entries)
    parts.finish()
    head = head_script(lang, list(shards), head_pages)
    write_whole(site_dir / path, head.encode())  # a preview serves it meanwhile
