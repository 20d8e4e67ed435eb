"""The quiz feature: loads the banks, checks them against the site, and lists their views."""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from hoagiai.citations import CitationUse
from hoagiai.feature import Feature, GeneratedFile, PageContext
from hoagiai.frontmatter import DEFAULT_ORDER
from hoagiai.materials import load_material, material_files
from hoagiai.problems import Problem, Report, Text, did_you_mean, problem
from hoagiai.quiz import views
from hoagiai.quiz.load import read_bank
from hoagiai.quiz.model import Bank, QuizBanks
from hoagiai.safety.html_policy import markdown_links, mask_code
from hoagiai.site import PageSource, Site, language_free_uri
from hoagiai.sitemap import SITE_MAP

FOLDER = "quiz"  # materials/quiz/
SCHEMA = "quiz"
MODULES = SITE_MAP["learning"].slug


class QuizFeature(Feature):
    """One bank per training module becomes a self-check page, trainer sheets and exports."""

    name = "quiz"

    def load(self, site: Site, report: Report) -> None:
        banks = []
        for path in material_files(site, FOLDER):
            document = load_material(path, SCHEMA, site, report)
            if document is None:
                continue
            bank, problems = read_bank(document, path.stem, _module_order(site, path.stem))
            report.extend(problems)
            if bank is not None:
                banks.append(bank)
        site.put(QuizBanks(tuple(sorted(banks, key=lambda b: (b.order, b.id)))))
        for bank in banks:
            _record_citations(site, bank)

    def check(self, site: Site, report: Report) -> None:
        modules = sorted({_module_of(uri) for uri in site.pages} - {None, "index"})
        banks = site.get(QuizBanks)
        for bank in banks.banks:
            if bank.module not in modules:
                report.add(_unknown_module(bank, modules))
        known = sorted({bank.id for bank in banks.banks} | {"index"})
        for page in site.pages.values():
            report.extend(_links_to_missing_banks(page, known))

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        return views.everything(site, site.get(QuizBanks))

    def page_markdown(self, site: Site, page: PageContext, markdown: str) -> str:
        module = _module_of(page.src_uri)
        bank = site.get(QuizBanks).get(module) if module else None
        if bank is None:
            return markdown
        return f"{markdown.rstrip()}\n\n{views.self_check_box(bank, page.lang)}"


def _module_of(src_uri: str) -> str | None:
    """The module slug of a page directly in the learning section ("hoc-tap/x.en.md" → "x")."""
    base = language_free_uri(src_uri)
    folder, _, name = base.rpartition("/")
    return name.removesuffix(".md") if folder == MODULES else None


def _module_order(site: Site, module: str) -> int:
    page = site.pages.get(f"{MODULES}/{module}.md")
    order = page.meta.get("order") if page else None
    return order if isinstance(order, int) else DEFAULT_ORDER


def _record_citations(site: Site, bank: Bank) -> None:
    """Each question's sources, shown on its quiz page: checked and listed by the legal library."""
    page = f"{views.SECTION}/{bank.id}.md"
    for question in bank.questions:
        label = Text(f"Câu {question.number} – {bank.title.vi}",
                     f"Question {question.number} – {bank.title.en}")
        for citation in question.cite:
            site.citations.append(
                CitationUse(citation.ref, citation.location, page, question.anchor, label))


def _links_to_missing_banks(page: PageSource, known: list[str]) -> list[Problem]:
    """Links from an authored page to a quiz page (trac-nghiem/<bank>.md) with no bank:
    found here, before the build, rather than as a broken link half-way through it."""
    found = []
    folder = posixpath.dirname(page.src_uri)
    for line, column, address, _ in markdown_links(mask_code(page.body)):
        path = unquote(urlsplit(address).path)
        target = posixpath.normpath(posixpath.join(folder, path)) if path else ""
        section, _, name = target.rpartition("/")
        if section != views.SECTION or not name.endswith(".md"):
            continue
        bank = language_free_uri(name).removesuffix(".md")
        if bank not in known:
            close = difflib.get_close_matches(bank, known, n=1, cutoff=0.6)
            hint = did_you_mean(f"{close[0]}.md" if close else "")
            found.append(problem(
                page.body_location(line, column),
                f"liên kết tới bộ câu hỏi “{bank}” nhưng không có tệp "
                f"materials/{FOLDER}/{bank}.yml",
                f"{hint.vi}sửa liên kết theo tên một tệp trong materials/{FOLDER}/, hoặc tạo bộ "
                "câu hỏi đó",
                f"a link to the quiz bank “{bank}”, but there is no materials/{FOLDER}/{bank}.yml",
                f"{hint.en}link to a file of materials/{FOLDER}/, or create that bank",
            ))
    return found


def _unknown_module(bank: Bank, modules: list[str]) -> Problem:
    close = difflib.get_close_matches(bank.module, modules, n=1, cutoff=0.6)
    hint = did_you_mean(close[0] if close else "")
    return problem(
        bank.module_location,
        f"module: không có bài học “docs/{MODULES}/{bank.module}.md”",
        f"{hint.vi}mỗi bộ câu hỏi đi kèm một bài học có sẵn: đặt tên tệp và “module:” theo "
        f"tên một tệp trong docs/{MODULES}/",
        f"module: there is no module page “docs/{MODULES}/{bank.module}.md”",
        f"{hint.en}each bank goes with an existing module: name the file and “module:” after "
        f"a file in docs/{MODULES}/",
    )
