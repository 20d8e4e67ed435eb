"""Handout PDFs are rendered again only when their module changed.

The check needs two things, given as a `HandoutCacheProbe`: a way to render the
handouts of a project and learn which PDFs were really rendered (not taken from
the cache), and a way to change one module. `PROBE` does both with the real
modules feature, on a copy of the project with a cache of its own.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hoagiai.frontmatter import split_front_matter
from hoagiai.modules.feature import ModulesFeature
from hoagiai.pipeline import load_site
from hoagiai.printing.pdf import CACHE_VARIABLE
from hoagiai.site import DEFAULT_LANGUAGE, Paths
from hoagiai.urls import language_of


@dataclass(frozen=True)
class HandoutCacheProbe:
    render: Callable[[Path], set[str]]  # render every handout; the PDFs actually rendered
    edit_module: Callable[[Path], str]  # change one module's source; its slug


@dataclass(frozen=True)
class HandoutCacheResult:
    cold: frozenset[str]  # rendered on the first run (all)
    unchanged: frozenset[str]  # rendered again with nothing changed (should be none)
    edited_module: str
    after_edit: frozenset[str]  # rendered after one module changed (only its PDFs)

    @property
    def holds(self) -> bool:
        return (
            bool(self.cold) and not self.unchanged and bool(self.after_edit)
            and all(self.edited_module in pdf for pdf in self.after_edit)
        )


def render_handouts(project: Path) -> set[str]:
    """Make every PDF of `project` with its own cache (`.cache/handouts/` inside it, never a
    cache shared through $HOAGIAI_CACHE_DIR); the names of those really rendered."""
    shared = os.environ.pop(CACHE_VARIABLE, None)
    try:
        feature = ModulesFeature()
        for item in feature.generate(load_site(Paths.at(project)), []):
            item.content  # noqa: B018 — a PDF is made when its content is asked for
    finally:
        if shared is not None:
            os.environ[CACHE_VARIABLE] = shared
    assert feature.pdfs is not None
    return set(feature.pdfs.rendered)


def retitle_first_module(project: Path) -> str:
    """Change the Vietnamese title of the first module (by file name); its slug."""
    page = min((project / "docs" / "hoc-tap").glob("*.md"),
               key=lambda path: (path.name == "index.md"
                                 or language_of(path.name) != DEFAULT_LANGUAGE, path))
    text = page.read_text(encoding="utf-8")
    title = split_front_matter(text, page.name)[0].meta["title"]
    retitled = json.dumps(f"{title} (sửa)", ensure_ascii=False)  # a valid YAML string
    page.write_text(re.sub(r"^title: .*$", f"title: {retitled}", text, count=1, flags=re.M),
                    encoding="utf-8")
    return page.stem


PROBE = HandoutCacheProbe(render_handouts, retitle_first_module)


def check_handout_cache(project: Path, probe: HandoutCacheProbe) -> HandoutCacheResult:
    """Render three times: cold, unchanged, after editing one module."""
    cold = probe.render(project)
    unchanged = probe.render(project)
    edited = probe.edit_module(project)
    after = probe.render(project)
    return HandoutCacheResult(frozenset(cold), frozenset(unchanged), edited, frozenset(after))
