"""The key-points page: every module's "key points" block on one page, with review dates."""

from __future__ import annotations

from markupsafe import Markup

from hoagiai.citations import CitationUse, find_in_markdown
from hoagiai.feature import GeneratedFile, generated_page
from hoagiai.modules.dates import spoken_date
from hoagiai.modules.model import KEY_POINTS, SECTION, Modules
from hoagiai.problems import Text
from hoagiai.render import render, t
from hoagiai.site import LANGUAGES, Site

PAGE = f"{SECTION}/y-chinh.md"
ORDER = 90  # after the ten modules in the navigation


def key_points_pages(site: Site, modules: Modules) -> list[GeneratedFile]:
    pages = []
    for lang in LANGUAGES:
        entries = []
        for module in modules.items:
            version = module[lang]
            block = version.block(KEY_POINTS)
            _record(site, module.slug, version.page.body_location(block.body_line, 1),
                    block.text())
            entries.append({
                "module": module, "version": version,
                "reviewed": spoken_date(version.reviewed, lang),
                "points": Markup(block.text()),  # authored Markdown, shown as written
            })
        meta = {
            "title": t("modules.key_points_page.title", lang),
            "description": t("modules.key_points_page.description", lang),
            "audience": ["hoa-giai-vien", "tap-huan-vien"],
            "order": ORDER,
            "styles": ["modules"],
        }
        body = render("modules/key-points.md.j2", lang=lang, entries=entries)
        pages.append(generated_page(PAGE, lang, meta, body))
    return pages


def _record(site: Site, slug: str, start, text: str) -> None:
    label = Text(t("modules.key_points_page.title", "vi"), t("modules.key_points_page.title", "en"))
    for found in find_in_markdown(text):
        site.citations.append(CitationUse(found.ref, start.shifted(found.line - 1), PAGE, slug,
                                          label))
