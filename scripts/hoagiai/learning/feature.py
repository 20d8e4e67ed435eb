"""The self-study record: pages and page marks; the learner's data never leaves the device.

What the browser keeps (localStorage, docs/assets/js/progress.js and record.js):
  hoagiai-last-v1:<lang>          last module, quiz or scenario opened {kind,id,title,url,date}
  hoagiai-module-v1:<slug>        a module marked studied {date}
  hoagiai-quiz-v1:best:<bank>     best quiz score {right,total,date} (quiz.js)
  hoagiai-scenario-v1:<id>        a finished role-play scenario (tinh-huong/, its own script)
  hoagiai-profile-v1              name and village typed on the record page {name,village}
The server only adds the marks the scripts read: data-learning-* on module and quiz pages,
the "continue" card on the home page and the learning sections' indexes, the
"studied" button at the end of each module.
"""

from __future__ import annotations

from collections.abc import Iterable

from hoagiai.feature import Feature, GeneratedFile, PageContext, generated_page
from hoagiai.modules.model import Modules, module_slug
from hoagiai.quiz.model import QuizBanks
from hoagiai.quiz.views import SECTION as QUIZ_SECTION
from hoagiai.render import render, t
from hoagiai.site import LANGUAGES, Site, language_free_uri
from hoagiai.sitemap import SITE_MAP

RECORD = SITE_MAP["record"]
RECORD_PAGE = RECORD.index
# Where the "continue" card shows: the home page and the indexes of the learning sections.
KIT_BOX = '<div class="hg-kit"'
CONTINUE_ON = ("index.md", *(SITE_MAP[key].index for key in ("learning", "quizzes", "scenarios")))


class LearningFeature(Feature):
    name = "learning"

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        modules, banks = site.get(Modules), site.get(QuizBanks)
        for lang in LANGUAGES:
            meta = {
                "title": t("learning.record.title", lang),
                "description": t("learning.record.description", lang),
                "audience": RECORD.audience,
                "order": RECORD.order,
                "scripts": ["record"],
                "styles": ["learning"],
                "search": {"exclude": True},
            }
            body = render("learning/record.md.j2", lang=lang, modules=modules.items,
                          banks=banks.banks)
            yield generated_page(RECORD_PAGE, lang, meta, body)

    def page_html(self, site: Site, page: PageContext, html: str) -> str:
        base = language_free_uri(page.src_uri)
        title = str(page.meta.get("title", ""))
        if base in CONTINUE_ON:
            page.use_style("learning")
            return _snippet("continue.html.j2", page.lang) + html
        slug = module_slug(base)
        if slug is not None and site.get(Modules).find(slug) is not None:
            page.use_style("learning")
            studied = _snippet("studied.html.j2", page.lang, id=slug, title=title)
            # The learner's mark comes before the trainer's kit (hoagiai.kit), if there is one.
            before, kit, after = html.partition(KIT_BOX)
            return f"{before}{studied}{kit}{after}" if kit else html + studied
        bank = site.get(QuizBanks).get(_bank_of(base) or "")
        if bank is not None:
            return _snippet("mark.html.j2", page.lang, kind="quiz", id=bank.id,
                            title=bank.title[page.lang]) + html
        return html


def _bank_of(base_uri: str) -> str | None:
    folder, _, name = base_uri.rpartition("/")
    return name.removesuffix(".md") if folder == QUIZ_SECTION else None


def _snippet(template: str, lang: str, **values: str) -> str:
    return render(f"learning/{template}", lang=lang, **values).strip()
