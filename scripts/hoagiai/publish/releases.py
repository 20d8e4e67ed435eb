"""Which releases exist, which is next, which to keep: plain decisions, no input or output.

A release is a folder `releases/<id>/` on the target; `current` is a symlink to the live
one. Ids are UTC timestamps (20261126-081716), so sorting them sorts by age. A folder
`<id>.partial` is an upload that has not finished: it is never live, never counted.
"""

from __future__ import annotations

import re
from datetime import datetime

KEEP = 5
PARTIAL = ".partial"
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


def to_remove(names: list[str], current: str | None, keep: int = KEEP) -> list[str]:
    """Releases beyond the newest `keep`, never the live one."""
    releases = complete(names)
    old = releases[:-keep] if keep else releases
    return [name for name in old if name != current]


def previous(names: list[str], current: str | None) -> str | None:
    """The release published just before the live one, if there is one."""
    releases = complete(names)
    if current not in releases:
        return releases[-1] if releases else None
    index = releases.index(current)
    return releases[index - 1] if index > 0 else None
