"""Which releases exist, which is next, which to keep: plain decisions, no input or output.

A release is a folder `releases/<id>/` on the target; `current` is a symlink to the live
one. Ids are UTC timestamps (20261126-081716), so sorting them sorts by age. A folder
`<id>.partial` is an upload that has not finished: it is never live, never counted.

`history.log` on the target records every switch, one line each:
`<UTC time> publish <id>` or `<UTC time> rollback <id>`. Replayed, it gives the *live
stack*: the releases that were live one after the other, the live one last. A publication
pushes onto it; a rollback goes back to the entry before the live one and forgets what
came after, so "publish bad, rollback, publish good, rollback" goes back to the release
that was live before the good one, never to the bad one.
"""

from __future__ import annotations

import re
from datetime import datetime

KEEP = 5
PARTIAL = ".partial"
HISTORY = "history.log"
PUBLISH, ROLLBACK = "publish", "rollback"
_ID = re.compile(r"^\d{8}-\d{6}(?:-\d+)?$")


def complete(names: list[str]) -> list[str]:
    """Finished releases among folder names, oldest first."""
    return sorted(name for name in names if _ID.match(name))


def new_id(now: datetime, existing: list[str]) -> str:
    """A fresh id from the time, with a counter if that second is already taken."""
    base = now.strftime("%Y%m%d-%H%M%S")
    candidate, counter = base, 1
    while candidate in existing or candidate + PARTIAL in existing:
        counter += 1
        candidate = f"{base}-{counter}"
    return candidate


def history_line(now: datetime, action: str, release: str) -> str:
    """One line of history.log."""
    return f"{now.strftime('%Y-%m-%dT%H:%M:%SZ')} {action} {release}"


def live_stack(history: list[str], names: list[str], live: str | None) -> list[str]:
    """The releases that were live one after the other, the live one last.

    A target published before history.log existed has no history: its releases up to the
    live one, in the order of their ids, stand for it. A switch the history misses (a
    publication stopped between the switch and its line) is added at the end.
    """
    stack: list[str] = []
    for line in history:
        fields = line.split()
        action, release = (fields[1], fields[2]) if len(fields) == 3 else ("", "")
        if action == PUBLISH:
            stack.append(release)
        elif action == ROLLBACK:
            while stack and stack[-1] != release:
                stack.pop()
            stack = stack or [release]
    if not stack and live:
        stack = [name for name in complete(names) if name <= live]
    if live and (not stack or stack[-1] != live):
        stack.append(live)
    return stack


def to_remove(names: list[str], stack: list[str], keep: int = KEEP) -> list[str]:
    """Releases that are neither among the `keep` newest nor among the last `keep` of the
    live stack (where a rollback goes); the live one is always kept."""
    releases = complete(names)
    kept = set(releases[-keep:] + stack[-keep:]) if keep else set(stack[-1:])
    return [name for name in releases if name not in kept]


def previous(stack: list[str], names: list[str]) -> str | None:
    """Where a rollback goes: the latest release in the live stack before the live one
    whose folder is still there, if there is one."""
    existing = set(complete(names))
    earlier = [name for name in stack[:-1] if name in existing and name != stack[-1]]
    return earlier[-1] if earlier else None
