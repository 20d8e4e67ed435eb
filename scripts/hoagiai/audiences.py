"""The three doors of the site: one generated page per audience, listing what is for them.

Every page, authored or generated, says in its front matter whom it is for
(`audience`). These pages are a view of that: for each audience, the pages meant
for it, grouped by section in the section order of the navigation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from hoagiai.feature import Feature, GeneratedFile, generated_page
from hoagiai.frontmatter import DEFAULT_ORDER
from hoagiai.language import Text
from hoagiai.materials import load_material
from hoagiai.problems import Report
from hoagiai.render import render
from hoagiai.site import LANGUAGES, Site, language_free_uri
from hoagiai.sitemap import SITE_MAP

FOLDER = SITE_MAP["audiences"].slug
# A section lists at most this many of its pages here and links to its index for the rest,
# so the audience pages stay light when the site has thousands of pages.
LISTED_PER_SECTION = 12
# The index page of every audience: its own title and description.
INDEX_TITLE = Text("Dành cho bạn", "For you")
INDEX_DESCRIPTION = Text(
    "Chọn bạn là ai để xem những trang dành riêng cho bạn: hòa giải viên, tập huấn viên hay "
    "người dân.",
    "Choose who you are to see the pages meant for you: mediators, trainers or citizens.",
)


@dataclass(frozen=True)
class Audience:
    id: str
    title: Text
    summary: Text


@dataclass(frozen=True)
class Listed:
    """One page as the audience pages list it."""

    base_uri: str
    title: str
    description: str
    audience: tuple[str, ...]
    order: int

    @property
    def section(self) -> str:
        parts = PurePosixPath(self.base_uri).parts
        return parts[0] if len(parts) > 1 else ""

    @property
    def is_section_index(self) -> bool:
        """`hoc-tap/index.md`, not the index of a sub-section such as `cau-chuyen/nam/`."""
        return len(PurePosixPath(self.base_uri).parts) == 2 and self.base_uri.endswith("/index.md")


@dataclass(frozen=True)
class Audiences:
    items: tuple[Audience, ...]


class AudiencesFeature(Feature):
    """Generates `danh-cho/<audience>` pages; must run after every other generator."""

    name = "audiences"

    def load(self, site: Site, report: Report) -> None:
        document = load_material(site.paths.materials / "audiences.yml", "audiences", site, report)
        if document is not None:
            site.put(Audiences(tuple(
                Audience(item["id"], Text.of(item["title"]), Text.of(item["summary"]))
                for item in document.data["audiences"])))

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        audiences = site.get(Audiences).items
        for lang in LANGUAGES:
            listed = _listed_pages(site, made, lang)
            sections = {entry.section: entry for entry in listed if entry.is_section_index}
            for audience in audiences:
                groups = _group(listed, sections, audience.id)
                meta = {
                    "title": audience.title[lang],
                    "description": audience.summary[lang],
                    "audience": [audience.id],
                    "order": audiences.index(audience) + 1,
                }
                body = render("audiences/audience.md.j2", lang=lang, audience=audience,
                              groups=groups)
                yield generated_page(f"{FOLDER}/{audience.id}.md", lang, meta, body)
            meta = {
                "title": INDEX_TITLE[lang],
                "description": INDEX_DESCRIPTION[lang],
                "audience": [a.id for a in audiences],
                "order": SITE_MAP["audiences"].order,
            }
            body = render("audiences/index.md.j2", lang=lang, audiences=audiences)
            yield generated_page(f"{FOLDER}/index.md", lang, meta, body)


def _listed_pages(site: Site, made: list[GeneratedFile], lang: str) -> list[Listed]:
    sources = [(p.base_uri, p.meta) for p in site.pages_in(lang)]
    sources += [
        (language_free_uri(f.src_uri), f.meta) for f in made if f.is_page and f.lang == lang
    ]
    return [
        Listed(uri, meta["title"], meta.get("description", ""), tuple(meta.get("audience", ())),
               meta.get("order", DEFAULT_ORDER))
        for uri, meta in sources
        if uri != "index.md" and not uri.startswith(f"{FOLDER}/")
    ]


def _breadth(section: Listed, audience: str) -> int:
    """How many audiences share the section; a section not meant for `audience` goes last."""
    return len(section.audience) if audience in section.audience else len(section.audience) + 99


def _group(listed: list[Listed], sections: dict[str, Listed], audience: str) -> list[dict]:
    """Sections with their first pages meant for `audience` and how many more there are; then
    the pages outside sections. Sections written for fewer audiences come first (the
    citizens' corner before the legal library on the citizens' page), then navigation order.
    A section meant for the audience with no page of its own but its index (the glossary)
    is listed by its heading and description alone."""
    def pages_of(section: str) -> list[Listed]:
        chosen = (e for e in listed
                  if e.section == section and not e.is_section_index and audience in e.audience)
        return sorted(chosen, key=lambda e: (e.order, e.title))

    groups = []
    for section in sorted(sections.values(), key=lambda s: (_breadth(s, audience), s.order,
                                                           s.title)):
        pages = pages_of(section.section)
        if pages or audience in section.audience:
            groups.append({"section": section, "pages": pages[:LISTED_PER_SECTION],
                           "more": max(len(pages) - LISTED_PER_SECTION, 0)})
    loose = pages_of("")
    if loose:
        groups.append({"section": None, "pages": loose, "more": 0})
    return groups
