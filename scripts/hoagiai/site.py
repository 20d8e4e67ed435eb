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
from hoagiai.problems import Location
from hoagiai.schemas import SchemaSet
from hoagiai.yamlpos import YamlDocument

LANGUAGES: tuple[str, ...] = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
# The address `mkdocs build` uses when SITE_URL is not set (mkdocs.yml): this computer.
DEVELOPMENT_URL = "http://localhost:8000/"

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


def language_of(src_uri: str) -> str:
    """`x.en.md` is English; anything without a language suffix is Vietnamese."""
    parts = Path(src_uri).name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in LANGUAGES else DEFAULT_LANGUAGE


def language_free_uri(src_uri: str) -> str:
    lang = language_of(src_uri)
    if lang == DEFAULT_LANGUAGE and f".{lang}." not in Path(src_uri).name:
        return src_uri
    return src_uri.replace(f".{lang}.", ".", 1)


def localized_uri(base_uri: str, lang: str) -> str:
    """`hoc-tap/index.md` in English is `hoc-tap/index.en.md`; Vietnamese keeps the plain name."""
    if lang == DEFAULT_LANGUAGE:
        return base_uri
    stem, dot, suffix = base_uri.rpartition(".")
    return f"{stem}.{lang}.{suffix}" if dot else f"{base_uri}.{lang}"


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
