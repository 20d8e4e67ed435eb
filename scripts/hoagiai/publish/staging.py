"""A clean build of the site into a folder of its own, in a separate MkDocs process.

A fresh process and an empty site folder leave nothing from an earlier build behind
(the hoagiai plugin only caches in memory; the project enables no plugin that keeps a
disk cache). Variants such as the offline copy change a few settings through a tiny
configuration that INHERITs mkdocs.yml, read from standard input, so there is never a
second copy of mkdocs.yml to keep in step.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from hoagiai import site_url as site_url_check
from hoagiai.errors import PublishError, UsageError

DEFAULT_SITE_URL = "http://localhost:8000/"


def normalise_site_url(site_url: str | None) -> str:
    """The published address, checked (hoagiai.site_url) and ending with '/'; refuses none
    and the development default.

    QR codes, feeds and canonical links are made from it: with the default they would
    point at the publisher's own computer.
    """
    url = site_url or ""
    if not url or url.rstrip("/") + "/" == DEFAULT_SITE_URL:
        raise UsageError(
            "Chưa có địa chỉ thật của trang: đặt biến SITE_URL hoặc thêm --site-url, ví dụ "
            "--site-url https://thuongphuc.hanoi.gov.vn/hoa-giai/ (mã QR và bản tin dùng địa "
            "chỉ này).\n"
            "(en) The site's real address is missing: set SITE_URL or pass --site-url, for "
            "example --site-url https://commune.example/hoa-giai/ (QR codes and feeds use it)."
        )
    return site_url_check.checked(url)


def build(root: Path, site_dir: Path, site_url: str, overrides: dict[str, Any] | None = None,
          environment: dict[str, str] | None = None) -> str:
    """`mkdocs build --strict --clean` of the project at `root` into `site_dir`; its log.

    Raises PublishError with MkDocs' own messages when the build fails or warns.
    """
    config = {"INHERIT": "mkdocs.yml", **(overrides or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--config-file", "-", "--site-dir", str(site_dir)]
    env = dict(os.environ, **(environment or {}), SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        command, cwd=root, env=env, input=yaml.safe_dump(config), text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False,
    )
    if result.returncode != 0:
        problems = [line for line in result.stdout.splitlines()
                    if line.strip() and not line.startswith("INFO")]
        raise PublishError("\n".join(problems[-40:]))
    return result.stdout
