"""Front matter in the theme's <head>: a description or title with `"`, `<` and `&` is
written as text in every attribute and element, whether it reaches the templates as plain
text or already escaped by the bridge plugin (`theme_text`), and never escaped twice.

Renders the real theme (Material with overrides/) through the environment MkDocs makes
for it and the wing's plugins set up; the full build with markup in every description is
tests/test_content_escaping.py.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import jinja2
import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from hoagiai.mkdocs_adapter import theme_text
from hoagiai.mkdocs_adapter.plugin import HoagiaiPlugin
from hoagiai.mkdocs_adapter.theme import ThemePlugin
from support.project import ROOT

DESCRIPTION = 'Hòa giải "tại chỗ" <b>nhanh</b> & gọn'
TITLE = 'Tổ hòa giải <i>"số 1"</i> & cộng đồng'
HEAD_BLOCKS = ("site_meta", "htmltitle")  # main.html's own, and what its extrahead includes:
HEAD_PARTIAL = "partials/hg-head.html"


@pytest.fixture(scope="module")
def theme() -> tuple[MkDocsConfig, jinja2.Environment]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    env = config.theme.get_env()
    for name, kind in (("hoagiai", HoagiaiPlugin), ("hoagiai/theme", ThemePlugin)):
        assert isinstance(config.plugins[name], kind)  # mkdocs.yml lists the wing's plugins
        config.plugins[name].on_env(env, config, Files([]))
    return config, env


def head(theme: tuple[MkDocsConfig, jinja2.Environment], meta: dict[str, Any]) -> str:
    """The <head> parts main.html writes for a page with front matter `meta`."""
    config, env = theme
    page = SimpleNamespace(meta=meta, title=meta["title"], canonical_url=None,
                           previous_page=None, next_page=None, url="gioi-thieu/")
    values = {"config": config, "page": page, "base_url": "..", "mkdocs_version": "1.6"}
    template = env.get_template("main.html")
    context = template.new_context(values)
    blocks = "".join(part for block in HEAD_BLOCKS for part in template.blocks[block](context))
    return blocks + env.get_template(HEAD_PARTIAL).render(values)


@pytest.mark.parametrize("shown", ["plain", "escaped by the bridge"])
def test_description_and_title_are_text_in_the_head(theme, shown: str) -> None:
    meta = {"title": TITLE, "description": DESCRIPTION}
    html = head(theme, theme_text.escaped_meta(meta) if shown != "plain" else meta)
    assert "<b>" not in html and "<i>" not in html and "&amp;amp;" not in html
    soup = BeautifulSoup(html, "html.parser")
    described = [soup.find("meta", attrs={"name": "description"}),
                 soup.find("meta", property="og:description")]
    assert [tag["content"] for tag in described] == [DESCRIPTION] * 2
    assert soup.find("meta", property="og:title")["content"] == TITLE
    assert soup.title.get_text().startswith(TITLE + " – ")
    assert 'content="Hòa giải &#34;tại chỗ&#34; &lt;b&gt;nhanh&lt;/b&gt; &amp; gọn"' in html
