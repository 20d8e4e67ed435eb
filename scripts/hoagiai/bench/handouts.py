"""Handout PDFs are rendered again only when their module changed.

The PDF cache is built on the `modules` branch. This check only needs two
things from it, given as a `HandoutCacheProbe`: a way to render the handouts of
a project and learn which PDFs were really rendered (not taken from the cache),
and a way to change one module. Until the lead wires a probe (`PROBE`), the
benchmark reports the target as skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class HandoutCacheProbe:
    render: Callable[[Path], set[str]]  # render every handout; the PDFs actually rendered
    edit_module: Callable[[Path], str]  # change one module's source; its slug


@dataclass(frozen=True)
class HandoutCacheResult:
    cold: frozenset[str]  # rendered on the first run (all)
    unchanged: frozenset[str]  # rendered again with nothing changed (should be none)
    edited_module: str
    after_edit: frozenset[str]  # rendered after one module changed (only its PDFs)

    @property
    def holds(self) -> bool:
        return (
            bool(self.cold) and not self.unchanged and bool(self.after_edit)
            and all(self.edited_module in pdf for pdf in self.after_edit)
        )


# Set by the lead once the modules branch is merged (see the report of issue 10).
PROBE: HandoutCacheProbe | None = None


def check_handout_cache(project: Path, probe: HandoutCacheProbe) -> HandoutCacheResult:
    """Render three times: cold, unchanged, after editing one module."""
    cold = probe.render(project)
    unchanged = probe.render(project)
    edited = probe.edit_module(project)
    after = probe.render(project)
    return HandoutCacheResult(frozenset(cold), frozenset(unchanged), edited, frozenset(after))
