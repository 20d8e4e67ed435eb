"""Search in the offline copy: built with `use_directory_urls: false`, opened from file://.

The copy also holds a few test pages (tests/fixtures/search/pages) for what the real
site cannot show yet: exact accents ranking first ("dầu" before "đầu" and "dấu"), old
tone placement in the text ("thuỷ"), and content kept out of search results.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from support.project import copy_project, mkdocs_build
from support.search import RESULTS, search
from support.search_queries import QUERIES, Query

pytestmark = [pytest.mark.build, pytest.mark.browser]

TEST_PAGES = Path(__file__).parent / "fixtures" / "search" / "pages"


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("offline") / "project")
    shutil.copytree(TEST_PAGES, project / "docs", dirs_exist_ok=True)
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\n# The offline copy: pages open from file://\nuse_directory_urls: false\n")
    site = project / "site"
    result = mkdocs_build(project, site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return site


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    opened = browser.new_page()
    yield opened
    opened.close()


def open_file(page: Page, site: Path, path: str) -> str:
    """Open `path` of the built site from file://; returns the site's file:// base URL."""
    base = site.as_uri() + "/"
    page.goto(base + path)
    return base


def offline(site: Path, url: str) -> str:
    """Where a page served at `url` ("hoc-tap/", "gioi-thieu/") lives in the offline copy."""
    if url and (site / f"{url.rstrip('/')}.html").is_file():
        return f"{url.rstrip('/')}.html"
    return f"{url}index.html"


@pytest.mark.parametrize(("query", "first", "also"), [
    ("dầu", "thu-tim-kiem/dau-an.html",
     {"thu-tim-kiem/dau-nguon.html", "thu-tim-kiem/dau-cham.html"}),
    # The real site says "đầu" and "dấu" on many pages, all exact matches, so the page
    # that only has "dầu" falls below the results shown: only the order is checked.
    ("đầu", "thu-tim-kiem/dau-nguon.html", set()),
    ("dấu", "thu-tim-kiem/dau-cham.html", set()),
    ("dau", None, {"thu-tim-kiem/dau-an.html", "thu-tim-kiem/dau-nguon.html",
                   "thu-tim-kiem/dau-cham.html"}),
    ("thủy lợi", None, {"thu-tim-kiem/thuy-loi-cu.html", "thu-tim-kiem/thuy-loi-moi.html"}),
    ("thuỷ lợi", None, {"thu-tim-kiem/thuy-loi-cu.html", "thu-tim-kiem/thuy-loi-moi.html"}),
    ("THUY LOI", None, {"thu-tim-kiem/thuy-loi-cu.html", "thu-tim-kiem/thuy-loi-moi.html"}),
])
def test_exact_accents_rank_first_and_folded_forms_still_match(
        page: Page, offline_site: Path, query: str, first: str | None, also: set[str]) -> None:
    base = open_file(page, offline_site, "index.html")
    outcome = search(page, query, base)
    if first:
        assert outcome.pages[0] == first, outcome
    assert also <= set(outcome.pages[1:] if first else outcome.pages), outcome


def test_an_exact_match_outranks_a_page_that_scores_higher_on_folding(
        page: Page, offline_site: Path) -> None:
    """"đầu" fills its page and its title, "dầu" appears once: the exact word still wins."""
    base = open_file(page, offline_site, "index.html")
    folded = search(page, "dau", base).pages
    oil, head, mark = (f"thu-tim-kiem/{name}.html" for name in ("dau-an", "dau-nguon", "dau-cham"))
    assert folded.index(oil) > max(folded.index(head), folded.index(mark))
    assert search(page, "dầu", base).pages[0] == oil


@pytest.mark.parametrize("case", QUERIES[::4], ids=lambda case: case.start + case.query)
def test_the_real_queries_work_from_file_urls_too(page: Page, offline_site: Path,
                                                  case: Query) -> None:
    base = open_file(page, offline_site, offline(offline_site, case.start))
    outcome = search(page, case.query, base)
    if case.first:
        assert outcome.pages[0] in {offline(offline_site, url) for url in case.first}, outcome
    assert {offline(offline_site, url) for url in case.also} <= set(outcome.pages)


def test_a_result_opens_its_page_from_file_urls(page: Page, offline_site: Path) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    base = open_file(page, offline_site, "en/gioi-thieu.html")
    outcome = search(page, "mediation skills", base)
    assert outcome.pages[0] == "en/hoc-tap/ky-nang-hoa-giai.html"
    page.click(f"{RESULTS} a")
    page.wait_for_url(re.compile(re.escape(base + "en/hoc-tap/ky-nang-hoa-giai.html") + "(#.*)?$"))
    assert page.locator("h1").first.inner_text() == "Mediation skills"
    assert base + "search/en.js" in requested
    assert all(url.startswith(base) for url in requested), "search asked another host"


def test_when_nothing_is_found_the_help_links_open_from_file_urls(page: Page,
                                                                   offline_site: Path) -> None:
    base = open_file(page, offline_site, offline(offline_site, "en/hoc-tap/"))
    assert search(page, "qqzzxx", base).pages == []
    links = page.locator(".hg-search-help a").evaluate_all("links => links.map(a => a.href)")
    expected = [offline(offline_site, url) for url in ("en/nguoi-dan/hoi-dap/", "en/lien-he/")]
    assert links == [base + path for path in expected]
    assert all((offline_site / link.removeprefix(base)).is_file() for link in links)


def test_content_marked_data_search_exclude_is_not_found(page: Page, offline_site: Path) -> None:
    shown = (offline_site / "thu-tim-kiem" / "dau-cham.html").read_text(encoding="utf-8")
    assert "<strong>xylophone</strong>" in shown  # on the page, as Markdown made it
    base = open_file(page, offline_site, "index.html")
    assert search(page, "xylophone", base).pages == []
