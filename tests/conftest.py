"""Shared fixtures: one real build of the site per test run, a browser, a web server.

The builds are made once per run and shared by pytest-xdist's workers (support/shared.py);
support/marks.py marks `slow` what builds, serves or opens Chromium (the fast loop is
`pytest -m "not slow"`) and fails a test that builds without its marker; support/schedule.py
hands the longest files to the workers first.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from hoagiai.bench.synthetic import counted_pages, make_project
from support import marks
from support.browser import chromium
from support.marks import pytest_runtest_protocol
from support.nginx import serve
from support.project import PDF_CACHE, ROOT, mkdocs_build
from support.publishing import Published, published_once
from support.schedule import longest_files_first
from support.shared import made_once

__all__ = ["pytest_runtest_protocol"]  # the marks' hook


def pytest_configure(config: pytest.Config) -> None:
    """One build date for the whole run (printing/dates.py reads SOURCE_DATE_EPOCH), so a
    build made before midnight in Hà Nội and a test that checks its date after agree; the
    xdist workers inherit it."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `slow` what builds, serves or opens Chromium; hand the longest files out first."""
    marks.pytest_collection_modifyitems(items)
    longest_files_first(items)


@pytest.fixture(scope="session", autouse=True)
def shared_pdf_cache() -> Iterator[None]:
    """Generating pages in this process (copies of the project too) reuses the real project's
    PDFs and cards, as the builds in subprocesses do (support/project.py, `quiet_env`)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOAGIAI_CACHE_DIR", str(PDF_CACHE))
        yield


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@dataclass(frozen=True)
class Build:
    site: Path
    log: str


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per run with the project's own mkdocs.yml (strict), and its
    log."""
    def make(folder: Path) -> None:
        result = mkdocs_build(ROOT, folder / "site")
        if result.returncode != 0:
            pytest.fail(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
        (folder / "log.txt").write_text(result.stdout + result.stderr, encoding="utf-8")

    folder = made_once(tmp_path_factory, "site", make)
    return Build(folder / "site", (folder / "log.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_site(build: Build) -> Path:
    return build.site


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with 60 more pages per language from `hoagiai bench`'s generator, built
    strictly: modules with their quizzes and handouts, legal texts, citizens' pages, and
    more stories than the navigation shows around a page."""
    def make(work: Path) -> None:
        make_project(ROOT, work / "project", counted_pages(ROOT) + 60)
        result = mkdocs_build(work / "project", work / "site")
        if result.returncode != 0:
            pytest.fail(f"synthetic build failed:\n{result.stdout}\n{result.stderr}")

    return made_once(tmp_path_factory, "synthetic", make) / "site"


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    """The real project published once per run into a local folder (support/publishing.py)."""
    return published_once(tmp_path_factory)


@pytest.fixture(scope="session")
def site_server(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served by nginx at the domain root; yields the base URL."""
    with serve(built_site, tmp_path_factory.mktemp("nginx")) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def synthetic_server(synthetic_site: Path,
                     tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(synthetic_site, tmp_path_factory.mktemp("nginx-synthetic")) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with chromium() as instance:
        yield instance
