"""What a feature of the site is: a loader, a checker and a set of views of one model.

Each feature (legal library, quizzes, modules, stories, plan, ...) subclasses
`Feature` and overrides only the stages it needs. The pipeline runs every
feature's `load`, then every `check` (so cross-feature checks such as citations
see all content), then every `generate`. The MkDocs plugin calls the `page_*`
methods for each page, then `after_pages` once per language; none of this code
knows about MkDocs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from hoagiai.packed import PackedText
from hoagiai.problems import Report
from hoagiai.site import Site, localized_uri
from hoagiai.urls import localized_path, page_path, relative

# libyaml's emitter, a sixth of the pure-Python one's time, where PyYAML was built with it.
_FRONT_MATTER_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

PACK_FROM = 2048  # characters: shorter texts are kept as they are


@dataclass(frozen=True)
class GeneratedFile:
    """A page or a file made by the generator, for one language.

    `path` is where it lives on the site, without a language suffix
    ("trac-nghiem/co-ban.md", "trac-nghiem/co-ban.gift"); English files are
    served under /en/ like authored pages. Content that is costly to make (a PDF, a
    page stating a PDF's size) may be given as a function: it runs only when the
    content is asked for, which is when the file is written.
    """

    path: str
    lang: str
    made: str | bytes | Callable[[], str | bytes]  # the content, or how to make it when asked
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        # A build holds every generated file of both languages until MkDocs has read it:
        # longer texts wait compressed.
        if isinstance(self.made, str) and len(self.made) > PACK_FROM:
            object.__setattr__(self, "made", PackedText(self.made))

    @functools.cached_property
    def content(self) -> str | bytes:
        """The file's content; a deferred one (a PDF) is made on first use, then kept."""
        return self.made() if callable(self.made) else self.made

    def without_content(self) -> GeneratedFile:
        """The same file, its content let go (once a build has handed it to MkDocs)."""
        return replace(self, made="")

    @property
    def src_uri(self) -> str:
        return localized_uri(self.path, self.lang)

    @property
    def is_page(self) -> bool:
        return self.path.endswith(".md")


def generated_page(path: str, lang: str, meta: dict[str, Any],
                   body: str | Callable[[], str]) -> GeneratedFile:
    """A Markdown page with front matter, exactly as an author would have written it; a
    body given as a function is made when the page is written."""
    front = yaml.dump(meta, Dumper=_FRONT_MATTER_DUMPER, allow_unicode=True,
                      sort_keys=False).strip()
    if callable(body):
        return GeneratedFile(path, lang, lambda: _page_text(front, body()), meta)
    return GeneratedFile(path, lang, _page_text(front, body), meta)


def _page_text(front: str, body: str) -> str:
    return f"---\n{front}\n---\n\n{body.strip()}\n"


@dataclass(frozen=True)
class OutputFile:
    """A file made from the rendered pages, written into the built site as is.

    `path` is relative to the built site ("search/en.js"): nothing is added for the
    language, unlike `GeneratedFile`, because these files are not MkDocs files.
    """

    path: str
    content: str | bytes | Made

    def write_into(self, site_dir: Path) -> None:
        target = site_dir / self.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(self.content, Made):
            target.write_bytes(self.content.make(*self.content.args))
        elif isinstance(self.content, bytes):
            target.write_bytes(self.content)
        else:
            target.write_text(self.content, encoding="utf-8")


@dataclass(frozen=True)
class Made:
    """Content made when written, by `make(*args)`: a module-level function and arguments
    that another process can take, so the build may lend the work to a worker."""

    make: Callable[..., bytes]
    args: tuple[Any, ...]


@dataclass
class PageContext:
    """The page being rendered, as features see it (one object per page and build)."""

    src_uri: str  # the file that was read, e.g. "hoc-tap/index.en.md"
    url: str  # site-relative URL, e.g. "en/hoc-tap/" (or "en/hoc-tap/index.html" offline)
    lang: str  # language of the build (vi or en)
    meta: dict[str, Any]
    directory_urls: bool = True
    # Page scripts and styles asked for while rendering (docs/assets/js/<name>.js, ...),
    # on top of the page's front matter `scripts:` and `styles:`.
    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)

    def link_to(self, base_uri: str, anchor: str = "") -> str:
        """A relative link to another page of this language, by its source path."""
        target = localized_path(page_path(base_uri, self.directory_urls), self.lang)
        return relative(target, self.url) + (f"#{anchor}" if anchor else "")

    def asset(self, path: str) -> str:
        """A relative link to a file served at the site root (`assets/css/x.css`)."""
        return relative(path, self.url)

    def use_script(self, name: str) -> None:
        if name not in self.scripts:
            self.scripts.append(name)

    def use_style(self, name: str) -> None:
        if name not in self.styles:
            self.styles.append(name)


class Feature:
    """Base class: every stage does nothing until a feature overrides it."""

    name = "feature"
    # Its `after_pages` files are fetched only when a reader asks (the search index): a
    # preview writes them once the edited page is shown again, not before.
    fetched_on_demand = False

    def load(self, site: Site, report: Report) -> None:
        """Read and validate this feature's sources; store its model with `site.put`."""

    def check(self, site: Site, report: Report) -> None:
        """Checks that need every feature loaded (citations, cross references)."""

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        """Pages and files for both languages. `made` holds what earlier features made."""
        return ()

    def before_pages(self, site: Site, lang: str, every_page: bool) -> None:
        """Called before the pages of `lang` are rendered. `every_page` is False in a preview
        (`mkdocs serve --dirty`), which renders only the pages whose source changed."""

    def page_markdown(self, site: Site, page: PageContext, markdown: str) -> str:
        """Rewrite a page's Markdown before it is converted (citations, terms, ...)."""
        return markdown

    def page_html(self, site: Site, page: PageContext, html: str) -> str:
        """Rewrite a page's HTML body after conversion."""
        return html

    def page_context(self, site: Site, page: PageContext) -> dict[str, Any]:
        """Values the theme templates need for this page, merged into `hg`."""
        return {}

    def after_pages(self, site: Site, lang: str) -> Iterable[OutputFile]:
        """Files made from every rendered page of language `lang` (the search index).

        Called once per language, after its last page; `generate` runs before any page
        is rendered, so it cannot see what the pages finally say.
        """
        return ()

    def after_build(self, site: Site) -> None:
        """Called once every language is built and the files made on demand are written."""
