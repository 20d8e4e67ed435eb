"""The training modules feature: validates the module pages, makes their printable views."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from hoagiai.feature import Feature, GeneratedFile, PageContext, generated_page
from hoagiai.modules import checks
from hoagiai.modules.blocks import parse
from hoagiai.modules.forms import FormFile, forms, record_citations
from hoagiai.modules.handouts import FOLDER, LEARNER, TRAINER, HandoutFiles, handouts
from hoagiai.modules.keypoints import key_points_pages
from hoagiai.modules.model import Module, Modules, ModuleVersion, module_slug
from hoagiai.modules.sections import ModuleSections
from hoagiai.printing.dates import build_date, spoken_date
from hoagiai.printing.inputs import pdf_maker
from hoagiai.printing.pdf import PdfMaker
from hoagiai.printing.sizes import size_mark
from hoagiai.problems import Report
from hoagiai.render import render, t
from hoagiai.site import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Site,
    language_free_uri,
    localized_uri,
)
from hoagiai.sitemap import SITE_MAP

LOG = logging.getLogger("mkdocs.plugins.hoagiai.modules")
HANDOUTS = SITE_MAP["handouts"]
HANDOUTS_INDEX = HANDOUTS.index
# Front matter every module page needs besides the shared fields (module.schema.json).
_MODULE_FIELDS = ("title", "description", "reviewed", "duration", "order")


class ModulesFeature(Feature):
    """`hoc-tap/<slug>.md` pages: parts checked in both languages; key points and handouts."""

    name = "modules"

    def __init__(self) -> None:
        self.pdfs: PdfMaker | None = None  # the last run's PDF maker: what it rendered, reused

    def load(self, site: Site, report: Report) -> None:
        modules = []
        for page in sorted(site.pages.values(), key=lambda p: p.src_uri):
            slug = module_slug(page.base_uri)
            if slug is None or page.lang != DEFAULT_LANGUAGE:
                continue
            pages = {lang: site.pages.get(localized_uri(page.base_uri, lang)) for lang in LANGUAGES}
            if any(p is None or not all(k in p.meta for k in _MODULE_FIELDS)
                   for p in pages.values()):
                continue  # the pages feature has reported the missing twin or field
            versions = {lang: ModuleVersion(p, parse(p.body)) for lang, p in pages.items()
                        if p is not None}  # None was excluded above; this narrows the type
            found = [problem for v in versions.values() for problem in checks.check_version(v)]
            module = Module(slug, int(page.meta["order"]), versions)
            if not found:
                found = checks.check_module(module)
            report.extend(found)
            if not found:
                modules.append(module)
        model = Modules(tuple(sorted(modules, key=lambda m: (m.number, m.slug))))
        site.put(model)
        site.resolvers.append(ModuleSections(model))

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        modules = site.get(Modules)
        built = build_date()
        maker = self.pdfs = pdf_maker(site, built)
        files: list[GeneratedFile] = list(key_points_pages(site, modules))
        for module in modules.items:
            files += handouts(site, module, built, maker)
        form_files = list(forms(site, built, maker))
        files += [generated for _, generated in form_files]
        record_citations(site, HANDOUTS_INDEX, [info for info, _ in form_files])
        files += _handouts_index(modules, [info for info, _ in form_files])
        return files

    def after_build(self, site: Site) -> None:
        # The PDFs are made when written: all of them once the last language is built.
        if self.pdfs is not None:
            LOG.info("PDF: %d rendered in %.1f s, %d reused from cache",
                     len(self.pdfs.rendered), self.pdfs.seconds, len(self.pdfs.reused))

    def page_html(self, site: Site, page: PageContext, html: str) -> str:
        """Module pages open with the switch that hides the trainer notes."""
        if module_slug(language_free_uri(page.src_uri)) is None:
            return html
        toggle = render("modules/notes-toggle.html.j2", lang=page.lang)
        return toggle + html



def _handouts_index(modules: Modules, form_files: list[FormFile]) -> list[GeneratedFile]:
    """The handouts page of each language (it marks where each PDF's size goes)."""
    return [generated_page(HANDOUTS_INDEX, lang, _handouts_index_meta(lang),
                           _handouts_index_text(modules, form_files, lang))
            for lang in LANGUAGES]


def _handouts_index_meta(lang: str) -> dict[str, Any]:
    return {
        "title": t("modules.handouts.title", lang),
        "description": t("modules.handouts.description", lang),
        "audience": HANDOUTS.audience,
        "order": HANDOUTS.order,
    }


def _handouts_index_text(modules: Modules, form_files: list[FormFile], lang: str) -> str:
    rows = []
    for module in modules.items:
        where = HandoutFiles(module.slug)
        rows.append({
            "module": module, "version": module[lang],
            "page": where.page.removeprefix(f"{FOLDER}/"),
            "learner": where.pdf(LEARNER).removeprefix(f"{FOLDER}/"),
            "trainer": where.pdf(TRAINER).removeprefix(f"{FOLDER}/"),
            "learner_size": size_mark(localized_uri(where.pdf(LEARNER), lang)),
            "trainer_size": size_mark(localized_uri(where.pdf(TRAINER), lang)),
            "reviewed": spoken_date(module[lang].reviewed, lang),
        })
    listed = [
        {"title": f.title, "summary": f.summary, "size": f.size, "cite": f.cite,
         "file": f.file.removeprefix(f"{FOLDER}/")}
        for f in form_files if f.lang == lang
    ]
    return render("modules/handouts-index.md.j2", lang=lang, rows=rows, forms=listed)
