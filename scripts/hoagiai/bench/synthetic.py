"""A synthetic copy of the project with N pages per language, spread over the real sections.

The copy keeps the real configuration, overrides, materials and pages, and adds
sources of the kinds the project has, written as an author writes them, until
its sections hold N pages per language. The project's own generator turns them
into pages, as it does the real ones:

- a training module (`docs/hoc-tap/`) with its question bank (`materials/quiz/`)
  makes three pages: the module, its quiz (`trac-nghiem/`) and its handout
  (`tai-lieu-in/`, with two PDFs);
- a story (`docs/cau-chuyen/`) or a page for citizens (`docs/nguoi-dan/`) is one page;
- a text of the legal library (`materials/legal/`, see `legal.py`) is one page (`van-ban/`).

Pages the project makes about other pages (section indexes, lists by topic or
year, audience pages, key points) are not counted. The glossary and the plan
are one set of pages each, made from one file whatever the size of the site,
so their share of the pages went to stories and citizens' pages; so does the
share of modules beyond the last number a module may have (Bài 99).

Both languages get the same pages (same paths, suffix layout); each authored
page links to two neighbours of its section and to one page elsewhere, so
MkDocs resolves links as it does on the real site.
"""

from __future__ import annotations

import json
import random
import shutil
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from hoagiai.bench import banks, kinds, legal
from hoagiai.bench.kinds import Pair, Sources
from hoagiai.bench.text import Filler, slugify
from hoagiai.citations import find_in_markdown
from hoagiai.frontmatter import split_front_matter
from hoagiai.modules.model import module_slug
from hoagiai.site import DEFAULT_LANGUAGE, LANGUAGES, language_of, localized_uri

PROJECT_PARTS = ("mkdocs.yml", "docs", "materials", "overrides")
MEDIATORS, TRAINERS, CITIZENS = "hoa-giai-vien", "tap-huan-vien", "nguoi-dan"


@dataclass(frozen=True)
class Drafting:
    """What every synthetic source is drawn from: the run's seed and the project's sources."""

    seed: int
    sources: Sources

    def layout(self, page: SyntheticPage, purpose: str = "") -> random.Random:
        """Structure, dates and citations of `page` (or of its `purpose`, such as its
        bank): the same for both languages."""
        return random.Random(f"{self.seed}:{page.base_uri}{purpose}")

    def filler(self, page: SyntheticPage, lang: str) -> Filler:
        return Filler(lang, zlib.crc32(f"{self.seed}:{page.base_uri}".encode()))

    def draft(self, page: SyntheticPage, lang: str) -> kinds.Draft:
        return kinds.Draft(page.number, lang, self.filler(page, lang), self.layout(page),
                           self.sources)

    def pair(self, page: SyntheticPage) -> Pair:
        return Pair({lang: self.filler(page, lang) for lang in LANGUAGES})


# What a unit adds to materials/: file paths (relative to it) and their text.
MaterialsMaker = Callable[["SyntheticPage", Drafting], dict[str, str]]


@dataclass(frozen=True)
class Section:
    """A real section of the site, its share of the pages added and how a unit of it is made."""

    folder: str
    share: float
    audience: tuple[str, ...]
    make: kinds.PageMaker | None = None  # its authored page, if it has one
    materials: MaterialsMaker | None = None  # what it adds to materials/
    pages: int = 1  # pages per language one unit makes


@dataclass(frozen=True)
class SyntheticPage:
    """One unit of a section: an authored page, a legal text, or a module with its bank."""

    section: Section
    slug: str
    number: int  # position in its section, from 1
    order: int  # its `order`: after the real pages of its section

    @property
    def base_uri(self) -> str:
        return f"{self.section.folder}/{self.slug}.md"


def _question_bank(page: SyntheticPage, drafting: Drafting) -> dict[str, str]:
    """A module's bank, named after it as the project requires."""
    text = banks.bank_yaml(page.slug, drafting.pair(page), drafting.layout(page, ":bank"),
                           drafting.sources.refs)
    return {f"quiz/{page.slug}.yml": text}


