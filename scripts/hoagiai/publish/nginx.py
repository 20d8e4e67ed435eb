"""nginx from Debian on a loopback port, configured with the project's real deploy/nginx files.

The publishing gates and the tests serve a build exactly as the commune's server will:
the same locations, caching rules, 404 pages and security headers, under the same
sub-path. Only the surrounding `http`/`server` block is made here.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from string import Template

from hoagiai.errors import PublishError

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TEMPLATE = "hoagiai.conf.template"
# What the template's quoted strings can hold: a simple path, and a root folder without
# the characters nginx treats specially inside quotes (spaces and letters are fine).
_PREFIX = re.compile(r"^/(?:[A-Za-z0-9._~-]+/)*$")
_UNQUOTABLE = re.compile(r'["\\$\x00-\x1f\x7f]')
SNIPPETS = "hoagiai"

# The `http` and `server` blocks around the site's own configuration, with nginx's
# defaults (no `server_tokens off`: the site's configuration must hide the version on a
# commune's server too). Relative `include`s resolve against nginx's prefix (-p), which
# is `work` here and /etc/nginx/ on a real server, so deploy/nginx's files work
# unchanged in both places.
_MAIN = Template("""\
${user}
worker_processes 1;
daemon off;
pid "${work}/nginx.pid";
error_log "${work}/error.log" warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log "${work}/access.log";
  client_body_temp_path "${work}/body";
  proxy_temp_path "${work}/proxy";
  fastcgi_temp_path "${work}/fastcgi";
  uwsgi_temp_path "${work}/uwsgi";
  scgi_temp_path "${work}/scgi";
  server {
    listen 127.0.0.1:${port};
    include ${snippets}/site.conf;
  }
}
""")


def site_config(deploy: Path, prefix: str, root: Path) -> str:
    """deploy/nginx/hoagiai.conf.template for one place, as `envsubst` would render it."""
    if not _PREFIX.match(prefix):
        raise PublishError(
            f"Đường dẫn của trang phải bắt đầu và kết thúc bằng '/', chỉ gồm chữ không dấu, "
            f"số, '-', '_', '.': '{prefix}'.\n"
            f"(en) The site's path must start and end with '/' and hold only ASCII letters, "
            f"digits, '-', '_', '.': '{prefix}'.")
    if _UNQUOTABLE.search(str(root)):
        raise PublishError(
            f"Thư mục gốc của trang không được có dấu '\"', '\\', '$' hay ký tự điều khiển: "
            f"'{root}'.\n"
            f"(en) The site's root folder may not hold '\"', '\\', '$' or control characters: "
            f"'{root}'.")
    template = Template((deploy / TEMPLATE).read_text(encoding="utf-8"))
    # safe_substitute leaves nginx's own variables ($uri, ...) alone, like envsubst with a list.
    return template.safe_substitute(HOAGIAI_PREFIX=prefix, HOAGIAI_ROOT=str(root))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, work: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise PublishError((work / "error.log").read_text(errors="replace"))
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise PublishError("nginx did not start within 10 s")


def write_config(deploy: Path, root: Path, work: Path, prefix: str, port: int,
                 local_headers: Mapping[str, str]) -> Path:
    """Lay out `work` like /etc/nginx: the snippets, the rendered site, the main file."""
    snippets = work / SNIPPETS
    shutil.copytree(deploy / SNIPPETS, snippets, dirs_exist_ok=True)
    # Not resolved: like the real server, nginx follows a `current` symlink per request.
    (snippets / "site.conf").write_text(site_config(deploy, prefix, root.absolute()))
    for index, (name, value) in enumerate(sorted(local_headers.items())):
        (snippets / f"local-headers-{index}.conf").write_text(
            f'add_header {name} "{value}" always;\n')
    # As root, nginx's workers would run as "nobody" and could not read private
    # temporary folders (tests, staging builds); the local server keeps root's rights.
    user = "user root;" if os.geteuid() == 0 else ""
    config = work / "nginx.conf"
    config.write_text(_MAIN.substitute(user=user, work=work, port=port, snippets=SNIPPETS))
    return config


@contextmanager
def serve(root: Path, work: Path, deploy: Path, prefix: str = "/",
          local_headers: Mapping[str, str] | None = None, port: int | None = None,
          ) -> Iterator[str]:
    """Serve `root` at http://127.0.0.1:<port><prefix>; yields that base URL."""
    work = work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    config = write_config(deploy, root, work, prefix, port, local_headers or {})
    process = subprocess.Popen(
        [NGINX, "-p", str(work), "-c", str(config), "-e", str(work / "error.log")])
    try:
        _wait_for(port, process, work)
        yield f"http://127.0.0.1:{port}{prefix}"
    finally:
        process.terminate()
        process.wait(timeout=10)
