"""The offline copy: the whole site in one zip that opens from a USB stick (file://).

It is the normal build with `use_directory_urls: false`, so every link names an .html
file (a browser opening file:// shows folders, not their index.html). The 404 pages
are left out: without a web server nothing serves them, and their links are absolute.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

from hoagiai.errors import UsageError
from hoagiai.offline_app.names import USB_FOLDER, USB_NOTE
from hoagiai.publish import staging
from hoagiai.site import LANGUAGES
from hoagiai.urls import localized_path

# What the offline build changes in mkdocs.yml (merged over it with INHERIT). The place
# to add settings that only the offline copy needs.
OVERRIDES: dict[str, Any] = {"use_directory_urls": False}
# Material documents OFFLINE=true as the switch for its offline plugin
# (`enabled: !ENV [OFFLINE, false]`); set it so mkdocs.yml can turn on what only the
# offline copy needs (file:// search) without another configuration file.
ENVIRONMENT = {"OFFLINE": "true"}
NAME = "hoa-giai-thuong-phuc"
LEFT_OUT = {localized_path("404.html", lang) for lang in LANGUAGES}


def build(root: Path, site_dir: Path, site_url: str) -> str:
    """The offline variant of the site, built strictly into `site_dir`; the build log."""
    log = staging.build(root, site_dir, site_url, OVERRIDES, ENVIRONMENT)
    for name in LEFT_OUT:
        (site_dir / name).unlink(missing_ok=True)
    return log


def zip_site(site_dir: Path, archive: Path) -> Path:
    """Zip `site_dir` under one top folder (what a trainer sees on the stick)."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_name(archive.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                bundle.write(path, f"{NAME}/{path.relative_to(site_dir).as_posix()}")
    partial.replace(archive)
    return archive


def check_dist(dist: Path) -> None:
    """Refuse at once a --dist where no folder can be made (a file is in the way), rather
    than after the whole build."""
    blocking = next((path for path in (dist, *dist.parents) if path.exists()), None)
    if blocking is not None and not blocking.is_dir():
        raise UsageError(
            f"--dist '{dist}': '{blocking}' là một tệp, không phải thư mục; chọn thư mục khác "
            f"(mặc định: dist).\n"
            f"(en) --dist '{dist}': '{blocking}' is a file, not a folder; choose another "
            f"folder (default: dist).")


def archive_path(dist: Path, label: str) -> Path:
    return dist / f"{NAME}-{label}.zip"


def offer(site_dir: Path, archive: Path, release: str) -> Path:
    """Put the zip into the site to publish, with the note the pages read to show
    "Dùng không cần mạng" and its size (docs/assets/js/offline.js); returns the note."""
    folder = site_dir / USB_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(archive, folder / archive.name)
    note = site_dir / USB_NOTE
    note.write_text(json.dumps({"file": archive.name, "bytes": archive.stat().st_size,
                                "release": release}), encoding="utf-8")
    return note
