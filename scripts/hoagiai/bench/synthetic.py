"""A synthetic copy of the project with N pages per language, spread over the real sections.

The copy keeps the real configuration, overrides, materials and pages, and
fills each section with pages of its kind (see `kinds.py`) until every language
has N authored pages. Both languages get the same pages (same paths, suffix
layout), each page links to two neighbours of its section and to one page
elsewhere, so MkDocs resolves links as it does on the real site.
"""

from __future__ import annotations

import shutil
import zlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from hoagiai.bench import kinds
from hoagiai.bench.text import Filler, slugify
from hoagiai.site import DEFAULT_LANGUAGE, LANGUAGES, language_of, localized_uri

PROJECT_PARTS = ("mkdocs.yml", "docs", "materials", "overrides")
MEDIATORS, TRAINERS, CITIZENS = "hoa-giai-vien", "tap-huan-vien", "nguoi-dan"


@dataclass(frozen=True)
class Section:
    """A real section of the site, its share of the synthetic pages and the kind of its pages."""

    folder: str
    share: float
    make: kinds.PageMaker
    audience: tuple[str, ...]


# Stories and citizens' guidance grow fastest; legal texts are few but long.
SECTIONS: tuple[Section, ...] = (
    Section("hoc-tap", 0.10, kinds.module_page, (MEDIATORS, TRAINERS)),
    Section("trac-nghiem", 0.10, kinds.quiz_page, (MEDIATORS, TRAINERS)),
    Section("van-ban", 0.05, kinds.legal_page, (MEDIATORS, TRAINERS, CITIZENS)),
    Section("nguoi-dan", 0.15, kinds.guide_page, (CITIZENS,)),
    Section("cau-chuyen", 0.35, kinds.story_page, (MEDIATORS, CITIZENS)),
    Section("thuat-ngu", 0.05, kinds.glossary_page, (MEDIATORS, TRAINERS, CITIZENS)),
    Section("tai-lieu-in", 0.10, kinds.handout_page, (TRAINERS,)),
    Section("ke-hoach", 0.10, kinds.plan_page, (TRAINERS, CITIZENS)),
)

# Page-specific assets the synthetic pages ask for. Until the quiz engine is
# merged the project has none, so a stand-in file keeps links valid.
STAND_IN_ASSETS = {
    "assets/js/quiz.js": "// Stand-in for the quiz engine (hoagiai bench).\n",
    "assets/css/quiz.css": "/* Stand-in for the quiz styles (hoagiai bench). */\n",
}


@dataclass(frozen=True)
class SyntheticPage:
    section: Section
    slug: str
    number: int  # position in its section, from 1

    @property
    def base_uri(self) -> str:
        return f"{self.section.folder}/{self.slug}.md"


def copy_project(source: Path, destination: Path) -> Path:
    """The project's configuration, overrides, materials and pages (not its tests or builds)."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        origin = source / part
        if origin.is_dir():
            shutil.copytree(origin, destination / part, dirs_exist_ok=True)
        elif origin.is_file():
            shutil.copy2(origin, destination / part)
    return destination


def authored_pages(docs: Path) -> int:
    """Pages per language already in `docs` (Vietnamese files count; twins are required)."""
    return sum(
        1 for path in docs.rglob("*.md")
        if language_of(path.relative_to(docs).as_posix()) == DEFAULT_LANGUAGE
    )


def shares(total: int, sections: tuple[Section, ...] = SECTIONS) -> list[int]:
    """`total` split by each section's share, largest remainders first; sums to `total`."""
    exact = [total * section.share / sum(s.share for s in sections) for section in sections]
    counts = [int(value) for value in exact]
    by_remainder = sorted(range(len(sections)), key=lambda i: exact[i] - counts[i], reverse=True)
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return counts


def plan_pages(total: int, seed: int = 0) -> list[SyntheticPage]:
    """Which pages to write: `total` pages over the sections, with unique word-like slugs."""
    pages: list[SyntheticPage] = []
    for section, count in zip(SECTIONS, shares(total), strict=True):
        names = Filler(DEFAULT_LANGUAGE, seed + len(pages))
        for number in range(1, count + 1):
            slug = f"{slugify(names.phrase(2, 4))[:40].strip('-')}-{number}"
            pages.append(SyntheticPage(section, slug, number))
    return pages


def page_text(page: SyntheticPage, lang: str, neighbours: list[str], seed: int = 0) -> str:
    """The Markdown file of one synthetic page in one language, front matter included."""
    text = Filler(lang, zlib.crc32(f"{seed}:{page.base_uri}".encode()))
    shape = page.section.make(text, lang)
    meta = {
        "title": text.title(),
        "description": text.description(),
        "audience": list(page.section.audience),
        "order": page.number,
        **shape.meta,
    }
    links = " · ".join(f"[{text.title(2, 4)}]({target})" for target in neighbours)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n\n{text.paragraph(1, 2)}\n\n{shape.body}\n\n{links}\n"


def relative_link(source: SyntheticPage, target: SyntheticPage) -> str:
    if source.section.folder == target.section.folder:
        return f"{target.slug}.md"
    return f"../{target.base_uri}"


def write_pages(docs: Path, pages: list[SyntheticPage], seed: int = 0) -> None:
    """Every synthetic page in every language, plus stand-ins for page assets not yet merged."""
    for index, page in enumerate(pages):
        same = [p for p in (pages[index - 1], pages[(index + 1) % len(pages)])
                if p.section == page.section and p != page]
        elsewhere = pages[(index * 7919 + len(pages) // 2) % len(pages)]
        neighbours = [relative_link(page, p) for p in [*same, elsewhere] if p != page]
        folder = docs / page.section.folder
        folder.mkdir(parents=True, exist_ok=True)
        for lang in LANGUAGES:
            target = docs / localized_uri(page.base_uri, lang)
            target.write_text(page_text(page, lang, neighbours, seed), encoding="utf-8")
    for rel, content in STAND_IN_ASSETS.items():
        asset = docs / rel
        if not asset.exists():
            asset.parent.mkdir(parents=True, exist_ok=True)
            asset.write_text(content, encoding="utf-8")


def make_project(source: Path, destination: Path, pages_per_language: int, seed: int = 0) -> int:
    """Copy the project and fill it to N pages per language; returns the pages added."""
    copy_project(source, destination)
    docs = destination / "docs"
    missing = max(pages_per_language - authored_pages(docs), 0)
    write_pages(docs, plan_pages(missing, seed), seed)
    return missing
