"""The scenarios feature: loads and checks the scenarios, lists their views, links to them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from hoagiai.citations import CitationUse
from hoagiai.feature import Feature, GeneratedFile, PageContext
from hoagiai.materials import load_material, material_files
from hoagiai.problems import Location, Problem, Report, Text, did_you_mean, problem
from hoagiai.scenarios import kit, views
from hoagiai.scenarios.graph import graph_problems
from hoagiai.scenarios.load import read_scenario
from hoagiai.scenarios.model import SECTION, Scenario, Scenarios
from hoagiai.site import Site, language_free_uri
from hoagiai.sitemap import SITE_MAP

SCHEMA = "scenario"
MODULES, STORIES = SITE_MAP["learning"].slug, SITE_MAP["stories"].slug
HANDOUTS_INDEX = SITE_MAP["handouts"].index


class ScenariosFeature(Feature):
    """`materials/tinh-huong/*.yml` become a player page and a trainer's kit each."""

    name = "scenarios"

    def load(self, site: Site, report: Report) -> None:
        scenarios = []
        for path in material_files(site, SECTION):
            document = load_material(path, SCHEMA, site, report)
            if document is None:
                continue
            scenario, problems = read_scenario(document, path.stem)
            problems += graph_problems(scenario, document.location(("start",)))
            report.extend(problems)
            if not problems:
                scenarios.append(scenario)
                _record_citations(site, scenario)
        site.put(Scenarios(tuple(sorted(scenarios, key=lambda s: (s.order, s.id)))))

    def check(self, site: Site, report: Report) -> None:
        modules = _slugs(site, MODULES)
        stories = _slugs(site, STORIES)
        for scenario in site.get(Scenarios).items:
            if scenario.module not in modules:
                report.add(_unknown_page(scenario.module_location, "module", scenario.module,
                                         MODULES, modules))
            for slug, location in scenario.practises:
                if slug not in stories:
                    report.add(_unknown_page(location, "practises", slug, STORIES, stories))

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        scenarios = site.get(Scenarios)
        if not scenarios.items:
            return []
        return [*views.pages(site, scenarios), *kit.kits(site, scenarios)]

    def page_markdown(self, site: Site, page: PageContext, markdown: str) -> str:
        """Modules, stories and the handouts index link to the scenarios that practise them."""
        scenarios = site.get(Scenarios)
        base = language_free_uri(page.src_uri)
        folder, _, name = base.removesuffix(".md").rpartition("/")
        if base == HANDOUTS_INDEX:
            extra = views.handouts_section(scenarios, page.lang)
        elif folder == MODULES:
            extra = views.practise_box(scenarios.practising_module(name), page.lang, folder)
        elif folder == STORIES:
            extra = views.practise_box(scenarios.practising_story(name), page.lang, folder)
        else:
            return markdown
        return f"{markdown.rstrip()}\n\n{extra}" if extra else markdown


def _slugs(site: Site, folder: str) -> list[str]:
    found = (language_free_uri(uri).removesuffix(".md").rpartition("/") for uri in site.pages)
    return sorted({name for parent, _, name in found if parent == folder and name != "index"})


def _record_citations(site: Site, scenario: Scenario) -> None:
    """Each choice's and ending's sources: checked and listed by the legal library."""
    title = scenario.title
    for step in scenario.steps:
        label = Text(f"Tình huống “{title.vi}” – bước {step.number}",
                     f"Scenario “{title.en}” – step {step.number}")
        for choice in step.choices:
            for citation in choice.cite:
                site.citations.append(CitationUse(citation.ref, citation.location,
                                                  scenario.page, step.anchor, label))
    for ending in scenario.endings:
        label = Text(f"Tình huống “{title.vi}” – kết thúc “{ending.title.vi}”",
                     f"Scenario “{title.en}” – ending “{ending.title.en}”")
        for citation in ending.cite:
            site.citations.append(CitationUse(citation.ref, citation.location, scenario.page,
                                              ending.anchor, label))
    label = Text(f"Bộ đóng vai “{title.vi}” – rút kinh nghiệm",
                 f"Role-play kit “{title.en}” – debrief")
    for citation in scenario.debrief_cite:
        site.citations.append(CitationUse(citation.ref, citation.location, scenario.kit_page,
                                          "rut-kinh-nghiem", label))


def _unknown_page(location: Location, field: str, slug: str, folder: str,
                  known: list[str]) -> Problem:
    close = difflib.get_close_matches(slug, known, n=1, cutoff=0.6)
    hint = did_you_mean(close[0] if close else "")
    return problem(
        location,
        f"{field}: không có trang “docs/{folder}/{slug}.md”",
        f"{hint.vi}viết tên một tệp có trong docs/{folder}/ (không có .md)",
        f"{field}: there is no page “docs/{folder}/{slug}.md”",
        f"{hint.en}write the name of a file in docs/{folder}/ (without .md)",
    )
