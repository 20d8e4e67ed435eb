"""Authored Markdown pages: read their front matter, validate it, check translations."""

from __future__ import annotations

import re
from fnmatch import fnmatch

from hoagiai.citations import CitationUse, find_in_markdown
from hoagiai.feature import Feature, PageContext
from hoagiai.frontmatter import split_front_matter
from hoagiai.materials import read_text
from hoagiai.problems import Location, Problem, Report, Text, problem
from hoagiai.render import t
from hoagiai.site import DEFAULT_LANGUAGE, LANGUAGES, PageSource, Site, language_of, localized_uri
from hoagiai.sitemap import PLAIN_SCHEMA, SITE_MAP, Section


def _page_schemas() -> list[tuple[str, str]]:
    """Which schema checks a page's front matter, from the site map: the first pattern that
    matches the page's path (without language suffix) wins. Section index pages are plain
    pages unless their section says otherwise."""
    sections = [s for s in SITE_MAP if not s.single_page]
    return [
        *((f"{s.slug}/*", s.page_schema) for s in sections if s.index_schema != PLAIN_SCHEMA),
        ("index.md", PLAIN_SCHEMA),
        ("*/index.md", PLAIN_SCHEMA),
        *((f"{s.slug}/*", s.page_schema) for s in sections
          if s.index_schema == PLAIN_SCHEMA and s.page_schema != PLAIN_SCHEMA),
        ("*", PLAIN_SCHEMA),
    ]


PAGE_SCHEMAS: list[tuple[str, str]] = _page_schemas()


def schema_for(base_uri: str) -> str:
    return next(schema for pattern, schema in PAGE_SCHEMAS if fnmatch(base_uri, pattern))


class PagesFeature(Feature):
    """Loads every `docs/**/*.md`; every page must exist in both languages."""

    name = "pages"

    def load(self, site: Site, report: Report) -> None:
        for path in sorted(site.paths.docs.rglob("*.md")):
            src_uri = path.relative_to(site.paths.docs).as_posix()
            rel = site.paths.rel(path)
            text = read_text(path, site, report)
            if text is None:
                continue
            front, problems = split_front_matter(text, rel)
            page = PageSource(src_uri, rel, language_of(src_uri), front.document, front.body,
                              front.body_line)
            if front.document.data is not None:
                problems += site.schemas.validate(front.document, schema_for(page.base_uri))
            report.extend(problems)
            site.pages[src_uri] = page
            _record_citations(site, page)

    def check(self, site: Site, report: Report) -> None:
        for page in site.pages.values():
            for lang in LANGUAGES:
                twin = localized_uri(page.base_uri, lang)
                if lang != page.lang and twin not in site.pages:
                    report.add(_missing_translation(page, twin, lang))
        for section in SITE_MAP:
            for lang in LANGUAGES:
                page = site.pages.get(localized_uri(section.index, lang))
                if page is not None and page.meta.get("order") != section.order:
                    report.add(_order_differs(page, section))

    def page_html(self, site: Site, page: PageContext, html: str) -> str:
        """Heading links carry mkdocs.yml's one (Vietnamese) title; give them the page's own."""
        if page.lang == DEFAULT_LANGUAGE:
            return html
        vi, own = t("theme.permalink", DEFAULT_LANGUAGE), t("theme.permalink", page.lang)
        return _HEADING_LINK.sub(
            lambda found: found[1] + own + found[3] if found[2] == vi else found[0], html)


_HEADING_LINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")([^"]*)(")')


def _record_citations(site: Site, page: PageSource) -> None:
    """Every `[[...]]` in an authored page, so the legal library can check and list them."""
    title = str(page.meta.get("title", page.base_uri))
    for found in find_in_markdown(page.body):
        site.citations.append(CitationUse(
            ref=found.ref,
            location=page.body_location(found.line, found.column),
            page=page.base_uri,
            anchor="",
            label=Text(title, title),
        ))


def _order_differs(page: PageSource, section: Section) -> Problem:
    return problem(
        page.front_matter.location(("order",)),
        f"thứ tự của mục “{section.slug}” phải là order: {section.order} như trong "
        "materials/site.yml",
        f"ghi “order: {section.order}” ở phần đầu trang; muốn đổi chỗ của mục trên thanh điều "
        "hướng thì nhờ người lập trình đổi materials/site.yml",
        f"the section “{section.slug}” must have order: {section.order}, as in materials/site.yml",
        f"write “order: {section.order}” in the front matter; to move the section in the "
        "navigation, ask a developer to change materials/site.yml",
    )


# Each language named in a message, in Vietnamese and in English.
_LANGUAGE_NAMED = {"vi": Text("tiếng Việt", "Vietnamese"), "en": Text("tiếng Anh", "English")}


def _missing_translation(page: PageSource, twin: str, lang: str) -> Problem:
    name = _LANGUAGE_NAMED[lang]
    return problem(
        Location(page.path, 1, 1),
        f"trang này chưa có bản {name.vi} “docs/{twin}”",
        f"tạo tệp docs/{twin} với cùng phần đầu trang (title, description, audience) đã dịch",
        f"this page has no {name.en} version “docs/{twin}”",
        f"create docs/{twin} with the same front matter (title, description, audience) translated",
    )
