"""The generator's layers, declared here and checked over its imports (see DEVELOPING.md,
"Architecture"): a module may import its own layer and the layers below it, never one above;
no two parts import each other, even through others; only the MkDocs wing imports MkDocs,
Material or mkdocs-static-i18n. A new top-level module or package must be given a layer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.layers import Layer, check
from support.project import ROOT

PACKAGE = ROOT / "scripts" / "hoagiai"
WING = "mkdocs_adapter"
# MkDocs, Material for MkDocs and mkdocs-static-i18n, as Python imports them.
THEME_LIBRARIES = ("mkdocs", "material", "mkdocs_static_i18n")

# Top to bottom. Within a layer, parts may import each other as long as there is no circle.
LAYERS: list[Layer] = [
    # The MkDocs wing: MkDocs' plugins `hoagiai` and `hoagiai/theme`. Nothing imports it.
    ("wing", [WING]),
    # The command line.
    ("commands", ["", "__main__", "cli", "commands"]),
    # Tools the commands run: publishing, the benchmark, the review sheet, the plain project.
    ("tools", ["bench", "materialize", "publish", "review"]),
    # The pipeline and the list of features it runs.
    ("pipeline", ["pipeline", "features"]),
    # One package or module per feature of the site.
    ("features", ["audiences", "citizens", "contacts", "glossary", "kit", "learning", "legal",
                  "listen", "modules", "offline_app", "page_words", "pages", "plan", "print_links",
                  "quiz", "safety.feature", "scenarios", "search", "sharing", "stacked_tables",
                  "stories"]),
    # What every feature stands on: the model, sources, problems, addresses, rendering, the
    # content-safety rules (`safety.limits` on its own: the YAML parser stands on it).
    ("core", ["cache_files", "citations", "crawlers", "errors", "feature", "frontmatter",
              "html_tags", "html_tokens", "language", "materials", "packed", "pagination",
              "printing", "problems", "recent", "render", "safety", "safety.limits",
              "schema_messages",
              "schemas", "site", "site_markdown", "site_url", "sitemap", "unicode_nfc", "unique",
              "urls", "workers", "yamlpos"]),
]


def test_the_generator_keeps_its_layers() -> None:
    found = check(PACKAGE, LAYERS, THEME_LIBRARIES, allowed_in=WING)
    assert found.unplaced == [], "modules in no layer (add them to LAYERS)"
    assert found.upward == [], "imports from a lower layer up"
    assert found.forbidden == [], f"imports of {THEME_LIBRARIES} outside {WING}"
    assert found.cycles == [], "parts that import each other"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A small package with one of each fault."""
    package = tmp_path / "pkg"
    files = {
        "__init__.py": "",
        "wing/__init__.py": "import mkdocs\n",
        "top.py": "from pkg import low\n",
        "low.py": "def f():\n    from pkg.top import x  # upward, inside a function\n",
        "a.py": "from . import b\n",
        "b/__init__.py": "from pkg.c import y\n",
        "c.py": "import pkg.a\nfrom material.extensions import emoji\n",
        "stray.py": "",
    }
    for name, text in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")
    return package


def test_the_check_finds_each_fault(broken: Path) -> None:
    layers: list[Layer] = [("wing", ["wing"]), ("top", ["", "top"]),
                           ("low", ["low", "a", "b", "c"])]
    found = check(broken, layers, THEME_LIBRARIES, allowed_in="wing")
    assert found.unplaced == ["pkg.stray"]
    assert [line.split(": ", 1)[1] for line in found.upward] == [
        "pkg.low imports pkg.top (low → top)", "pkg.low imports pkg.top.x (low → top)"]
    assert [line.split(": ", 1)[1] for line in found.forbidden] == [
        "pkg.c imports material.extensions", "pkg.c imports material.extensions.emoji"]
    assert found.cycles == [["pkg.a", "pkg.b", "pkg.c"], ["pkg.low", "pkg.top"]]
