"""The kinds of authored page a synthetic site is made of, shaped like the real ones.

Each page maker returns the front matter and the Markdown body of one page in
one language, drawn from a `Draft`: the words come from the page's language,
while what both languages must share (the parts of a module and their anchors,
a story's date and topics, the citations) comes from a random source seeded by
the page alone, so the project's checks that compare the two languages pass.
Every page cites sources that resolve in the project, as the real pages do.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hoagiai.bench.text import Filler
from hoagiai.modules.checks import NOTE_LABELS
from hoagiai.render import t

# The synthetic pages were reviewed on the day the real ones were; stories are
# dated one a week back from it, newest first.
REVIEWED = dt.date(2026, 11, 26)
STORY_INTERVAL = dt.timedelta(days=7)
MODULE_MINUTES = (45, 60, 90, 120, 180)
INDENT = "    "


@dataclass(frozen=True)
class Sources:
    """What synthetic pages take from the project they are added to."""

    refs: tuple[str, ...]  # citations that resolve there (`luat35:4.1`, `hoc-tap/x#y`)
    tags: tuple[str, ...]  # story topics of materials/story-tags.yml


@dataclass(frozen=True)
class Draft:
    """One page being written in one language."""

    number: int  # the page's place in its section, from 1
    lang: str
    text: Filler  # words in `lang`
    layout: random.Random  # structure, dates, topics, citations: the same in both languages
    sources: Sources

    def string(self, key: str) -> str:
        """One of the project's interface strings (`modules.objectives`…) in this language."""
        return t(key, self.lang)

    def cite(self) -> str:
        return f"[[{self.layout.choice(self.sources.refs)}]]"

    def cited(self, low: int = 2, high: int = 6) -> str:
        """A paragraph that ends with a citation, as every legal statement does."""
        return f"{self.text.paragraph(low, high)} {self.cite()}"

    def bullets(self, low: int, high: int) -> str:
        return "\n".join(f"- {self.text.sentence()}"
                         for _ in range(self.layout.randint(low, high)))


@dataclass(frozen=True)
class Pair:
    """Filler text in both languages, for the YAML sources that hold both (banks, texts)."""

    texts: dict[str, Filler]

    def __call__(self, make: Callable[[Filler], str]) -> dict[str, str]:
        return {lang: make(text) for lang, text in self.texts.items()}


@dataclass
class PageShape:
    """Front matter fields beyond title/description/audience/order, and the Markdown body."""

    body: str
    meta: dict[str, Any] = field(default_factory=dict)


PageMaker = Callable[[Draft], PageShape]


def module_page(draft: Draft) -> PageShape:
    """A training module with every part the project checks (HUONG-DAN-BIEN-SOAN.md, mục 7):
    objectives, cited sections with anchors, two scenarios each with questions and a
    hidden model answer, key points, and notes for trainers."""
    parts = [block("!!!", "objectives", draft.string("modules.objectives"), draft.bullets(3, 6))]
    for number in range(1, draft.layout.randint(4, 7) + 1):
        parts += [f"## {draft.text.title()} {{#muc-{number}}}", draft.cited(),
                  draft.text.paragraph(), draft.cited()]
    parts += [_scenario(draft, number) for number in (1, 2)]
    parts += [block("!!!", "key-points", "", draft.bullets(3, 5)), _trainer_notes(draft)]
    meta = {"duration": draft.layout.choice(MODULE_MINUTES), "reviewed": REVIEWED.isoformat(),
            "styles": ["modules"], "scripts": ["modules"]}
    return PageShape("\n\n".join(parts), meta)


def story_page(draft: Draft) -> PageShape:
    """A hypothetical story (the project says so above it), dated, with topics: what
    happened and what the mediators did, then what to learn from it."""
    parts: list[str] = []
    for _ in range(draft.layout.randint(2, 3)):
        parts.append(f"## {draft.text.title()}")
        parts += [draft.cited(3, 6) for _ in range(draft.layout.randint(2, 3))]
    parts += [f"## {draft.text.title()}", draft.bullets(3, 4)]
    topics = draft.layout.sample(draft.sources.tags, draft.layout.randint(1, 2))
    meta = {"date": (REVIEWED - STORY_INTERVAL * draft.number).isoformat(),
            "tags": sorted(topics), "kind": "hypothetical"}
    return PageShape("\n\n".join(parts), meta)


def guide_page(draft: Draft) -> PageShape:
    """Plain-language guidance for citizens: short questions, short cited answers."""
    parts = [draft.text.paragraph(1, 2)]
    for _ in range(draft.layout.randint(4, 8)):
        parts += [f"## {draft.text.title()}?", draft.cited(2, 4)]
    return PageShape("\n\n".join(parts), {"reviewed": REVIEWED.isoformat()})


def block(marker: str, kind: str, title: str, body: str) -> str:
    """An admonition (`!!!`) or a collapsed one (`???`) with its body indented."""
    return f'{marker} {kind} "{title}"\n' + indent(body)


def indent(text: str) -> str:
    return "\n".join(f"{INDENT}{line}" if line else "" for line in text.splitlines())


def _scenario(draft: Draft, number: int) -> str:
    title = f"{draft.string('modules.scenario_prefix')} {number}: {draft.text.title(2, 5)}"
    questions = "\n".join(f"{question}. {draft.text.sentence()}"
                          for question in range(1, draft.layout.randint(2, 3) + 1))
    answer = block("???", "answer", draft.string("modules.answer"), draft.cited())
    return block("!!!", "scenario", title, "\n\n".join([draft.text.paragraph(3, 5), questions,
                                                        answer]))


def _trainer_notes(draft: Draft) -> str:
    notes = "\n\n".join(f"**{draft.string(label)}:** {draft.text.paragraph(1, 3)}"
                        for label in NOTE_LABELS)
    return block("???", "trainer-notes", draft.string("modules.trainer_notes"), notes)
