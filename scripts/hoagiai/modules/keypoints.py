"""The key-points page: every module's "key points" block on one page, with review dates."""

from __future__ import annotations

from markupsafe import Markup

from hoagiai.citations import CitationUse, find_in_markdown
from hoagiai.feature import GeneratedFile, generated_page
from hoagiai.modules.model import KEY_POINTS, SECTION, Modules
from hoagiai.pagination import paginate
from hoagiai.printing.dates import spoken_date
from hoagiai.problems import Text
from hoagiai.render import render, t
from hoagiai.site import LANGUAGES, Site
from hoagiai.sitemap import SITE_MAP

STEM = f"{SECTION}/y-chinh"
PLACE = SITE_MAP["learning"].page("y-chinh")  # after the modules in the navigation
PER_PAGE = 12  # modules per page: the list is split into pages as modules are added


def key_points_pages(site: Site, modules: Modules) -> list[GeneratedFile]:
    pages = []
    for lang in LANGUAGES:
        title = t("modules.key_points_page.title", lang)
        for page in paginate(STEM, modules.items, PER_PAGE):
            entries = []
            for module in page.items:
                version = module[lang]
                block = version.block(KEY_POINTS)
                _record(site, module.slug, version.page.body_location(block.body_line, 1),
                        block.text(), page.path)
                entries.append({
                    "module": module, "version": version,
                    "reviewed": spoken_date(version.reviewed, lang),
                    "points": Markup(block.text()),  # authored Markdown, shown as written
                })
            meta = page.meta({
                "title": title,
                "description": t("modules.key_points_page.description", lang),
                "audience": PLACE.audience,
                "order": PLACE.order,
                "styles": ["modules"],
            }, lang)
            body = render("modules/key-points.md.j2", lang=lang, entries=entries, page=page)
            pages.append(generated_page(page.path, lang, meta, body))
    return pages


def key_points_page(modules: Modules, slug: str) -> str:
    """The key-points page that holds module `slug`'s block (the list splits into pages)."""
    for page in paginate(STEM, modules.items, PER_PAGE):
        if any(module.slug == slug for module in page.items):
            return page.path
    return f"{STEM}.md"


def _record(site: Site, slug: str, start, text: str, page: str) -> None:
    label = Text.each(lambda lang: t("modules.key_points_page.title", lang))
    for found in find_in_markdown(text):
        site.citations.append(CitationUse(found.ref, start.shifted(found.line - 1), page, slug,
                                          label))
