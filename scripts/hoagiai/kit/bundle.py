"""“Tải tất cả tài liệu in”: one zip per language with every printable, made at build time.

The zip is reproducible: entries in name order, each dated 1980-01-01 00:00 with fixed
permissions, so the same printables always give the same bytes (and the same size shown).
It holds every handout PDF (learner's and trainer's copy of each module), every blank form,
and every quiz sheet and answer key (HTML with its style inlined, so it prints on its own).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from hoagiai.feature import GeneratedFile
from hoagiai.modules.handouts import FOLDER

ZIP_NAME = "tai-lieu-in.zip"
ZIP = f"{FOLDER}/{ZIP_NAME}"
_EPOCH = (1980, 1, 1, 0, 0, 0)


def bundle(files: Iterable[GeneratedFile]) -> bytes:
    """A zip of `files` (language-free paths), in path order, byte-for-byte repeatable."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in sorted(files, key=lambda f: f.path):
            info = zipfile.ZipInfo(item.path, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            content = item.content
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content,
                             compresslevel=6)
    return buffer.getvalue()

