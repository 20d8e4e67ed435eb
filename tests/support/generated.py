"""Generated files by site path, their content read only when a test looks it up.

A PDF (and a page that states a PDF's size) is made when its content is first asked
for; a test that reads a few pages should not make every PDF of the site.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from hoagiai.feature import GeneratedFile


class Contents(Mapping[str, str | bytes]):
    """src_uri -> content of `made`, each made on first lookup."""

    def __init__(self, made: Iterable[GeneratedFile]) -> None:
        self.files = {item.src_uri: item for item in made}

    def __getitem__(self, src_uri: str) -> str | bytes:
        return self.files[src_uri].content

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)
