"""`hoagiai materialize`: the content as a plain MkDocs project, built with stock MkDocs +
Material + static-i18n (no hoagiai plugin), against the real site (`built_site`)."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from hoagiai.errors import UsageError
from hoagiai.materialize import builds, config, project, theme
from support.project import ROOT

HEADING_ID = re.compile(r'<h[1-6][^>]*\sid="([^"]+)"')
COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
PLUGIN_NAMES = re.compile(r"hg_t\(|hg_nav_window|(?<![\w.-])hg\.|(?<![\w.-])hg is defined")


@dataclass(frozen=True)
class Stock:
    project: Path
    site: Path
    progress: str


@pytest.fixture(scope="module")
def stock(tmp_path_factory: pytest.TempPathFactory) -> Stock:
    """The real project materialized once, and built once with stock `mkdocs build --strict`."""
    work = tmp_path_factory.mktemp("materialize")
    made = subprocess.run(
        [sys.executable, "-m", "hoagiai", "--root", str(ROOT), "materialize",
         str(work / "project")], capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    builds.mkdocs_build(work / "project", work / "site")
    return Stock(work / "project", work / "site", made.stderr)


def test_templates_lose_every_plugin_name() -> None:
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        text = COMMENT.sub("", theme.rewritten(path.read_text(encoding="utf-8")))
        assert not PLUGIN_NAMES.search(text), path.name
    assert theme.rewritten('{{ hg_t("theme.nav_more", count=count) }}') == (
        '{{ (config.extra.hg_text[config.theme.language]["theme.nav_more"]'
        ' | replace("{count}", count | string)) }}')


def test_config_keeps_python_names() -> None:
    text = "a: !!python/name:material.extensions.emoji.twemoji\n"
    assert config.read(config.dump(config.read(text))) == config.read(text)
    assert "!!python/name:material.extensions.emoji.twemoji" in config.dump(config.read(text))


def test_never_empties_the_project_or_a_foreign_folder(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="holds the project"):
        project.write(ROOT, ROOT)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UsageError, match="already holds other files"):
        project.write(ROOT, tmp_path)
    assert (tmp_path / "notes.txt").is_file()


@pytest.mark.build
def test_project_needs_no_plugin(stock: Stock) -> None:
    settings = config.read((stock.project / "mkdocs.yml").read_text(encoding="utf-8"))
    real = config.read((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert [next(iter(p)) if isinstance(p, dict) else p for p in settings["plugins"]] == ["i18n"]
    assert "hooks" not in settings
    for key in ("theme", "markdown_extensions", "extra_css", "validation"):
        assert settings[key] == real[key], key
    assert settings["extra"]["hg_text"]["en"]["theme.top"]
    templates = sorted((stock.project / "overrides").rglob("*.html"))
    assert templates and not any(
        PLUGIN_NAMES.search(COMMENT.sub("", path.read_text(encoding="utf-8")))
        for path in templates)
    # Generated pages are real Markdown files, with citations already turned into links.
    docs = stock.project / "docs"
    assert (docs / "trac-nghiem").is_dir() and list(docs.rglob("*.en.md"))
    assert not any("[[luat35:" in page.read_text(encoding="utf-8")
                   for page in docs.rglob("*.md"))


@pytest.mark.build
def test_stock_build_has_every_page_and_heading(stock: Stock, built_site: Path) -> None:
    assert "materialize: xong / done" in stock.progress
    real_pages = sorted(path.relative_to(built_site).as_posix()
                        for path in built_site.rglob("*.html"))
    assert any(page.startswith("en/") for page in real_pages)
    assert any(not page.startswith("en/") for page in real_pages)
    missing, headings, lost = [], 0, []
    for page in real_pages:
        place = stock.site / project.MOVED_PAGES.get(page, page)
        if not place.is_file():
            missing.append(page)
            continue
        wanted = set(HEADING_ID.findall((built_site / page).read_text(encoding="utf-8")))
        found = set(re.findall(r'\sid="([^"]+)"', place.read_text(encoding="utf-8")))
        headings += len(wanted)
        lost += [f"{page}#{anchor}" for anchor in sorted(wanted - found)]
    assert missing == []
    assert headings > 1000 and lost == []
