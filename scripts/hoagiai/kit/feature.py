"""The trainer's kit: a box of handouts on each module page, the download-all zip, print
buttons on the handout pages, and the contest page.

Runs after the modules and quiz features: it packs what they made.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable

from markupsafe import Markup

from hoagiai.feature import Feature, GeneratedFile, OutputFile, PageContext
from hoagiai.kit.bundle import ZIP, ZIP_NAME, bundle
from hoagiai.kit.contest_page import PAGE as CONTEST_PAGE
from hoagiai.kit.contest_page import contest_files, contest_form, contest_page
from hoagiai.modules.handouts import FOLDER, LEARNER, TRAINER, HandoutFiles
from hoagiai.modules.keypoints import key_points_page
from hoagiai.modules.model import Modules, module_slug
from hoagiai.printing.sizes import size_mark
from hoagiai.quiz import views
from hoagiai.quiz.model import QuizBanks
from hoagiai.quiz.paper import STYLESHEET
from hoagiai.render import render
from hoagiai.site import LANGUAGES, Site, language_free_uri, localized_uri

HANDOUTS_INDEX = f"{FOLDER}/index.md"
TRAINERS_PAGE = f"{views.TRAINERS}.md"


class TrainerKitFeature(Feature):
    name = "kit"

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        banks = site.get(QuizBanks)
        css = (site.paths.docs / STYLESHEET).read_text(encoding="utf-8")
        files: list[GeneratedFile] = []
        for lang in LANGUAGES:
            files.append(contest_page(lang))
            # Made when written, like the PDFs it packs.
            packed = printables(made, banks, lang, site, css)
            files.append(GeneratedFile(ZIP, lang, functools.partial(bundle, packed)))
        return files

    def after_pages(self, site: Site, lang: str) -> Iterable[OutputFile]:
        """The question sets for the contest page: an index, and a script per set."""
        return contest_files(site.get(QuizBanks), lang, site.resolve)

    def page_markdown(self, site: Site, page: PageContext, markdown: str) -> str:
        base = language_free_uri(page.src_uri)
        slug = module_slug(base)
        if slug is not None and site.get(Modules).find(slug) is not None:
            page.use_style("kit")
            return f"{markdown.rstrip()}\n\n{self._kit_box(site, slug, page.lang)}"
        if base == HANDOUTS_INDEX:
            page.use_style("kit")
            link = render("kit/download-all.md.j2", lang=page.lang, href=ZIP_NAME,
                          size=_size(ZIP, page.lang))
            return f"{link}\n\n{markdown}"
        if base == CONTEST_PAGE:
            return f"{markdown.rstrip()}\n\n{contest_form(site.get(QuizBanks), page)}"
        if base == TRAINERS_PAGE:
            return f"{render('kit/contest-link.md.j2', lang=page.lang)}\n\n{markdown}"
        return markdown

    def page_html(self, site: Site, page: PageContext, html: str) -> str:
        """Handout pages (tai-lieu-in/<module>/) open with a print button."""
        base = language_free_uri(page.src_uri)
        folder, _, name = base.rpartition("/")
        if folder != FOLDER or name == "index.md":
            return html
        page.use_script("print-button")
        return render("kit/print-button.html.j2", lang=page.lang).strip() + html

    def _kit_box(self, site: Site, slug: str, lang: str) -> str:
        where = HandoutFiles(slug)
        bank = site.get(QuizBanks).get(slug)
        return render(
            "kit/box.md.j2", lang=lang, slug=slug, bank=bank,
            learner=where.pdf(LEARNER), learner_size=_size(where.pdf(LEARNER), lang),
            trainer=where.pdf(TRAINER), trainer_size=_size(where.pdf(TRAINER), lang),
            handout=where.page, zip=ZIP, zip_size=_size(ZIP, lang),
            key_points=posixpath.basename(key_points_page(site.get(Modules), slug)),
        )


def _size(path: str, lang: str) -> Markup:
    """Where a page states the size of the printable at `path` in `lang`."""
    return size_mark(localized_uri(path, lang))


def printables(made: list[GeneratedFile], banks: QuizBanks, lang: str, site: Site,
               css: str) -> list[GeneratedFile]:
    """Every printable of `lang`: handout PDFs and forms, quiz sheets and keys (standalone)."""
    pdfs = [item for item in made if item.lang == lang and item.path.startswith(f"{FOLDER}/")
            and item.path.endswith(".pdf")]
    sheets = [document for bank in banks.banks
              for document in (views.sheet(bank, lang, css),
                               views.key(bank, lang, site.resolve, css))]
    return pdfs + sheets
