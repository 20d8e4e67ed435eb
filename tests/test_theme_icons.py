"""The theme's icons are drawn once by assets/css/icons.css, exactly as Material draws them,
and the page frame holds no icon's SVG path any more; the frame's words are in one script
per language, not in every page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup

from hoagiai.language import LANGUAGES
from hoagiai.page_words import GLOBAL, WORDS, script_name, words_script
from hoagiai.render import t

ROOT = Path(__file__).resolve().parents[1]
OVERRIDDEN = ROOT / "overrides" / ".icons"
MATERIAL_ICONS = Path(material.__file__).parent / "templates" / ".icons"
ICONS_CSS = ROOT / "docs" / "assets" / "css" / "icons.css"
EMPTY_ICON = re.compile(r'^<svg viewBox="0 0 24 24" class="hg-icon-([\w-]+)"></svg>$', re.M)
RULE = re.compile(r'svg\.hg-icon-([\w-]+) \{ --hg-icon: url\("data:image/svg\+xml;charset=utf-8,'
                  r'(<svg [^"]*</svg>)"\); \}')


def overridden_icons() -> dict[str, Path]:
    """Each icon file the project overrides, by the class its empty <svg> carries."""
    found = {}
    for path in sorted(OVERRIDDEN.rglob("*.svg")):
        match = EMPTY_ICON.search(path.read_text(encoding="utf-8"))
        assert match, f"{path}: not an empty <svg> with its hg-icon- class"
        assert match.group(1) == path.stem, path
        found[path.stem] = path
    return found


def test_every_overridden_icon_is_drawn_from_materials_own_file() -> None:
    icons = overridden_icons()
    rules = dict(RULE.findall(ICONS_CSS.read_text(encoding="utf-8")))
    assert len(icons) >= 8
    assert sorted(rules) == sorted(icons)
    for name, path in icons.items():
        original = (MATERIAL_ICONS / path.relative_to(OVERRIDDEN)).read_text(encoding="utf-8")
        assert rules[name] == original.strip().replace('"', "'"), name


def test_the_words_script_holds_every_word_the_scripts_read() -> None:
    for lang in LANGUAGES:
        script = words_script(lang)
        assert script.startswith(f"window.{GLOBAL} = ") and script.endswith(";\n")
        words = json.loads(script.removeprefix(f"window.{GLOBAL} = ").removesuffix(";\n"))
        assert words == {name: {word: t(key, lang) for word, key in names.items()}
                         for name, names in WORDS.items()}
        assert words["search"]["other"].count("{count}") == 1  # filled in by search.js
    assert words_script("vi") != words_script("en")


@pytest.mark.build
def test_the_frame_has_no_icon_paths_and_no_words_blob(built_site: Path) -> None:
    icons = overridden_icons()
    for lang, prefix in zip(LANGUAGES, ("", "en/"), strict=True):
        for address in ("", "hoc-tap/ky-nang-hoa-giai/"):
            page = built_site / prefix / address / "index.html"
            html = page.read_text(encoding="utf-8")
            soup = BeautifulSoup(html, "html.parser")
            frame = [*soup.select("header.md-header, .md-sidebar--primary, footer.md-footer"),
                     *soup.select("button.md-top")]
            assert len(frame) == 4, page
            for part in frame:
                drawn = part.select("svg")
                assert drawn, page
                for svg in drawn:
                    assert not svg.contents, (page, str(svg)[:120])  # no <path>: drawn by CSS
                    assert svg["class"][0].removeprefix("hg-icon-") in icons, (page, svg)
            assert "data-hg-text" not in html, page
            words = [script["src"] for script in soup.select("head script[src]")]
            assert any(src.endswith(f"assets/js/{script_name(lang)}.js") for src in words), page
            assert (built_site / "assets" / "js" / f"{script_name(lang)}.js").read_text(
                encoding="utf-8") == words_script(lang)
    assert "assets/css/icons.css" in (built_site / "index.html").read_text(encoding="utf-8")
