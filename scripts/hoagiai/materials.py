"""Read one source file the way every feature should: NFC check, parse, schema check."""

from __future__ import annotations

import functools
import pickle
from pathlib import Path

from hoagiai.problems import Location, Problem, Report, problem
from hoagiai.safety import files, limits
from hoagiai.safety.internal import processing
from hoagiai.schemas import SchemaSet
from hoagiai.site import Site
from hoagiai.unicode_nfc import check_nfc
from hoagiai.yamlpos import YamlDocument, parse_yaml


def read_text(path: Path, site: Site, report: Report) -> str | None:
    """The file's text, or None (with a problem) if it is a symbolic link, too large or not
    valid UTF-8."""
    link = files.first_link(path, site.paths.root) if path.is_relative_to(site.paths.root) \
        else None
    if link is not None:
        report.add(files.symlink_problem(link, site.paths))
        return None
    processing.set(site.paths.rel(path))
    if not path.is_file():
        report.add(_missing(site.paths.rel(path)))
        return None
    too_large = limits.size_problem(path, site.paths.rel(path))
    if too_large is not None:
        report.add(too_large)
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        report.add(
            problem(
                Location(site.paths.rel(path)),
                f"tệp không phải UTF-8 (byte lỗi ở vị trí {error.start})",
                "mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8",
                f"the file is not UTF-8 (bad byte at offset {error.start})",
                "open it in an editor and save it as UTF-8",
            )
        )
        return None
    report.extend(check_nfc(text, site.paths.rel(path)))
    return text


def load_material(path: Path, schema: str, site: Site, report: Report) -> YamlDocument | None:
    """Load a YAML file and validate it against `materials/schemas/<schema>.schema.json`.

    Every problem is added to `report`; the document is returned only when it has
    none, so features build their models from valid data alone.
    """
    text = read_text(path, site, report)
    if text is None:
        return None
    document, problems = pickle.loads(_checked(text, site.paths.rel(path), schema, site.schemas))
    report.extend(problems)
    return None if problems else document


@functools.lru_cache(maxsize=512)
def _checked(text: str, path: str, schema: str, schemas: SchemaSet) -> bytes:
    """Parsed and validated, pickled: `mkdocs serve` loads every file again after each edit,
    and each caller gets its own copy of the result."""
    document, problems = parse_yaml(text, path)
    if document.data is None and not problems:
        problems.append(_empty(path))
    if document.data is not None:
        problems += schemas.validate(document, schema)
    return pickle.dumps((document, problems), protocol=pickle.HIGHEST_PROTOCOL)


def _missing(path: str) -> Problem:
    return problem(
        Location(path),
        "không có tệp này, hoặc đây là một thư mục",
        "tạo lại tệp (lấy từ bản sao lưu hoặc kho mã), đặt đúng tên và đúng chỗ",
        "this file does not exist, or it is a folder",
        "create it again (from a backup or the repository) with this name, in this place",
    )


def _empty(path: str) -> Problem:
    return problem(
        Location(path, 1, 1),
        "tệp không có nội dung (trống, hoặc chỉ có dòng chú thích “#”)",
        "viết nội dung theo mẫu của một tệp cùng loại, hoặc xóa tệp này nếu không cần",
        "the file has no content (it is empty or holds only “#” comments)",
        "write its content following a file of the same kind, or delete it if unneeded",
    )


def material_files(site: Site, folder: str, pattern: str = "*.yml") -> list[Path]:
    """The YAML files of one folder under materials/, in a stable order."""
    return sorted((site.paths.materials / folder).glob(pattern))
