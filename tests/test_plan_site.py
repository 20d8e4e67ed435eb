"""The plan pages in the real site: built strictly with and without figures, served by nginx,
checked by axe-core in both languages and read on a 360 px phone."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from support.axe import violations
from support.nginx import serve
from support.plan import GOOD_VALUES
from support.project import copy_project, mkdocs_build

PAGES = ["ke-hoach/", "ke-hoach/tien-do/", "ke-hoach/nhiem-vu/", "ke-hoach/don-vi/"]
BOTH = [*PAGES, *(f"en/{page}" for page in PAGES)]


@pytest.fixture(scope="module")
def filled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site built with the test figures in place of the (empty) published ones."""
    project = copy_project(tmp_path_factory.mktemp("plan-project") / "project")
    shutil.copy(GOOD_VALUES, project / "materials" / "plan" / "so-lieu.yml")
    site = tmp_path_factory.mktemp("plan-site")
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def filled_server(filled_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(filled_site, tmp_path_factory.mktemp("plan-nginx")) as url:
        yield url


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def ids(text: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', text))


@pytest.mark.build
def test_published_site_shows_no_figures_yet(built_site: Path) -> None:
    for page, words in (("ke-hoach/tien-do/", "Chưa có số liệu"),
                        ("en/ke-hoach/tien-do/", "No data yet")):
        text = html(built_site, page)
        assert words in text and "hg-plan-chart__svg" not in text
        assert 'role="img"' in text  # the phase timeline


@pytest.mark.build
def test_figures_become_charts_in_both_languages(filled_site: Path) -> None:
    for page in ("ke-hoach/tien-do/", "en/ke-hoach/tien-do/"):
        text = html(filled_site, page)
        assert text.count('class="hg-plan-chart__svg"') == 3
        assert text.count("<desc id=") == 4  # three charts and the timeline
        assert text.count("<caption>") == 5  # each history table says what it holds


@pytest.mark.build
def test_anchors_for_every_unit_and_task(filled_site: Path) -> None:
    for prefix in ("", "en/"):
        units = ids(html(filled_site, f"{prefix}ke-hoach/don-vi/"))
        tasks = ids(html(filled_site, f"{prefix}ke-hoach/nhiem-vu/"))
        assert {"cong-an-xa", "mttq-xa", "van-phong-hdnd-ubnd", "toa-an-khu-vuc-11"} <= units
        assert {"iv-1", "iv-2-a", "iv-4-b", "iv-5-a", "iv-7-b", "nhom-7"} <= tasks


@pytest.mark.build
def test_plan_styles_load_only_on_plan_pages(filled_site: Path) -> None:
    assert "assets/css/plan.css" in html(filled_site, "ke-hoach/tien-do/")
    assert "plan.css" not in html(filled_site, "gioi-thieu/")
    for page in PAGES:  # charts are drawn at build time: no script in the content
        text = html(filled_site, page)
        assert "<script" not in text[text.index("<article"):text.index("</article>")]


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize("page", BOTH)
def test_plan_pages_have_no_accessibility_violation(browser: Browser, filled_server: str,
                                                    page: str) -> None:
    tab = browser.new_page()
    tab.goto(filled_server + page)
    found = violations(tab)
    tab.close()
    assert found == []


# The dashboards as published, without figures, pass axe-core in the publication's gate
# (tests/test_publish.py: every kind of page, the plan's four among them).


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize("page", BOTH)
def test_plan_pages_fit_a_360_px_phone(browser: Browser, filled_server: str, page: str) -> None:
    tab = browser.new_page(viewport={"width": 360, "height": 740})
    hosts: set[str] = set()
    tab.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    tab.goto(filled_server + page, wait_until="networkidle")
    width = tab.evaluate("document.documentElement.scrollWidth")
    widest = tab.evaluate(
        "Math.max(...[...document.querySelectorAll('article svg, article table')]"
        ".map(e => e.getBoundingClientRect().right))"
    )
    tab.close()
    assert width <= 360 and widest <= 360
    assert hosts == {urlsplit(filled_server).netloc}
