"""Which releases exist, which is next, which to keep: plain decisions, no input or output.

A release is a folder `releases/<id>/` on the target; `current` is a symlink to the live
one. Ids are UTC timestamps (20261126-081716), so sorting them sorts by age. A folder
`<id>.partial` is an upload that has not finished: it is never live, never counted.

`history.log` on the target records every switch, one line each:
`<UTC time> publish <id>` or `<UTC time> rollback <id>`. Replayed, it gives the *live
stack*: the releases that were live one after the other, the live one last. A publication
pushes onto it; a rollback goes back to an earlier entry and forgets what came after,
so "publish bad, rollback, publish good, rollback" goes back to the release that was live
before the good one, never to the bad one.
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

    Releases older than any the history names were published before history.log existed:
    in the order of their ids, they come first. A switch the history misses (a publication
    stopped between the switch and its line) is added at the end.
    """
    events = [fields[1:] for fields in (line.split() for line in history) if len(fields) == 3]
    named = {release for _, release in events}
    oldest = min(named, default=live or "")
    stack = [name for name in complete(names) if name not in named and name <= oldest]
    for action, release in events:
        if action == PUBLISH:
            stack.append(release)
        elif action == ROLLBACK:
            stack = _rolled_back(stack, release)
    if live and (not stack or stack[-1] != live):
        stack.append(live)
    return stack


def _rolled_back(stack: list[str], release: str) -> list[str]:
    """The stack once `release` is live again: what came after it is gone. A release the
    stack does not hold (live before the history began) follows the older ones."""
    if release in stack:
        last = len(stack) - 1 - stack[::-1].index(release)
        return stack[:last + 1]
    return [*(name for name in stack if name < release), release]


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
