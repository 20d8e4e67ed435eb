"""The copies of a module page that are printed: the learner's and the trainer's.

Both are the module's own Markdown, cut by block: the learner's copy leaves out
every model answer and the notes for trainers; the trainer's copy keeps them and
opens every collapsed block, since paper cannot be clicked.
"""

from __future__ import annotations

import re

from hoagiai.modules.blocks import parse
from hoagiai.modules.model import TRAINER_ONLY

_COLLAPSED = re.compile(r"^(\s*)\?\?\?\+?(\s)")


def trainer_only_lines(markdown: str) -> set[int]:
    """Line numbers (from 1) of the model answers and notes for trainers."""
    dropped: set[int] = set()
    for block in parse(markdown).all_blocks():
        if block.kind in TRAINER_ONLY:
            dropped.update(range(block.line, block.end + 1))
    return dropped


def learner_copy(markdown: str) -> str:
    """The page without model answers and notes for trainers."""
    lines = markdown.splitlines()
    dropped = trainer_only_lines(markdown)
    return "\n".join(line for number, line in enumerate(lines, start=1)
                     if number not in dropped) + "\n"


def trainer_copy(markdown: str) -> str:
    """The whole page with every collapsed block (`???`) shown open (`!!!`)."""
    lines = markdown.splitlines()
    for block in parse(markdown).all_blocks():
        lines[block.line - 1] = _COLLAPSED.sub(r"\1!!!\2", lines[block.line - 1])
    return "\n".join(lines) + "\n"
