"""Text from a question bank is shown as text: markup in a prompt never runs in the browser."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from support.nginx import serve
from support.project import copy_project, mkdocs_build

pytestmark = [pytest.mark.build, pytest.mark.browser, pytest.mark.server]

BANK = "hoa-giai-o-co-so-la-gi"
HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> **đậm**'
QUESTION = "cau-dinh-nghia"


def plant(text: str) -> str:
    """The bank's first question with the hostile text in its prompt, a choice and the
    explanation (three ways text reaches a page: raw HTML, Markdown, printable sheet)."""
    replacements = [
        ("vi: Theo Luật Hòa giải ở cơ sở, “hòa giải ở cơ sở” là gì?", f"vi: '{HOSTILE}'"),
        ("vi: Tòa án hòa giải trước khi xét xử một vụ án dân sự", f"vi: '{HOSTILE}'"),
        ("        Hòa giải viên không phân xử thay các bên.", f"        {HOSTILE}"),
    ]
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    bank = project / "materials" / "quiz" / f"{BANK}.yml"
    bank.write_text(plant(bank.read_text(encoding="utf-8")), encoding="utf-8")
    site = tmp_path_factory.mktemp("hostile-site")
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site, tmp_path_factory.mktemp("hostile-nginx")) as base:
        yield base


def assert_inert(page: Page) -> None:
    assert page.evaluate("window.pwned") is None
    assert page.locator("img[src='x']").count() == 0


def test_markup_in_a_question_renders_literally(browser: Browser, hostile_site: str) -> None:
    page = browser.new_page()
    page.goto(f"{hostile_site}trac-nghiem/{BANK}/")
    question = page.locator(f"#{QUESTION}")
    expect(question.locator("legend")).to_contain_text(HOSTILE)
    expect(question.locator("label").nth(2)).to_contain_text(HOSTILE)
    question.locator("label").nth(2).click()
    question.locator("[data-action=check]").click()
    expect(question.locator("details")).to_contain_text(HOSTILE)
    assert question.locator("details strong", has_text="đậm").count() == 0
    assert_inert(page)
    page.close()


@pytest.mark.parametrize("document", [f"{BANK}-de.html", f"{BANK}-dap-an.html"])
def test_markup_in_a_question_prints_literally(browser: Browser, hostile_site: str,
                                               document: str) -> None:
    page = browser.new_page()
    page.goto(f"{hostile_site}trac-nghiem/tap-huan/{document}")
    expect(page.locator("main .hg-sheet-q").first).to_contain_text(HOSTILE)
    assert_inert(page)
    page.close()


def test_exports_keep_the_text_as_typed(hostile_site: str) -> None:
    with urllib.request.urlopen(f"{hostile_site}trac-nghiem/tap-huan/{BANK}.aiken.txt") as r:
        aiken = r.read().decode("utf-8")
    assert aiken.startswith(f"{HOSTILE}\nA. ")
