"""File names and symbolic links under docs/ and materials/.

A file's name becomes part of a page's address, so it must be a lowercase ASCII
slug (`cau-chuyen-moi.md`, not `Câu chuyện mới.md`); the message suggests one.
Symbolic links are refused: one pointing outside the project would publish that
file, one pointing nowhere would stop the build. Hidden files (`.name`) are not
published by MkDocs and are left alone; `README.md` notes for developers are allowed.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from hoagiai.problems import Location, Problem, Text, problem
from hoagiai.site import LANGUAGES, Paths

SLUG_NAME = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
ALLOWED_NAMES = frozenset({"README.md"})


def scan(paths: Paths) -> list[Problem]:
    """Every symlink and every badly named file or folder under docs/ and materials/."""
    found: list[Problem] = []
    for folder in (paths.docs, paths.materials):
        for directory, folders, names in os.walk(folder):
            for name in sorted([*folders, *names]):
                if name.startswith("."):
                    continue
                path = Path(directory, name)
                link = symlink_problem(path, paths)
                if link:
                    found.append(link)
                elif not SLUG_NAME.fullmatch(name) and name not in ALLOWED_NAMES:
                    found.append(name_problem(path, paths))
            folders[:] = sorted(name for name in folders if not name.startswith(".")
                                and not Path(directory, name).is_symlink())
    return found


def first_link(path: Path, root: Path) -> Path | None:
    """The first component of `path` below `root` that is a symbolic link, if any."""
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


def symlink_problem(path: Path, paths: Paths) -> Problem | None:
    """A problem when `path` itself is a symbolic link (working or dangling)."""
    if not path.is_symlink():
        return None
    shown = _shown(path, paths)
    target = os.readlink(path)
    if not path.exists():
        return problem(
            Location(shown),
            f"liên kết tượng trưng (symlink) trỏ tới “{target}”, nơi không có tệp nào",
            "xóa liên kết này; nếu cần tệp thì chép một bản thật vào đây",
            f"a symbolic link pointing to “{target}”, where there is no file",
            "remove the link; if the file is needed, copy the real file here",
        )
    return problem(
        Location(shown),
        f"liên kết tượng trưng (symlink) tới “{target}”: trang không dùng symlink",
        "thay liên kết bằng một bản sao thật của tệp (hoặc xóa nó)",
        f"a symbolic link to “{target}”: the site does not follow symlinks",
        "replace the link with a real copy of the file (or remove it)",
    )


def name_problem(path: Path, paths: Paths) -> Problem:
    suggestion = slug_name(path.name)
    kind = Text("thư mục", "folder") if path.is_dir() else Text("tệp", "file")
    return problem(
        Location(_shown(path, paths)),
        f"tên {kind.vi} “{path.name}” có chữ hoa, dấu, dấu cách hoặc ký tự đặc biệt: "
        "tên này thành địa chỉ trang",
        f"đổi tên thành “{suggestion}” (chữ thường không dấu, nối bằng dấu gạch ngang)",
        f"the {kind.en} name “{path.name}” has capitals, accents, spaces or special "
        "characters: it becomes the page's address",
        f"rename it to “{suggestion}” (lowercase, no accents, words joined by hyphens)",
    )


def slug_name(name: str) -> str:
    """A lowercase ASCII slug for a file name, keeping its language suffix and extension:
    "Câu chuyện mới.md" → "cau-chuyen-moi.md", "Ảnh 1.PNG" → "anh-1.png"."""
    parts = name.split(".")
    suffixes: list[str] = []
    if len(parts) > 1:
        suffixes.append(parts.pop().lower())
        if len(parts) > 1 and parts[-1].lower() in LANGUAGES:
            suffixes.insert(0, parts.pop().lower())
    stem = _ascii_slug(".".join(parts)) or "tep"
    return ".".join([stem, *(_ascii_slug(part) for part in suffixes)])


def _ascii_slug(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                    if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _shown(path: Path, paths: Paths) -> str:
    try:
        return path.relative_to(paths.root).as_posix()
    except ValueError:
        return path.as_posix()
