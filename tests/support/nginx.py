"""A real nginx from Debian, on a free loopback port, with the project's deploy/nginx files.

The tests serve a built site exactly as the commune's server does (same locations,
caching, 404 pages and security headers); see hoagiai.publish.nginx.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hoagiai.publish import nginx
from support.marks import require_slow
from support.project import ROOT

DEPLOY = ROOT / "deploy" / "nginx"
free_port = nginx.free_port

# LinkChecker lifts its per-host rate limit for servers that send this header.
TEST_HEADERS = {"LinkChecker": "local test server"}


@contextmanager
def serve(root: Path, work: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `root` at http://127.0.0.1:<port><prefix>; yields that base URL.

    As root, the server keeps root's rights so it can read pytest's private folders.
    Only for tests marked `server` (support/marks.py).
    """
    require_slow("starts nginx")
    with nginx.serve(root, work, DEPLOY, prefix, TEST_HEADERS) as base_url:
        yield base_url