def _legal_text(page: SyntheticPage, drafting: Drafting) -> dict[str, str]:
    """A synthetic text of the library and its metadata."""
    text, sidecar = legal.document(page.slug, page.number, drafting.pair(page),
                                   drafting.layout(page), list(page.section.audience))
    return {f"legal/{page.slug}.md": text, f"legal/{page.slug}.yml": sidecar}


MODULES = Section("hoc-tap", 0.30, (MEDIATORS, TRAINERS), kinds.module_page, _question_bank,
                  pages=3)
LEGAL_TEXTS = Section("van-ban", 0.05, (MEDIATORS, TRAINERS, CITIZENS), None, _legal_text)
GUIDES = Section("nguoi-dan", 0.20, (CITIZENS,), kinds.guide_page)
STORIES = Section("cau-chuyen", 0.45, (MEDIATORS, CITIZENS), kinds.story_page)
# Stories and citizens' guidance grow fastest; legal texts are few but long.
SECTIONS: tuple[Section, ...] = (MODULES, LEGAL_TEXTS, GUIDES, STORIES)


@dataclass(frozen=True)
class RealProject:
    """What the synthetic sources need to know about the project they are added to."""

    pages: int  # pages per language it holds already (see `counted_pages`)
    next_order: dict[str, int]  # per section folder, the `order` after its last page
    last_module: int  # the highest number a module may have (module.schema.json)
    sources: Sources

    @property
    def module_room(self) -> int:
        return max(self.last_module - self.next_order.get(MODULES.folder, 1) + 1, 0)


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


def counted_pages(project: Path) -> int:
    """Pages per language made one per source: every authored page, and the handout, quiz or
    library page made from each module, question bank and legal text."""
    docs, materials = project / "docs", project / "materials"
    authored = [uri for uri in _uris(docs) if language_of(uri) == DEFAULT_LANGUAGE]
    modules = [uri for uri in authored if module_slug(uri) is not None]
    data = [*(materials / "quiz").glob("*.yml"), *(materials / "legal").glob("*.yml")]
    return len(authored) + len(modules) + len(data)


def read_project(project: Path) -> RealProject:
    docs, materials = project / "docs", project / "materials"
    schema = json.loads((materials / "schemas" / "module.schema.json").read_text(encoding="utf-8"))
    tags = yaml.safe_load((materials / "story-tags.yml").read_text(encoding="utf-8"))["tags"]
    return RealProject(
        pages=counted_pages(project),
        next_order=_next_orders(docs),
        last_module=schema["properties"]["order"]["maximum"],
        sources=Sources(_citations(docs), tuple(tag["id"] for tag in tags)),
    )


def _uris(docs: Path) -> list[str]:
    return sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))


def _citations(docs: Path) -> tuple[str, ...]:
    """Every citation the real pages make: the project builds, so each one resolves."""
    return tuple(sorted({found.ref for uri in _uris(docs)
                         for found in find_in_markdown((docs / uri).read_text(encoding="utf-8"))}))


def _next_orders(docs: Path) -> dict[str, int]:
    """Per section folder, one more than the highest `order` of its pages (index aside)."""
    found: dict[str, int] = {}
    for uri in _uris(docs):
        folder, _, name = uri.rpartition("/")
        if not folder or name.startswith("index.") or language_of(uri) != DEFAULT_LANGUAGE:
            continue
        front, _ = split_front_matter((docs / uri).read_text(encoding="utf-8"), uri)
        order = front.meta.get("order", 0)
        found[folder] = max(found.get(folder, 1), order + 1 if isinstance(order, int) else 1)
    return found


def shares(total: int, sections: tuple[Section, ...] = SECTIONS) -> list[int]:
    """`total` split by each section's share, largest remainders first; sums to `total`."""
    exact = [total * section.share / sum(s.share for s in sections) for section in sections]
    counts = [int(value) for value in exact]
    by_remainder = sorted(range(len(sections)), key=lambda i: exact[i] - counts[i], reverse=True)
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return counts


