"""Where releases are published: a local folder or `user@host:/path` reached over SSH.

Both kinds are driven the same way — rsync for the upload, short POSIX shell scripts
for everything else — so the tests, which publish to a local folder, run the very
commands a remote publication runs; only the transport differs. The target needs
rsync, sha256sum and GNU `mv -T` (Debian's coreutils).

Going live is atomic: the upload lands in `releases/<id>.partial/`, is verified against
its SHA256SUMS, renamed to `releases/<id>/`, and `current` is switched by renaming a new
symlink over the old one (rename is atomic; `ln -sfn` is not). A publication stopped at
any point leaves the previous release live. Every switch adds a line to `history.log`
(see releases.py), which is where a rollback goes. Reading a target changes nothing on it.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from hoagiai.errors import PublishError, UsageError
from hoagiai.publish import releases as rel
from hoagiai.publish.manifest import CHECKSUMS

Runner = Callable[[list[str]], str]
SSH_OPTIONS = ["-o", "BatchMode=yes", "-o", "ConnectTimeout=20"]
_REMOTE = re.compile(r"^(?P<host>[^/:@\s]+@[^/:\s]+|[^/:\s]+):(?P<path>/.*)$")
# `host:` or `user@host:` followed by something else than an absolute path.
_HOST_PART = re.compile(r"^[^/:\s]+:")
_SEPARATOR = "--hoagiai--"


def run_command(argv: list[str]) -> str:
    """Run a command; its output, or PublishError with what it said."""
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PublishError(f"{shlex.join(argv[:3])} … (exit {result.returncode}):\n"
                           f"{(result.stderr or result.stdout).strip()[-1500:]}")
    return result.stdout


@dataclass(frozen=True)
class Target:
    """A publication target: `host` is None for a local folder."""

    path: str
    host: str | None = None

    @classmethod
    def parse(cls, text: str) -> Target:
        """`user@host:/srv/hoagiai` (absolute remote path) or a local folder."""
        match = _REMOTE.match(text)
        if match:
            return cls(match["path"].rstrip("/") or "/", match["host"])
        if not text.strip():
            raise UsageError(
                "Thiếu --target: ghi thư mục đăng trang, ví dụ hoagiai@may-chu:/srv/hoagiai.\n"
                "(en) --target is missing: give where to publish, for example "
                "hoagiai@host:/srv/hoagiai.")
        if _HOST_PART.match(text):
            raise UsageError(
                f"--target '{text}': đường dẫn trên máy chủ phải là đường dẫn đầy đủ, bắt đầu "
                f"bằng '/', ví dụ hoagiai@may-chu:/srv/hoagiai.\n"
                f"(en) --target '{text}': the path on the server must be absolute, starting "
                f"with '/', for example hoagiai@host:/srv/hoagiai.")
        return cls(str(Path(text).resolve()))

    def __str__(self) -> str:
        return f"{self.host}:{self.path}" if self.host else self.path

    def releases_dir(self) -> str:
        return f"{self.path}/releases"

    def shell(self, script: str) -> list[str]:
        """The command that runs a POSIX shell script on the target."""
        if self.host is None:
            return ["sh", "-c", script]
        return ["ssh", *SSH_OPTIONS, self.host, f"sh -c {shlex.quote(script)}"]

    def rsync(self, site: Path, release: str, link_dest: str | None) -> list[str]:
        """The upload of `site` into `releases/<release>.partial/`.

        Files that did not change since the live release become hard links to it
        (--link-dest), so only changes travel and take space. Build times are not copied
        (no --times): every build stamps every file anew, which would defeat the links;
        --checksum compares contents instead. A linked file keeps its first upload time,
        so nginx's ETag and Last-Modified change only when its content does.
        """
        rsync = shutil.which("rsync") or "rsync"
        command = [rsync, "--recursive", "--links", "--checksum", "--delete",
                   "--chmod=D755,F644"]
        if link_dest:
            command.append(f"--link-dest=../{link_dest}")
        if self.host is not None:
            command += ["--compress", "--rsh", shlex.join(["ssh", *SSH_OPTIONS])]
        destination = f"{self.releases_dir()}/{release}{rel.PARTIAL}/"
        return [*command, f"{site}/", f"{self.host}:{destination}" if self.host else destination]


@dataclass(frozen=True)
class TargetState:
    """What a target holds: the live release (None before the first), the folders under
    releases/ and the lines of history.log."""

    live: str | None
    names: list[str]
    history: list[str]

    @property
    def stack(self) -> list[str]:
        """The releases that were live one after the other, the live one last."""
        return rel.live_stack(self.history, self.names, self.live)


class Remote:
    """The operations on a target's releases, through one command runner (testable)."""

    def __init__(self, target: Target, run: Runner = run_command,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.target = target
        self.run = run
        self.clock = clock

    def _sh(self, script: str) -> str:
        return self.run(self.target.shell(script))

    def _q(self, *parts: str) -> str:
        return shlex.quote("/".join((self.target.path, *parts)))

    def current(self) -> str | None:
        """The id of the live release, or None before the first publication."""
        return self.state().live

    def state(self) -> TargetState:
        """The live release, the release folders and the history, read in one go (one SSH
        connection)."""
        output = self._sh(
            f"readlink {self._q('current')} || true; echo {_SEPARATOR}; "
            f"ls -1 {self._q('releases')} 2>/dev/null || true; echo {_SEPARATOR}; "
            f"cat {self._q(rel.HISTORY)} 2>/dev/null || true")
        link, names, history = output.split(f"{_SEPARATOR}\n", 2)
        return TargetState(link.strip().rsplit("/", 1)[-1] or None, names.split(),
                           history.splitlines())

    def discard_partial(self) -> None:
        """Make releases/ if needed; remove uploads that a stopped publication left behind
        (never live)."""
        releases = self._q("releases")
        self._sh(f"mkdir -p {releases} && rm -rf -- {releases}/*{rel.PARTIAL}")

    def upload(self, site: Path, release: str, link_dest: str | None) -> None:
        self.run(self.target.rsync(site, release, link_dest))

    def verify(self, release: str) -> None:
        """Every uploaded file matches its checksum (fails loudly if one does not)."""
        folder = self._q("releases", release + rel.PARTIAL)
        self._sh(f"cd {folder} && sha256sum --quiet --strict -c {CHECKSUMS}")

    def finish(self, release: str) -> None:
        """The verified upload becomes a release and goes live."""
        partial = self._q("releases", release + rel.PARTIAL)
        self._sh(f"mv -T {partial} {self._q('releases', release)} && "
                 f"{self._switch(release, rel.PUBLISH)}")

    def switch(self, release: str) -> None:
        """Make an existing release live again (a rollback)."""
        self._sh(self._switch(release, rel.ROLLBACK))

    def _switch(self, release: str, action: str) -> str:
        link, new = self._q("current"), self._q("current.new")
        relative = shlex.quote(f"releases/{release}")
        line = shlex.quote(rel.history_line(self.clock(), action, release))
        return (f"ln -sfn {relative} {new} && mv -T {new} {link} && "
                f"printf '%s\\n' {line} >> {self._q(rel.HISTORY)}")

    def remove(self, releases: list[str]) -> None:
        if releases:
            folders = " ".join(self._q("releases", name) for name in releases)
            self._sh(f"rm -rf -- {folders}")
