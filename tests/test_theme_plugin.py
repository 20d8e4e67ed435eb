"""The theme plugin `hoagiai/theme` and its switch: on, Material's scripts leave the site, the
HTML loses its indentation and a long sidebar section shows a window; `enabled: false` leaves
Material as it ships. Plain calls of its event handlers (the real site is built with it on)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from hoagiai.mkdocs_adapter.navwindow import DEFAULT_LIMIT
from hoagiai.mkdocs_adapter.theme import ThemePlugin
from support.project import ROOT

INDENTED = "<ul>\n    <li>a</li>\n    <li>b</li>\n</ul>\n"


def plugin(enabled: bool) -> ThemePlugin:
    theme = ThemePlugin()
    errors, warnings = theme.load_config({"enabled": enabled})
    assert errors == [] and warnings == []
    return theme


def theme_files(tmp_path: Path) -> tuple[Files, SimpleNamespace]:
    docs, theme_dir = tmp_path / "docs", tmp_path / "material"
    config = SimpleNamespace(docs_dir=str(docs), site_dir=str(tmp_path / "site"))
    files = Files([File("assets/javascripts/bundle.min.js", str(theme_dir), config.site_dir, True),
                   File("assets/javascripts/site.js", str(docs), config.site_dir, True),
                   File("assets/stylesheets/main.css", str(theme_dir), config.site_dir, True)])
    return files, config


class Entry(SimpleNamespace):
    is_index = False


def long_section() -> tuple[Entry, list[Entry]]:
    section = Entry(parent=None, children=[])
    section.children = [Entry(parent=section, children=None) for _ in range(DEFAULT_LIMIT * 2)]
    return section, section.children


@pytest.mark.parametrize("enabled", [True, False])
def test_the_switch_turns_every_slimming_on_or_off(tmp_path: Path, enabled: bool) -> None:
    theme = plugin(enabled)
    files, config = theme_files(tmp_path)
    kept = [file.src_uri for file in theme.on_files(files, config)]
    assert kept == (["assets/javascripts/site.js", "assets/stylesheets/main.css"] if enabled
                    else ["assets/javascripts/bundle.min.js", "assets/javascripts/site.js",
                          "assets/stylesheets/main.css"])
    page = theme.on_post_page(INDENTED, page=None, config=config)
    assert (page == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n") is enabled
    assert (page == INDENTED) is not enabled
    not_found = theme.on_post_template(INDENTED, template_name="404.html", config=config)
    assert not_found == page
    section, entries = long_section()
    theme.on_nav(SimpleNamespace(items=[section]), config, files)
    env = jinja2.Environment()
    env.policies["json.dumps_kwargs"] = {"sort_keys": True}
    theme.on_env(env, config, files)
    window = env.globals["hg_nav_window"](section, entries[3])
    assert len(window.items) == (DEFAULT_LIMIT if enabled else len(entries))
    assert env.policies["json.dumps_kwargs"].get("ensure_ascii", True) is not enabled


def test_the_theme_lists_the_files_mkdocs_copies_without_walking_the_icons() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    stock_env = config.theme.get_env()
    ThemePlugin().on_config(config)
    env = config.theme.get_env()
    stock, listed = Files([]), Files([])
    stock.add_files_from_theme(stock_env, config)
    listed.add_files_from_theme(env, config)
    assert sorted(file.src_uri for file in listed) == sorted(file.src_uri for file in stock)
    assert "assets/images/favicon.png" in {file.src_uri for file in listed}
    hidden = [name for name in stock_env.list_templates() if name.startswith(".icons/")]
    assert len(hidden) > 10_000 and not set(hidden) & set(env.list_templates())
    assert env.get_template("main.html").render  # templates load as before
