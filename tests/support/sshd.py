"""A real OpenSSH server on a loopback port, for publishing over SSH without a second machine.

Keys, configuration and known hosts live in a scratch folder; an `ssh` wrapper placed
first on PATH points every ssh the code starts (directly or through rsync) at that
configuration, so the code under test runs its ordinary commands.
"""

from __future__ import annotations

import getpass
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from support.nginx import free_port

SSHD = "/usr/sbin/sshd"
HOST_ALIAS = "may-chu-thu"


@dataclass(frozen=True)
class SshServer:
    host: str  # "user@alias" as a publisher would write it
    path: str  # PATH that makes `ssh` use the test configuration


def _keygen(path: Path) -> None:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True)


@contextmanager
def sshd(work: Path) -> Iterator[SshServer]:
    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    _keygen(work / "host_key")
    _keygen(work / "client_key")
    (work / "authorized_keys").write_text((work / "client_key.pub").read_text())
    (work / "sshd_config").write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {work}/host_key\n"
        f"AuthorizedKeysFile {work}/authorized_keys\nPidFile {work}/sshd.pid\n"
        "StrictModes no\nUsePAM no\nPasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n")
    (work / "ssh_config").write_text(
        f"Host {HOST_ALIAS}\n  HostName 127.0.0.1\n  Port {port}\n"
        f"  IdentityFile {work}/client_key\n  UserKnownHostsFile {work}/known_hosts\n"
        "  StrictHostKeyChecking accept-new\n  LogLevel ERROR\n")
    bin_dir = work / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "ssh"
    wrapper.write_text(f'#!/bin/sh\nexec /usr/bin/ssh -F {work}/ssh_config "$@"\n')
    wrapper.chmod(0o755)
    Path("/run/sshd").mkdir(exist_ok=True)  # sshd's privilege-separation folder
    process = subprocess.Popen([SSHD, "-D", "-e", "-f", str(work / "sshd_config")],
                               stderr=open(work / "sshd.log", "w"))  # noqa: SIM115
    try:
        deadline = time.monotonic() + 10
        while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((work / "sshd.log").read_text())
            time.sleep(0.05)
        yield SshServer(f"{getpass.getuser()}@{HOST_ALIAS}",
                        f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    finally:
        process.terminate()
        process.wait(timeout=10)
