"""What a build holds between converting a language's pages and rendering them.

MkDocs converts every page of a language before it renders the first: the wing lets each
page's Markdown go and keeps its HTML packed in the meantime, and gives the HTML back before
any plugin sees the page's context (a build of 500 pages per language: 172 MiB at its peak
before, 154 MiB after).
"""

from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from hoagiai.mkdocs_adapter.plugin import HoagiaiPlugin
from support.project import ROOT


def test_a_converted_page_waits_packed_until_its_context_is_made() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["hoagiai"]
    assert isinstance(plugin, HoagiaiPlugin)
    file = File("gioi-thieu.md", config.docs_dir, config.site_dir, True)
    page = Page("Giới thiệu", file, config)
    page.markdown = "# Giới thiệu\n"
    html = "<p>" + "Hòa giải viên lắng nghe hai bên. " * 3000 + "</p>"

    page.content = plugin._pack_page_html(html, page, config, Files([file]))
    assert page.markdown == "" and page.content == ""
    assert plugin._converted["gioi-thieu.md"].packed_bytes < len(html) / 20
    plugin._unpack_page_html({}, page, config, Navigation([], []))
    assert page.content == html and not plugin._converted


def test_the_html_is_packed_after_every_plugin_and_back_before_any() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["hoagiai"]
    converted = config.plugins.events["page_content"]
    context = config.plugins.events["page_context"]
    assert converted[-1] == plugin._pack_page_html, converted
    assert context[0] == plugin._unpack_page_html, context
