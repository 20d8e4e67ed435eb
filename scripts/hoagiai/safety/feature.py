"""Runs the source checks of content safety in the pipeline (`hoagiai check` and the build).

- load: file names and symbolic links under docs/ and materials/ (before anything reads them);
- check: the content HTML policy on every authored Markdown text (pages and materials/**/*.md)
  and that every image a page shows exists.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hoagiai.feature import Feature
from hoagiai.materials import read_text
from hoagiai.problems import Location, Problem, Report, problem
from hoagiai.safety import files, html_policy
from hoagiai.site import PageSource, Site


class ContentSafetyFeature(Feature):
    """Refuses what could break the build or harm a reader, with the place to fix it."""

    name = "safety"

    def load(self, site: Site, report: Report) -> None:
        report.extend(files.scan(site.paths))

    def check(self, site: Site, report: Report) -> None:
        for page in site.pages.values():
            report.extend(page_problems(page, site.paths.docs))
        for path in sorted(site.paths.materials.rglob("*.md")):
            text = read_text(path, site, report)
            if text is not None:
                shown = site.paths.rel(path)
                report.extend(_located(html_policy.scan_markdown(text).findings, shown, 0))


def page_problems(page: PageSource, docs: Path) -> list[Problem]:
    """The policy's findings and the missing images of one authored page."""
    offset = page.body_line - 1
    scan = html_policy.scan_markdown(page.body)
    found = _located(scan.findings, page.path, offset)
    folder = posixpath.dirname(page.src_uri)
    for line, column, address in scan.local_images:
        target = _image_file(docs, folder, address)
        if target is not None and not (target.resolve().is_relative_to(docs.resolve())
                                       and target.is_file()):
            found.append(_missing_image(Location(page.path, line + offset, column), address))
    return found


def _located(findings: tuple[html_policy.Finding, ...], path: str, offset: int) -> list[Problem]:
    return [problem(Location(path, found.line + offset, found.column), found.what.vi,
                    found.fix.vi, found.what.en, found.fix.en) for found in findings]


def _image_file(docs: Path, folder: str, address: str) -> Path | None:
    """The file under docs/ an image address points to; None for an address that is not
    a path (the policy speaks about those)."""
    path = unquote(urlsplit(address).path)
    if not path:
        return None
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
    return docs / posixpath.normpath(joined)


def _missing_image(location: Location, address: str) -> Problem:
    return problem(
        location,
        f"không có tệp ảnh “{address}”",
        "kiểm tra tên tệp (chữ thường, đúng đuôi .png/.jpg/.svg) và đường dẫn tính từ trang "
        "này; ảnh để trong docs/assets/images/",
        f"there is no image file “{address}”",
        "check the file name (lowercase, the right .png/.jpg/.svg ending) and the path from "
        "this page; images belong in docs/assets/images/",
    )
