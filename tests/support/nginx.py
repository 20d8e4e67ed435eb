"""A real nginx from Debian, started on a free loopback port to serve a built site."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

_CONFIG = """
{user}
worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log {work}/access.log;
  client_body_temp_path {work}/body;
  proxy_temp_path {work}/proxy;
  fastcgi_temp_path {work}/fastcgi;
  uwsgi_temp_path {work}/uwsgi;
  scgi_temp_path {work}/scgi;
  server {{
    listen 127.0.0.1:{port};
    # LinkChecker lifts its per-host rate limit for servers that send this header.
    add_header LinkChecker "local test server";
    location {prefix} {{
      alias {root}/;
      index index.html;
    }}
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, work: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError((work / "error.log").read_text(errors="replace"))
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("nginx did not start within 10 s")


@contextmanager
def serve(root: Path, work: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `root` at http://127.0.0.1:<port><prefix>; yields that base URL."""
    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = work / "nginx.conf"
    # As root, nginx's workers would run as "nobody" and could not read pytest's
    # private temporary folders; the test server keeps root's rights instead.
    user = "user root;" if os.geteuid() == 0 else ""
    config.write_text(
        _CONFIG.format(user=user, work=work, port=port, prefix=prefix, root=root.resolve())
    )
    process = subprocess.Popen([NGINX, "-c", str(config), "-e", str(work / "error.log")])
    try:
        _wait_for(port, process, work)
        yield f"http://127.0.0.1:{port}{prefix}"
    finally:
        process.terminate()
        process.wait(timeout=10)
