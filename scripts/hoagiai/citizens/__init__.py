"""The citizens' corner: plain-language pages under `nguoi-dan/`, and the FAQ.

Every page of the corner, and every story, opens with the same short notice,
made here rather than copied into each page: when it was last reviewed, and
that it explains the law without being legal advice.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from hoagiai.citizens.faq import PAGE, Faq, citation_uses, read_faq, structured_data
from hoagiai.citizens.notice import notice_markdown
from hoagiai.feature import Feature, GeneratedFile, PageContext, generated_page
from hoagiai.materials import load_material
from hoagiai.problems import Report
from hoagiai.render import render, t
from hoagiai.site import LANGUAGES, Site, language_free_uri
from hoagiai.sitemap import SITE_MAP
from hoagiai.unique import duplicates

FOLDER = SITE_MAP["citizens"].slug
STORIES = SITE_MAP["stories"].slug
FAQ_PLACE = SITE_MAP["citizens"].page("hoi-dap")


class CitizensFeature(Feature):
    name = "citizens"

    def load(self, site: Site, report: Report) -> None:
        document = load_material(site.paths.materials / "faq.yml", "faq", site, report)
        if document is not None:
            report.extend(duplicates(document, ("questions",), ("id",), "mã câu hỏi",
                                     "question id"))
            faq = read_faq(document)
            site.put(faq)
            site.citations.extend(citation_uses(document, faq))

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        faq = site.get(Faq)
        for lang in LANGUAGES:
            meta = {
                "title": t("citizens.faq_title", lang),
                "description": t("citizens.faq_description", lang),
                "audience": FAQ_PLACE.audience,
                "order": FAQ_PLACE.order,
                "reviewed": faq.reviewed,
            }
            body = render("citizens/faq.md.j2", lang=lang, faq=faq)
            yield generated_page(PAGE, lang, meta, body)

    def page_markdown(self, site: Site, page: PageContext, markdown: str) -> str:
        """Citizens' pages (dated: their schema requires `reviewed`) and authored stories open
        with the "not legal advice" notice; a story's own header is put above it later."""
        base = language_free_uri(page.src_uri)
        story = base.startswith(f"{STORIES}/") and page.src_uri in site.pages
        if not (base.startswith(f"{FOLDER}/") or story):
            return markdown
        return notice_markdown(page.meta, page.lang) + "\n" + markdown

    def page_context(self, site: Site, page: PageContext) -> dict[str, Any]:
        """Every page links to the FAQ when a search finds nothing; the FAQ itself carries
        its structured data."""
        values: dict[str, Any] = {"faq": {"href": page.link_to(PAGE)}}
        if language_free_uri(page.src_uri) == PAGE:
            values["structured_data"] = [structured_data(site.get(Faq), page.lang)]
        return values
