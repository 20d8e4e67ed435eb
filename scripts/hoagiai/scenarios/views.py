"""The scenario pages, in both languages, and the boxes other pages get.

Site layout (English under /en/):
  tinh-huong/index.md          every scenario, its skills and endings
  tinh-huong/<id>.md           the player (scenario.js); without JavaScript, a tree
  tinh-huong/dong-vai/…        the trainers' role-play kits (kit.py)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from markupsafe import Markup

from hoagiai import render as site_render
from hoagiai.feature import GeneratedFile, generated_page
from hoagiai.render import t
from hoagiai.scenarios.model import LEVELS, SECTION, Scenario, Scenarios
from hoagiai.scenarios.tree import build_tree
from hoagiai.site import LANGUAGES, Site, localized_uri
from hoagiai.sitemap import SITE_MAP

LEARNERS = SITE_MAP["scenarios"].audience
SECTION_ORDER = SITE_MAP["scenarios"].order
# The eight skills of the training material "Kỹ năng hòa giải ở cơ sở" (sukien 2.3), then the
# others the scenarios practise (module "Kỹ năng hòa giải"); ids as in scenario.schema.json.
EIGHT_SKILLS = ("tiep-can", "xac-minh", "tim-mau-thuan", "tra-cuu", "dieu-hanh", "thuyet-phuc",
                "ghi-chep", "long-ghep-pbgdpl")
SKILLS = (*EIGHT_SKILLS, "nhay-cam-gioi", "nhan-biet-bao-luc", "xung-dot-loi-ich",
          "chuyen-noi-khac", "lien-thon")


def citer(site: Site, lang: str) -> Callable[[str], Markup]:
    """A scenario's sources are lists, not prose: each keeps its full label (`[[ref|label]]`),
    so it stays a link on the page and prints as its label (a bare `[[ref]]` in prose becomes a
    numbered marker)."""
    def cite(ref: str) -> Markup:
        target = site.resolve(ref)
        label = target.label[lang] if target is not None else ref
        return Markup(f"[[{ref}|{label}]]")
    return cite


def render(template: str, **context: Any) -> str:
    """Render `templates/scenarios/<template>` (text inside raw HTML goes through `html`)."""
    return site_render.render(f"scenarios/{template}", **context)


def pages(site: Site, scenarios: Scenarios) -> Iterator[GeneratedFile]:
    for lang in LANGUAGES:
        yield index_page(site, scenarios, lang)
        for scenario in scenarios.items:
            yield player_page(site, scenario, lang, module_title(site, scenario.module, lang))


def module_title(site: Site, module: str, lang: str) -> str:
    page = site.pages.get(localized_uri(SITE_MAP["learning"].path(f"{module}.md"), lang))
    return str(page.meta.get("title", module)) if page else module


def index_page(site: Site, scenarios: Scenarios, lang: str) -> GeneratedFile:
    meta = page_meta(t("scenarios.index_title", lang), t("scenarios.index_description", lang),
                     SECTION_ORDER)
    titles = {s.module: module_title(site, s.module, lang) for s in scenarios.items}
    body = render("index.md.j2", lang=lang, scenarios=scenarios.items, skills=SKILLS,
                  module_titles=titles)
    return generated_page(f"{SECTION}/index.md", lang, meta, body)


def player_page(site: Site, scenario: Scenario, lang: str, module_title: str) -> GeneratedFile:
    meta = page_meta(t("scenarios.page_title", lang, title=scenario.title[lang]),
                     scenario.description[lang], scenario.order,
                     scripts=["scenario"], styles=["scenario"])
    body = render("page.md.j2", lang=lang, scenario=scenario, tree=build_tree(scenario),
                  cite=citer(site, lang), levels=LEVELS, level_word=level_word,
                  module_title=module_title)
    return generated_page(scenario.page, lang, meta, body)


def practise_box(scenarios: tuple[Scenario, ...], lang: str, folder: str) -> str:
    """"Practise this" at the end of a module or story that scenarios practise."""
    if not scenarios:
        return ""
    return render("practise.md.j2", lang=lang, scenarios=scenarios, folder=folder)


def handouts_section(scenarios: Scenarios, lang: str) -> str:
    """The role-play kits, listed at the end of the printable handouts index."""
    if not scenarios.items:
        return ""
    return render("handouts.md.j2", lang=lang, scenarios=scenarios.items)


def level_word(level: int, lang: str) -> str:
    return t(f"scenarios.level.{level}", lang)


def page_meta(title: str, description: str, order: int, **extra: Any) -> dict[str, Any]:
    return {"title": title, "description": " ".join(description.split()), "audience": LEARNERS,
            "order": order, **extra}
