"""Citable sections of the modules: `hoc-tap/<module>#<id>` resolves to a heading."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hoagiai.citations import CitationTarget
from hoagiai.modules.model import SECTION, Modules
from hoagiai.problems import Text

_REFERENCE = re.compile(rf"{SECTION}/(?P<slug>[a-z0-9-]+)#(?P<anchor>[a-z0-9-]+)")


@dataclass(frozen=True)
class ModuleSections:
    """A citation resolver (see citations.py) for the sections of the training modules."""

    modules: Modules

    def resolve(self, ref: str) -> CitationTarget | None:
        match = _REFERENCE.fullmatch(ref)
        module = self.modules.find(match["slug"]) if match else None
        if match is None or module is None:
            return None
        vi, en = module["vi"], module["en"]
        anchor = match["anchor"]
        if anchor not in vi.anchors or anchor not in en.anchors:
            return None
        return CitationTarget(
            ref=ref,
            page=module.page,
            anchor=anchor,
            label=Text(f"{vi.anchors[anchor].text} (Bài {module.number})",
                       f"{en.anchors[anchor].text} (Module {module.number})"),
            title=Text(vi.title, en.title),
        )
