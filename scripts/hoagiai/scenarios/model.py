"""Role-play scenarios as plain data: what the checks, the player page and the trainer kit read.

A scenario is a small graph. Steps (decision points) hold what a party says or does
and two to four choices for the mediator; each choice leads to another step or to an
ending. Texts are `Text` (both languages, read as `text[lang]`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hoagiai.language import Text
from hoagiai.problems import Location
from hoagiai.sitemap import SITE_MAP

SECTION = SITE_MAP["scenarios"].slug
KITS = f"{SECTION}/dong-vai"  # the trainers' role-play kits
LEVELS = 4  # every tracked state runs from 0 to LEVELS


class EndingKind(StrEnum):
    AGREEMENT = "agreement"
    NO_AGREEMENT = "no-agreement"
    STOPPED = "stopped"
    STEP_ASIDE = "step-aside"


@dataclass(frozen=True)
class Citation:
    ref: str  # "luat35:10.4"
    location: Location  # where the YAML names it


@dataclass(frozen=True)
class Party:
    id: str
    name: Text
    role: Text
    card: Text


@dataclass(frozen=True)
class State:
    id: str
    label: Text
    start: int
    good_high: bool  # True: a high level is good (trust); False: a low one is (tension)


@dataclass(frozen=True)
class Choice:
    id: str
    text: Text
    feedback: Text
    effect: dict[str, int]
    cite: tuple[Citation, ...]
    next: str
    next_location: Location


@dataclass(frozen=True)
class Step:
    id: str
    number: int  # position in the file, from 1
    title: Text
    speaker: str | None
    situation: Text
    choices: tuple[Choice, ...]
    location: Location

    @property
    def anchor(self) -> str:
        return f"buoc-{self.id}"


@dataclass(frozen=True)
class Ending:
    id: str
    kind: EndingKind
    title: Text
    text: Text
    agreement: Text | None
    next_steps: Text | None
    cite: tuple[Citation, ...]
    location: Location

    @property
    def anchor(self) -> str:
        return f"ket-{self.id}"


@dataclass(frozen=True)
class Scenario:
    id: str  # == file name
    path: str  # "materials/tinh-huong/<id>.yml", for messages
    title: Text
    description: Text
    order: int
    module: str
    module_location: Location
    practises: tuple[tuple[str, Location], ...]  # story slugs and where they are named
    skills: tuple[str, ...]
    setting: Text
    parties: tuple[Party, ...]
    mediator: Text
    states: tuple[State, ...]
    start: str
    steps: tuple[Step, ...]
    endings: tuple[Ending, ...]
    debrief: Text
    debrief_cite: tuple[Citation, ...]

    @property
    def page(self) -> str:
        return f"{SECTION}/{self.id}.md"

    @property
    def kit_page(self) -> str:
        return f"{KITS}/{self.id}.md"

    def step(self, step_id: str) -> Step | None:
        return next((step for step in self.steps if step.id == step_id), None)

    def ending(self, ending_id: str) -> Ending | None:
        return next((ending for ending in self.endings if ending.id == ending_id), None)

    def party(self, party_id: str | None) -> Party | None:
        return next((party for party in self.parties if party.id == party_id), None)

    @property
    def ending_kinds(self) -> tuple[EndingKind, ...]:
        return tuple(dict.fromkeys(ending.kind for ending in self.endings))


@dataclass(frozen=True)
class Scenarios:
    """Every scenario of the site, in their `order`."""

    items: tuple[Scenario, ...]

    def practising_module(self, module: str) -> tuple[Scenario, ...]:
        return tuple(s for s in self.items if s.module == module)

    def practising_story(self, story: str) -> tuple[Scenario, ...]:
        return tuple(s for s in self.items if story in (slug for slug, _ in s.practises))
