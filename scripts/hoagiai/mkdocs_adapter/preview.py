"""What `mkdocs serve --dirty`, the authors' quick preview, keeps between rebuilds.

MkDocs keeps the plugins between rebuilds (the bridge has `on_startup`) and renders only
pages whose source changed. The loaded site is made again only when a source changed
(`fingerprint`); a generated page counts as changed only when what it says changed
(`ShownFiles`); the theme's templates are compiled once (`CompiledTemplates`).
mkdocs-static-i18n runs the whole build once per language, so a full build benefits too.
"""

from __future__ import annotations

import logging
import os

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from hoagiai.render import TEMPLATES
from hoagiai.site import Paths

# What MkDocs logs as a warning on every dirty build; with `strict: true` it alone would stop it.
_DIRTY_WARNING = "A 'dirty' build is being performed"
BUILD_LOGGER = "mkdocs.commands.build"


def refuse_dirty_build(command: str) -> None:
    """`--dirty` is for previews: a site to publish is built whole."""
    if command != "serve":
        raise PluginError(
            "hoagiai: --dirty chỉ dùng để xem trước với `mkdocs serve --dirty`; bản dựng để "
            "đăng phải đầy đủ: chạy `mkdocs build` (không có --dirty).\n"
            "--dirty is for previews with `mkdocs serve --dirty` only; a site to publish must "
            "be built whole: run `mkdocs build` without --dirty."
        )


def fingerprint(paths: Paths, site_url: str) -> tuple:
    """Names, sizes and modification times of every source: cheap, and enough to notice edits."""
    entries: list[tuple[str, int, int]] = []
    for folder in (paths.docs, paths.materials, TEMPLATES):
        for directory, _, names in os.walk(folder):
            for name in names:
                stat = os.lstat(os.path.join(directory, name))  # a dangling link is reported
                entries.append((os.path.join(directory, name), stat.st_size, stat.st_mtime_ns))
    return (site_url, tuple(sorted(entries)))


class ShownFiles:
    """What each generated file said when the preview last wrote it: a file that says the
    same again is marked unmodified, so MkDocs does not render it again."""

    def __init__(self) -> None:
        self._shown: dict[str, str | bytes] = {}  # src_uri -> content last written

    def mark(self, file: File, content: str | bytes) -> None:
        if self._shown.get(file.src_uri) == content:
            file.is_modified = _unchanged  # the page on disk already says this
        self._shown[file.src_uri] = content


def _unchanged() -> bool:
    return False


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory; an edited template no longer matches its checksum
    and is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class DirtyBuildNotice(logging.Filter):
    """MkDocs' warning that a dirty build may leave stale navigation, shown as information:
    `mkdocs serve --dirty` asks for exactly that, and `strict: true` would stop on it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and record.getMessage().startswith(_DIRTY_WARNING):
            record.levelno, record.levelname = logging.INFO, logging.getLevelName(logging.INFO)
        return True
