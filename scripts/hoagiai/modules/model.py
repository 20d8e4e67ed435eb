"""The training modules as the rest of the generator sees them: one object per module."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from hoagiai.modules.blocks import Block, Heading, Structure
from hoagiai.site import PageSource
from hoagiai.sitemap import SITE_MAP

SECTION = SITE_MAP["learning"].slug

# The parts of a module, each an admonition kind (see HUONG-DAN-BIEN-SOAN.md, mục 6).
OBJECTIVES = "objectives"
SCENARIO = "scenario"
ANSWER = "answer"
KEY_POINTS = "key-points"
TRAINER_NOTES = "trainer-notes"
PART_KINDS = (OBJECTIVES, SCENARIO, ANSWER, KEY_POINTS, TRAINER_NOTES)
# What a learner's copy leaves out.
TRAINER_ONLY = (ANSWER, TRAINER_NOTES)


def module_slug(base_uri: str) -> str | None:
    """`hoc-tap/ket-qua-hoa-giai.md` is the module `ket-qua-hoa-giai`; the index is not one."""
    path = PurePosixPath(base_uri)
    if len(path.parts) == 2 and path.parts[0] == SECTION and path.name != "index.md":
        return path.stem
    return None


@dataclass(frozen=True)
class ModuleVersion:
    """One language of a module: its page and the parts read from it."""

    page: PageSource
    structure: Structure

    @property
    def lang(self) -> str:
        return self.page.lang

    @property
    def title(self) -> str:
        return str(self.page.meta["title"])

    @property
    def description(self) -> str:
        return str(self.page.meta["description"])

    @property
    def reviewed(self) -> str:
        return str(self.page.meta["reviewed"])

    @property
    def duration(self) -> int:
        return int(self.page.meta["duration"])

    def blocks(self, kind: str) -> list[Block]:
        return [block for block in self.structure.all_blocks() if block.kind == kind]

    def block(self, kind: str) -> Block:
        return self.blocks(kind)[0]

    @property
    def anchors(self) -> dict[str, Heading]:
        return {h.id: h for h in self.structure.headings if h.id}


@dataclass(frozen=True)
class Module:
    slug: str
    number: int  # the `order` of its pages: "Bài 3"
    versions: dict[str, ModuleVersion]

    def __getitem__(self, lang: str) -> ModuleVersion:
        return self.versions[lang]

    @property
    def page(self) -> str:
        return f"{SECTION}/{self.slug}.md"


@dataclass(frozen=True)
class Modules:
    """Every module that passed validation, in teaching order."""

    items: tuple[Module, ...]

    def find(self, slug: str) -> Module | None:
        return next((module for module in self.items if module.slug == slug), None)
