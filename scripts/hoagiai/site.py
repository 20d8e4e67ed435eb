"""The content model of the whole site: one object that every view reads from.

`Site` holds the project's paths, the authored pages, every citation found in
the content, and one model object per feature (the legal library, the question
banks, ...), stored by type so each feature adds its model without changing
this class: `site.put(LegalLibrary(...))`, then `site.get(LegalLibrary)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from hoagiai.citations import CitationResolver, CitationTarget, CitationUse
from hoagiai.language import DEFAULT_LANGUAGE, LANGUAGES
from hoagiai.problems import Location
from hoagiai.schemas import SchemaSet
from hoagiai.urls import language_free_uri, language_of, localized_uri
from hoagiai.yamlpos import YamlDocument

# The address `mkdocs build` uses when SITE_URL is not set (mkdocs.yml): this computer.
DEVELOPMENT_URL = "http://localhost:8000/"

# Re-exported: features import the languages and page names from the site model.
__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "PageSource", "Paths", "Site", "language_free_uri",
           "language_of", "localized_uri"]

T = TypeVar("T")


@dataclass(frozen=True)
class Paths:
    """Where the project keeps its sources. Relative paths in messages start at `root`."""

    root: Path
    docs: Path
    materials: Path

    @classmethod
    def at(cls, root: Path, docs: str = "docs", materials: str = "materials") -> Paths:
        root = root.resolve()
        return cls(root, root / docs, root / materials)

    @property
    def schemas(self) -> Path:
        return self.materials / "schemas"

    def rel(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


@dataclass
class PageSource:
    """An authored Markdown page: its place, language, front matter and body."""

    src_uri: str  # relative to docs/, e.g. "hoc-tap/index.en.md"
    path: str  # relative to the project root, for messages
    lang: str
    front_matter: YamlDocument
    body: str
    body_line: int

    @property
    def meta(self) -> dict:
        data = self.front_matter.data
        return data if isinstance(data, dict) else {}

    @property
    def base_uri(self) -> str:
        """The page's path without its language suffix: "hoc-tap/index.md"."""
        return language_free_uri(self.src_uri)

    def body_location(self, line_in_body: int, column: int) -> Location:
        return Location(self.path, self.body_line + line_in_body - 1, column)


@dataclass
class Site:
    """Everything loaded and validated, ready to be rendered."""

    paths: Paths
    schemas: SchemaSet
    site_url: str = ""
    pages: dict[str, PageSource] = field(default_factory=dict)
    citations: list[CitationUse] = field(default_factory=list)
    resolvers: list[CitationResolver] = field(default_factory=list)
    _models: dict[type, object] = field(default_factory=dict)

    def resolve(self, ref: str) -> CitationTarget | None:
        """What a citation points to, asking each resolver in turn; None if nobody knows it."""
        for resolver in self.resolvers:
            target = resolver.resolve(ref)
            if target is not None:
                return target
        return None

    @property
    def public_url(self) -> str:
        """The address the site is published at; "" in a development build (no SITE_URL), where
        printed outputs (handouts, their QR codes, printed links) leave the address out."""
        url = self.site_url.strip()
        return "" if url.rstrip("/") in ("", DEVELOPMENT_URL.rstrip("/")) else url

    def put(self, model: object) -> None:
        self._models[type(model)] = model

    def get(self, kind: type[T]) -> T:
        return self._models[kind]  # type: ignore[return-value]

    def find(self, kind: type[T]) -> T | None:
        return self._models.get(kind)  # type: ignore[return-value]

    def pages_in(self, lang: str) -> list[PageSource]:
        return [page for page in self.pages.values() if page.lang == lang]