def unit_counts(total: int, module_room: int) -> list[int]:
    """Units per section making `total` pages: modules come whole (three pages) and at most
    `module_room` of them; the pages they cannot take go to the sections of one-page units."""
    units = [count // section.pages for section, count in zip(SECTIONS, shares(total),
                                                               strict=True)]
    units[SECTIONS.index(MODULES)] = min(units[SECTIONS.index(MODULES)], module_room)
    spare = total - sum(count * section.pages for section, count in zip(SECTIONS, units,
                                                                        strict=True))
    single = tuple(section for section in SECTIONS if section.pages == 1)
    for section, extra in zip(single, shares(spare, single), strict=True):
        units[SECTIONS.index(section)] += extra
    return units


def plan_pages(total: int, project: RealProject, seed: int = 0) -> list[SyntheticPage]:
    """Which units to write for `total` pages, with unique slugs (word-like, or `gialapN`)."""
    pages: list[SyntheticPage] = []
    for section, count in zip(SECTIONS, unit_counts(total, project.module_room), strict=True):
        names = Filler(DEFAULT_LANGUAGE, seed + len(pages))
        first = project.next_order.get(section.folder, 1)
        for number in range(1, count + 1):
            slug = (legal.document_id(number) if section is LEGAL_TEXTS
                    else f"{slugify(names.phrase(2, 4))[:40].strip('-')}-{number}")
            pages.append(SyntheticPage(section, slug, number, first + number - 1))
    return pages


def page_text(page: SyntheticPage, lang: str, neighbours: list[str], drafting: Drafting) -> str:
    """The Markdown file of one authored synthetic page in one language, front matter included."""
    assert page.section.make is not None
    draft = drafting.draft(page, lang)
    shape = page.section.make(draft)
    meta = {
        "title": draft.text.title(),
        "description": draft.text.description(),
        "audience": list(page.section.audience),
        "order": page.order,
        **shape.meta,
    }
    links = " · ".join(f"[{draft.text.title(2, 4)}]({target})" for target in neighbours)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n\n{draft.text.paragraph(1, 2)}\n\n{shape.body}\n\n{links}\n"


def relative_link(source: SyntheticPage, target: SyntheticPage) -> str:
    if source.section.folder == target.section.folder:
        return f"{target.slug}.md"
    return f"../{target.base_uri}"


def write_pages(project: Path, pages: list[SyntheticPage], drafting: Drafting) -> None:
    """Every unit's sources: its pages in every language, and what it adds to materials/."""
    for page in pages:
        if page.section.materials is not None:
            for rel, text in page.section.materials(page, drafting).items():
                _write(project / "materials" / rel, text)
    authored = [page for page in pages if page.section.make is not None]
    for index, page in enumerate(authored):
        for lang in LANGUAGES:
            text = page_text(page, lang, _neighbours(authored, index), drafting)
            _write(project / "docs" / localized_uri(page.base_uri, lang), text)


def _neighbours(pages: list[SyntheticPage], index: int) -> list[str]:
    """Links to the pages before and after in the same section, and to one elsewhere."""
    page = pages[index]
    same = [p for p in (pages[index - 1], pages[(index + 1) % len(pages)])
            if p.section == page.section and p != page]
    elsewhere = pages[(index * 7919 + len(pages) // 2) % len(pages)]
    return [relative_link(page, p) for p in [*same, elsewhere] if p != page]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_project(source: Path, destination: Path, pages_per_language: int, seed: int = 0) -> int:
    """Copy the project and fill its sections to N pages per language; returns the pages added."""
    copy_project(source, destination)
    project = read_project(destination)
    missing = max(pages_per_language - project.pages, 0)
    pages = plan_pages(missing, project, seed)
    texts = [ref for page in pages if page.section is LEGAL_TEXTS
             for ref in legal.citable(page.slug)]
    sources = Sources(project.sources.refs + tuple(texts), project.sources.tags)
    write_pages(destination, pages, Drafting(seed, sources))
    return missing
