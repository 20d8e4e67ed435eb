"""Generated files written after the pages, so that no page waits for a PDF.

A build renders the PDFs (and the ZIP that packs them) in worker processes while MkDocs
converts and writes the pages (`printing/pdf.py`). Had MkDocs copied them with its other
static files, which it does before it writes the first page, every page would have waited
for them. So a build keeps each file whose content is made on demand out of MkDocs' hands
once the pages' links to it are checked, and writes it when the last language is built,
before the offline catalog lists the site. The pages state those files' sizes as marks
(`printing/sizes.py`), filled in here once the files are written. A preview (`mkdocs
serve`) lets MkDocs write every file as it comes, and fills in the sizes the same way.
"""

from __future__ import annotations

import os
from concurrent.futures import Future
from pathlib import Path

from mkdocs.structure.files import File, Files

from hoagiai.errors import HoagiaiError
from hoagiai.feature import GeneratedFile, Made, OutputFile
from hoagiai.mkdocs_adapter.errors import plugin_error
from hoagiai.printing.sizes import MARK_START, fill_sizes
from hoagiai.workers import Workers, made_into


class LateFiles:
    """What a build writes after the pages: deferred files, then the sizes pages state."""

    def __init__(self) -> None:
        self._destinations: dict[str, str] = {}  # src_uri of a generated file -> its path
        self._held: dict[str, GeneratedFile] = {}  # src_uri -> a file written at the end
        self._marked: list[str] = []  # the written pages that state a file's size
        self._lent: list[Future] = []  # files a worker makes and writes

    def holds(self, file: File, item: GeneratedFile, *, building: bool) -> bool:
        """Note where a generated file (not a page) goes; True when a build writes it at the
        end (its content is made on demand: a PDF, the ZIP), not MkDocs."""
        if item.is_page:
            return False
        self._destinations[file.src_uri] = file.abs_dest_path
        if not building or not callable(item.made):
            return False
        self._held[file.src_uri] = item
        return True

    def take_from(self, files: Files) -> None:
        """Take the held files out of MkDocs' `files` (the pages' links to them are
        checked by now), so that MkDocs writes the pages without waiting for them. Each is
        found by its exact `src_uri`: static-i18n's lookup by path would give the English
        twin of a held Vietnamese file, which may not be held."""
        for src_uri in self._held:
            file = files.src_uris.get(src_uri)
            if file is not None:
                files.remove(file)

    def note_page(self, output: str, destination: str) -> None:
        """A page about to be written at `destination`: filled in at the end if it states a
        file's size."""
        if MARK_START in output:
            self._marked.append(destination)

    def write_output(self, output: OutputFile, site_dir: Path, workers: Workers | None) -> None:
        """Write `output` now, or lend the making and writing of it to `workers` when they
        run (it is then awaited with the held files)."""
        made = output.content
        lent = None
        if isinstance(made, Made) and workers is not None:
            lent = workers.lend(made_into, site_dir / output.path, made.make, *made.args)
        if lent is None:
            output.write_into(site_dir)
        else:
            self._lent.append(lent)

    def write(self) -> None:
        """Write the held files (each made, or awaited, now), wait for the lent ones, then
        fill in the sizes."""
        try:
            for src_uri in list(self._held):  # in order: the PDFs rendered first come first
                item = self._held.pop(src_uri)  # let go once written
                content = item.content
                target = Path(self._destinations[src_uri])
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content if isinstance(content, bytes) else content.encode())
            lent, self._lent = self._lent, []
            for written in lent:
                written.result()
        except HoagiaiError as error:  # a PDF that refused an address
            raise plugin_error(error) from error
        for page in self._marked:
            path = Path(page)
            path.write_text(fill_sizes(path.read_text(encoding="utf-8"), self._size),
                            encoding="utf-8")
        self._marked.clear()

    def _size(self, src_uri: str) -> int:
        return os.path.getsize(self._destinations[src_uri])
