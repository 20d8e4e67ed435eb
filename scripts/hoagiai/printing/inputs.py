"""Everything a build reads, as one hash: how a warm build finds its PDFs without their HTML.

A PDF is cached by the hash of its HTML (pdf.py), so a build used to make every
printable's HTML only to learn that its PDF was already there. The HTML is made from
the project's pages and materials, mkdocs.yml, this package's code and templates, the
libraries installed, the site's address and the date printed on it, and nothing else;
when none of these has changed since the build that cached a PDF, the PDF is the one
that build made. Any change to any of them (one word in one page) gives a new hash, and
the HTML is made and hashed as before.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.metadata
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hoagiai.printing.pdf import PdfMaker, pdf_cache
from hoagiai.site_markdown import MKDOCS_YML
from hoagiai.sitemap import SITE_MAP_FILE
from hoagiai.workers import Workers

if TYPE_CHECKING:
    from hoagiai.site import Paths, Site

PACKAGE = Path(__file__).resolve().parent.parent
# Folders that no printable is made from, wherever they are: caches and compiled code.
NOT_READ = frozenset({"__pycache__", ".pytest_cache", ".ruff_cache"})


@dataclass(frozen=True)
class BuildInputs:
    """The hash of what this build reads, made once a build (kept on its `Site`)."""

    key: str


def pdf_maker(site: Site, built: dt.date, folder: str = "") -> PdfMaker:
    """The maker of a build's printables, in the PDF cache (or its `folder`), knowing the
    hash of what the build reads, and rendering in the build's workers when it has them."""
    inputs = site.find(BuildInputs)
    if inputs is None:
        inputs = BuildInputs(build_inputs(site.paths, site.site_url, built))
        site.put(inputs)
    cache = pdf_cache(site.paths.root)
    return PdfMaker(cache / folder if folder else cache, inputs=inputs.key,
                    workers=site.find(Workers))


def build_inputs(paths: Paths, site_url: str, built: dt.date) -> str:
    """The hash of what a build reads: the project's pages, materials and mkdocs.yml, this
    package with its templates (and the mkdocs.yml and site map beside it), the installed
    libraries' versions and Python's, `site_url` and `built`. Nothing else in the project
    (a log, a built site, an editor's backup file) changes it."""
    digest = hashlib.sha256(f"{site_url}\n{built.isoformat()}\n{sys.version}\n".encode())
    for name, version in _libraries():
        digest.update(f"{name}=={version}\n".encode())
    read = (paths.docs, paths.materials, paths.root / "mkdocs.yml", MKDOCS_YML, SITE_MAP_FILE,
            PACKAGE)
    for number, base in enumerate(read):
        for path in _files(base):
            name = path.relative_to(base).as_posix() if path != base else base.name
            digest.update(f"{number}:{name}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:20]


@functools.cache
def _libraries() -> list[tuple[str, str]]:
    """The installed libraries and their versions, read once a process: the code it runs
    cannot change under it (reading every library's metadata took 0.05 s a build)."""
    return sorted((str(found.metadata["Name"]), found.version)
                  for found in importlib.metadata.distributions())


def _files(base: Path) -> list[Path]:
    """`base` if it is a file, else every file under it, in a fixed order."""
    if base.is_file():
        return [base]
    found: list[Path] = []
    for folder, subfolders, names in os.walk(base):
        subfolders[:] = sorted(name for name in subfolders if name not in NOT_READ)
        found += (Path(folder) / name for name in sorted(names))
    return found
