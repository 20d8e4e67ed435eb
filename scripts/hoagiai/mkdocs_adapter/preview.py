"""What `mkdocs serve --dirty`, the authors' quick preview, keeps between rebuilds.

MkDocs keeps the plugins between rebuilds (the bridge has `on_startup`) and renders only
pages whose source changed. The loaded site is made again only when a source changed
(`fingerprint`); a generated page counts as changed only when what it says changed
(`ShownFiles`); the theme's templates are compiled once (`CompiledTemplates`); the files
read only on demand (the search index) are written once the edit is shown (`AfterReload`);
the system tells of each save at once (`watch_saves`).
mkdocs-static-i18n runs the whole build once per language, so a full build benefits too.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from hoagiai.feature import OutputFile
from hoagiai.render import TEMPLATES
from hoagiai.site import Paths

if TYPE_CHECKING:  # the server and its watcher are imported by `mkdocs serve`, not by a build
    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.api import BaseObserver

# What MkDocs logs as a warning on every dirty build; with `strict: true` it alone would stop it.
_DIRTY_WARNING = "A 'dirty' build is being performed"
BUILD_LOGGER = "mkdocs.commands.build"
LOG = logging.getLogger("mkdocs.plugins.hoagiai")


def refuse_dirty_build(command: str) -> None:
    """`--dirty` is for previews: a site to publish is built whole."""
    if command != "serve":
        raise PluginError(
            "hoagiai: --dirty chỉ dùng để xem trước với `mkdocs serve --dirty`; bản dựng để "
            "đăng phải đầy đủ: chạy `mkdocs build` (không có --dirty).\n"
            "--dirty is for previews with `mkdocs serve --dirty` only; a site to publish must "
            "be built whole: run `mkdocs build` without --dirty."
        )


def watch_saves(server: LiveReloadServer, polling: bool = False) -> None:
    """The server told of each save by the system (inotify, FSEvents, ReadDirectoryChangesW)
    the moment it happens, instead of by MkDocs' polling watcher.

    MkDocs' watcher reads the listing of every watched folder every half second: an author
    waited a quarter of a second on average before a rebuild began, and its reads, on a
    thread beside the build, slowed the rebuild itself. Where the system cannot watch the
    folders (too many watches already), MkDocs' watcher stays; `polling` keeps it for a
    folder that gives no notice of changes (a network share, a Windows folder opened from
    WSL). The server has not started yet (`on_serve`): its watcher is replaced, and every
    path it watched is watched again, as often as it was.
    """
    if polling:
        return
    watched = dict(server._watched_paths)  # MkDocs 1.6: path -> how many asked to watch it
    try:
        _saves_observer(trial=list(watched))  # the system may refuse the watches
    except OSError as refused:
        LOG.info("hoagiai: hệ thống không theo dõi được các thư mục (%s): bản xem trước dò "
                 "thay đổi mỗi nửa giây / the system cannot watch the folders (%s): the "
                 "preview looks for changes every half second", refused, refused)
        return
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = _saves_observer()
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)


def _saves_observer(trial: list[str] | None = None) -> BaseObserver:
    """The system's own watcher, told only of saves (a file written, replaced, made or
    removed), not of the build's reads, which would start another build. Given `trial`
    paths, it watches them, starts and stops, so that a refusal is raised here."""
    from watchdog import events
    from watchdog.observers import Observer

    saves = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent,
             events.FileMovedEvent, events.FileClosedEvent]

    class SavesObserver(Observer):  # type: ignore[misc, valid-type]
        def schedule(self, event_handler: Any, path: str, *, recursive: bool = False,
                     **options: Any) -> Any:
            return super().schedule(event_handler, path, recursive=recursive,
                                    **{**options, "event_filter": saves})

    observer = SavesObserver()
    if trial is not None:
        for path in trial:
            observer.schedule(events.FileSystemEventHandler(), path, recursive=True)
        observer.start()
        observer.stop()
        observer.join()
    return observer


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


class AfterReload:
    """Files that a preview writes after MkDocs has shown the edited page again.

    The search index is fetched only when a reader searches, yet writing it was a sixth of
    a rebuild, which the author waited through before seeing the edit. It is written on a
    thread once the rebuild returns, each part whole (a search meanwhile reads the old one);
    the next rebuild waits for that thread before it reads or writes anything.
    """

    def __init__(self) -> None:
        self._held: list[tuple[OutputFile, Path]] = []
        self._writing: threading.Thread | None = None
        self._shown = False  # MkDocs serves nothing until the first build has ended

    def holds(self) -> bool:
        """Whether the files read on demand wait until the rebuild returns: not in the first
        build, which nobody sees before it ends."""
        return self._shown

    def hold(self, output: OutputFile, site_dir: Path) -> None:
        self._held.append((output, site_dir))

    def start(self) -> None:
        """The build returns now: write what is held, on another thread."""
        self._shown = True
        held, self._held = self._held, []
        self._writing = threading.Thread(target=_write_all, args=(held,),
                                         name="hoagiai-after-reload", daemon=True)
        self._writing.start()

    def wait(self) -> None:
        """Until what was held is written (a new rebuild, or the server stops)."""
        if self._writing is not None:
            self._writing.join()
            self._writing = None

    def drop(self) -> None:
        """A rebuild failed before its end: what it held is not written (the next makes it
        again). Not at the start of a build: static-i18n builds the second language inside
        the first one's end, and what the first held waits there."""
        self._held = []


def _write_all(held: list[tuple[OutputFile, Path]]) -> None:
    for output, site_dir in held:
        try:
            output.write_into(site_dir)
        except OSError as error:
            LOG.error("hoagiai: không ghi được %s của bản xem trước (%s); lưu lại một tệp để "
                      "thử lại / could not write the preview's %s (%s); save a file to try again",
                      output.path, error, output.path, error)
