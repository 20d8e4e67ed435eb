"""The site map: every section of the site, read once from `materials/site.yml`.

A section is a folder of the site (`trac-nghiem/`) or a page on its own
(`gioi-thieu/`): its address, its place in the navigation, the schema of its
authored pages, whom its generated pages are for, the feature that owns it,
whether the glossary marks terms on it, and the kinds of page the publish gate
opens there. Code names a section by its `key` (`SITE_MAP["quizzes"].slug`),
never by its address. The map belongs to the code, not to the content: it is read
from this project's own `materials/site.yml`, whatever `--root` a command is given.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hoagiai.problems import Problem, Report, problem
from hoagiai.schemas import SchemaSet
from hoagiai.yamlpos import YamlDocument, parse_yaml

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SITE_MAP_FILE = PROJECT_ROOT / "materials" / "site.yml"
SCHEMA = "site"
PLAIN_SCHEMA = "page"


@dataclass(frozen=True)
class PlacedPage:
    """A generated page whose navigation order (and audiences) the map sets."""

    path: str  # e.g. "trac-nghiem/tap-huan.md"
    order: int
    audiences: tuple[str, ...]

    @property
    def audience(self) -> list[str]:
        """The front matter's `audience` for its pages (a new list each time)."""
        return list(self.audiences)


@dataclass(frozen=True)
class Section:
    key: str
    slug: str
    order: int
    feature: str
    audiences: tuple[str, ...]
    page_kinds: tuple[tuple[str, str], ...]  # kind -> example address inside the section
    page_schema: str = PLAIN_SCHEMA
    index_schema: str = PLAIN_SCHEMA
    glossary: bool = True
    single_page: bool = False
    pages: dict[str, PlacedPage] = field(default_factory=dict, hash=False, compare=False)

    @property
    def audience(self) -> list[str]:
        """The front matter's `audience` for its pages (a new list each time)."""
        return list(self.audiences)

    @property
    def folder(self) -> str:
        """The section's address: `trac-nghiem/`."""
        return f"{self.slug}/"

    @property
    def index(self) -> str:
        """The source of its first page: `trac-nghiem/index.md` (`gioi-thieu.md` for a page)."""
        return f"{self.slug}.md" if self.single_page else f"{self.slug}/index.md"

    def path(self, name: str) -> str:
        """A path inside the section: `path("tap-huan.md")` is `trac-nghiem/tap-huan.md`."""
        return f"{self.slug}/{name}"

    def page(self, name: str) -> PlacedPage:
        """The placed page `name` (its address inside the section, `tap-huan`)."""
        return self.pages[name]

    def address(self, example: str) -> str:
        """A site-relative address of a page in the section ("" is its first page)."""
        return f"{self.folder}{example}"


@dataclass(frozen=True)
class SiteMap:
    sections: tuple[Section, ...]
    page_kinds: tuple[tuple[str, str], ...]  # pages outside every section (home, 404)

    def __getitem__(self, key: str) -> Section:
        return next(section for section in self.sections if section.key == key)

    def __iter__(self) -> Iterator[Section]:
        return iter(self.sections)

    def in_navigation_order(self) -> list[Section]:
        return sorted(self.sections, key=lambda section: section.order)

    def all_page_kinds(self) -> dict[str, str]:
        """Every kind of page the publish gate opens -> its site-relative address."""
        kinds = dict(self.page_kinds)
        for section in self.in_navigation_order():
            kinds.update({kind: section.address(example) for kind, example in section.page_kinds})
        return kinds


def read_site_map(text: str, shown_as: str, schemas: SchemaSet) -> tuple[SiteMap | None,
                                                                          list[Problem]]:
    """The map in `text` (named `shown_as` in messages), or None and what is wrong with it."""
    document, problems = parse_yaml(text, shown_as)
    if not problems:
        problems = schemas.validate(document, SCHEMA) if document.data is not None else [
            problem(document.location(), "tệp trống", "viết lại bản đồ trang theo mẫu trong kho mã",
                    "the file is empty", "write the site map again from the repository")]
    if not problems:
        problems = _repeated(document, "order") + _repeated(document, "slug") + \
            _repeated(document, "key")
    return (None, problems) if problems else (_site_map(document.data), [])


def _repeated(document: YamlDocument, name: str) -> list[Problem]:
    """A second section with the same order (slug, key) as an earlier one."""
    seen: dict[Any, str] = {}
    found = []
    for number, item in enumerate(document.data["sections"]):
        value = item[name]
        if value in seen:
            found.append(problem(
                document.location(("sections", number, name)),
                f"mục “{item['slug']}” có {name}: {value} trùng với mục “{seen[value]}”",
                f"đổi {name} của một trong hai mục thành một giá trị chưa mục nào dùng",
                f"section “{item['slug']}” has {name}: {value}, the same as “{seen[value]}”",
                f"change the {name} of one of the two to a value no other section uses",
            ))
        seen.setdefault(value, item["slug"])
    return found


def _site_map(data: dict[str, Any]) -> SiteMap:
    return SiteMap(tuple(_section(item) for item in data["sections"]),
                   tuple(data["page_kinds"].items()))


def _section(item: dict[str, Any]) -> Section:
    audiences = tuple(item["audiences"])
    pages = {
        name: PlacedPage(f"{item['slug']}/{name}.md", placed["order"],
                         tuple(placed.get("audiences", audiences)))
        for name, placed in item.get("pages", {}).items()
    }
    return Section(
        key=item["key"], slug=item["slug"], order=item["order"], feature=item["feature"],
        audiences=audiences, page_kinds=tuple(item["page_kinds"].items()),
        page_schema=item.get("page_schema", PLAIN_SCHEMA),
        index_schema=item.get("index_schema", PLAIN_SCHEMA),
        glossary=item.get("glossary", True), single_page=item.get("single_page", False),
        pages=pages,
    )


def _project_map() -> SiteMap:
    """This project's map. A broken map stops every command before it starts, with its
    problems (file:line, what, how to fix) and no traceback."""
    shown_as = SITE_MAP_FILE.relative_to(PROJECT_ROOT).as_posix()
    try:
        text = SITE_MAP_FILE.read_text(encoding="utf-8")
    except OSError:
        text = ""
    found, problems = read_site_map(text, shown_as, SchemaSet(SITE_MAP_FILE.parent / "schemas"))
    if found is None:
        print(Report(problems).format(), file=sys.stderr)
        raise SystemExit(1)
    return found


SITE_MAP = _project_map()
