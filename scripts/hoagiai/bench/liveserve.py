"""How long `mkdocs serve --dirty` takes to show an edit: the author's edit-and-look loop.

A copy of the real project is served by a real `mkdocs serve --dirty`, the preview
the README gives authors; the benchmark edits one page and one YAML file, each with
a unique marker, and asks the server for the page that shows it until the marker is
there.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

POLL_SECONDS = 0.05
START_TIMEOUT = 120.0
EDIT_TIMEOUT = 30.0
# An edit is made once the server has done what the last one asked (the preview writes the
# search index after it shows an edit): no more than this much CPU over the last interval.
IDLE_CPU_SECONDS = 0.02
IDLE_INTERVAL = 0.25
IDLE_TIMEOUT = 10.0


@dataclass(frozen=True)
class Edit:
    """A change to one source file, and the page (site-relative URL) where it shows."""

    label: str
    file: str  # relative to the project
    url: str
    apply: Callable[[str, str], str]  # (file text, marker) -> new file text


@dataclass(frozen=True)
class ReloadTiming:
    label: str
    seconds: float | None  # None: not shown in time (EDIT_TIMEOUT in the benchmark)
    cpu_seconds: float  # CPU the server used meanwhile: the same work on a busy machine


@dataclass(frozen=True)
class Server:
    base_url: str
    pid: int

    def cpu_seconds(self) -> float:
        """User + system CPU time the server process has used so far."""
        with open(f"/proc/{self.pid}/stat") as stat:
            fields = stat.read().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_until_idle(self, timeout: float = IDLE_TIMEOUT) -> None:
        """Until the server uses (almost) no CPU, or `timeout` seconds have passed."""
        started, before = time.perf_counter(), self.cpu_seconds()
        while time.perf_counter() - started < timeout:
            time.sleep(IDLE_INTERVAL)
            now = self.cpu_seconds()
            if now - before <= IDLE_CPU_SECONDS:
                return
            before = now


def append_paragraph(text: str, marker: str) -> str:
    return f"{text.rstrip()}\n\n{marker}\n"


def rename_first_audience(text: str, marker: str) -> str:
    """Add the marker to the Vietnamese title of the first audience in audiences.yml."""
    title = yaml.safe_load(text)["audiences"][0]["title"]["vi"]
    pattern = re.compile(rf"^(\s*vi:\s*){re.escape(title)}\s*$", re.MULTILINE)
    changed, count = pattern.subn(rf"\g<1>{title} {marker}", text, count=1)
    if not count:
        raise ValueError(f"audiences.yml: no line 'vi: {title}' to edit")
    return changed


# One authored page and one YAML source; add an Edit per new kind of source.
EDITS = (
    Edit("page", "docs/gioi-thieu.md", "gioi-thieu/", append_paragraph),
    Edit("yaml", "materials/audiences.yml", "danh-cho/hoa-giai-vien/", rename_first_audience),
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, marker: str, timeout: float) -> float | None:
    """Seconds until `url` serves a page containing `marker`; None after `timeout`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        body = _get(url)
        if body is not None and marker in body:
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    return None


@contextmanager
def mkdocs_serve(project: Path, log_file: Path,
                 env: dict[str, str] | None = None) -> Iterator[Server]:
    """A real `mkdocs serve --dirty` of `project`, yielded once its first build is served."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"]
    env = dict(env or os.environ, NO_MKDOCS_2_WARNING="1")
    with log_file.open("wb") as log:
        process = subprocess.Popen(command, cwd=project, env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}/"
            if wait_for(base, "</html>", START_TIMEOUT) is None:
                raise RuntimeError(f"mkdocs serve did not start; see {log_file}")
            yield Server(base, process.pid)
        finally:
            # As Ctrl+C stops it: mkdocs serve then removes the site it built in /tmp (36 MB
            # of the real project), which a plain terminate leaves behind.
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def time_edits(project: Path, log_file: Path,
               edits: tuple[Edit, ...] = EDITS) -> list[ReloadTiming]:
    """Serve `project` (a throwaway copy: it is edited) and time each edit until it is shown."""
    with mkdocs_serve(project, log_file) as server:
        return time_edits_on(server, project, edits)


def time_edits_on(server: Server, project: Path, edits: tuple[Edit, ...] = EDITS,
                  timeout: float = EDIT_TIMEOUT) -> list[ReloadTiming]:
    """Make each edit to the `project` that `server` serves and time it until it is shown
    (None after `timeout` seconds)."""
    timings = []
    for number, edit in enumerate(edits, start=1):
        marker = f"hgbench{os.getpid()}x{number}"
        source = project / edit.file
        changed = edit.apply(source.read_text(encoding="utf-8"), marker)
        server.wait_until_idle()  # as an author, who looks at one edit before the next
        cpu_before = server.cpu_seconds()
        source.write_text(changed, encoding="utf-8")
        seconds = wait_for(server.base_url + edit.url, marker, timeout)
        timings.append(ReloadTiming(edit.label, seconds, server.cpu_seconds() - cpu_before))
    return timings
