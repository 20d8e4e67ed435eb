"""The copies of a module page that are printed: the learner's and the trainer's.

Both are the module's own Markdown, cut by block: the learner's copy leaves out
every model answer and the notes for trainers; the trainer's copy keeps them and
opens every collapsed block, since paper cannot be clicked, and places each part of the
notes for trainers beside the part of the lesson it is about (`notes_beside_parts`).
"""

from __future__ import annotations

import re

from hoagiai.modules.blocks import Block, Structure, parse
from hoagiai.modules.model import KEY_POINTS, OBJECTIVES, SCENARIO, TRAINER_NOTES, TRAINER_ONLY
from hoagiai.render import t

# Each part of the notes (by its bold label) and the part of the lesson it goes beside:
# timing after the objectives, activities before the first scenario, common mistakes before
# the key points.
NOTE_PLACES = (("modules.notes.timing", OBJECTIVES, "after"),
               ("modules.notes.activities", SCENARIO, "before"),
               ("modules.notes.mistakes", KEY_POINTS, "before"))

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


def notes_beside_parts(markdown: str, lang: str) -> str:
    """The notes for trainers cut at their bold labels (timing, activities, common mistakes),
    each part moved beside the part of the lesson it is about (NOTE_PLACES) as its own
    block. A part whose place the page lacks, and any text before the first label, stay
    where the notes were."""
    structure = parse(markdown)
    notes = next((b for b in structure.blocks if b.kind == TRAINER_NOTES), None)
    if notes is None:
        return markdown
    lines = markdown.splitlines()
    parts = _note_parts(notes, lang)
    title = t("modules.trainer_notes", lang)
    moved: dict[int, list[str]] = {}  # 0-based line index -> blocks to write before it
    for key, kind, where in NOTE_PLACES:
        index = _place(structure, kind, where)
        if key in parts and index is not None:
            moved.setdefault(index, []).extend(_block(title, parts.pop(key), notes.indent))
    rest = [line for part in parts.values() for line in part]
    if any(line.strip() for line in rest):
        moved.setdefault(notes.line - 1, []).extend(_block(title, rest, notes.indent))
    out: list[str] = []
    for index, line in enumerate(lines):
        out.extend(moved.get(index, []))
        if not notes.line - 1 <= index < notes.end:
            out.append(line)
    out.extend(moved.get(len(lines), []))
    return "\n".join(out) + "\n"


def _note_parts(notes: Block, lang: str) -> dict[str, list[str]]:
    """The body of the notes cut at each bold label; text before the first one under ""."""
    starts = {f"**{t(key, lang)}:**": key for key, _, _ in NOTE_PLACES}
    parts: dict[str, list[str]] = {"": []}
    current = ""
    for line in notes.body:
        label = next((key for start, key in starts.items() if line.startswith(start)), None)
        if label is not None:
            current = label
            parts.setdefault(current, [])
        parts[current].append(line)
    if not any(line.strip() for line in parts[""]):
        del parts[""]
    return parts


def _place(structure: Structure, kind: str, where: str) -> int | None:
    """The 0-based line before which a note goes: right after, or right before, the first
    top-level block of `kind`."""
    block = next((b for b in structure.blocks if b.kind == kind), None)
    if block is None:
        return None
    return block.end if where == "after" else block.line - 1


def _block(title: str, body: list[str], indent: int) -> list[str]:
    pad = " " * (indent + 4)
    text = [f"{pad}{line}" if line.strip() else "" for line in body]
    while text and not text[-1]:
        text.pop()
    return ["", f'{" " * indent}!!! {TRAINER_NOTES} "{title}"', *text, ""]
