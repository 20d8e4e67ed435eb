"""The prose of the site, page by page, as the review sheet and the rule check read it.

Authored Markdown pages are read from `site.pages`; the FAQ answers, the quiz
explanations and the glossary definitions from their YAML, one item at a time:
an item's `cite:` list covers each sentence of its text. Only
citizens' pages, the FAQ and stories are checked for rule sentences without a
citation (the pages people rely on for their own case).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from hoagiai.citizens.faq import PAGE as FAQ_PAGE
from hoagiai.glossary.model import PAGE as GLOSSARY_PAGE
from hoagiai.problems import Location, Problem, problem
from hoagiai.render import t
from hoagiai.review.rules import rule_cue
from hoagiai.review.sentences import Sentence, plain, sentences
from hoagiai.site import LANGUAGES, PageSource, Site
from hoagiai.sitemap import SITE_MAP
from hoagiai.yamlpos import YamlDocument, load_yaml

# Page kinds in the order the sheet lists them; the first three are checked for rules.
KINDS = ("citizens", "faq", "story", "module", "quiz", "glossary", "page")
RULE_KINDS = ("citizens", "faq", "story")
FAQ_FILE = "faq.yml"


@dataclass(frozen=True)
class ReviewPage:
    """One page (one language) of prose: where it is written and its sentences."""

    path: str  # the file, from the project root: "docs/nguoi-dan/x.md", "materials/faq.yml"
    base_uri: str  # "nguoi-dan/x.md"
    lang: str
    title: str
    kind: str
    reviewed: str  # the `reviewed:` date (ISO), or ""
    sentences: tuple[Sentence, ...]

    def cited(self) -> list[Sentence]:
        return [sentence for sentence in self.sentences if sentence.cited]

    def uncited_rules(self) -> list[tuple[Sentence, str]]:
        """Sentences that state a rule and rest on no citation (only for RULE_KINDS)."""
        if self.kind not in RULE_KINDS:
            return []
        return [(sentence, cue) for sentence in self.sentences if not sentence.cited
                and (cue := rule_cue(sentence.text, self.lang))]


def kind_of(base_uri: str) -> str:
    if base_uri == FAQ_PAGE:
        return "faq"
    section = base_uri.split("/")[0]
    kinds = {"citizens": "citizens", "stories": "story", "learning": "module"}
    return next((kind for key, kind in kinds.items() if SITE_MAP[key].slug == section), "page")


def review_pages(site: Site) -> list[ReviewPage]:
    """Every authored page and the FAQ, citizens' pages first, each in both languages."""
    pages = [_markdown_page(page) for page in site.pages.values()]
    pages += _yaml_pages(site)
    language_rank = {lang: rank for rank, lang in enumerate(LANGUAGES)}
    return sorted(pages, key=lambda page: (KINDS.index(page.kind), page.base_uri,
                                           language_rank[page.lang]))


def _markdown_page(page: PageSource) -> ReviewPage:
    reviewed = page.meta.get("reviewed")
    return ReviewPage(page.path, page.base_uri, page.lang, str(page.meta.get("title", "")),
                      kind_of(page.base_uri), str(reviewed) if reviewed else "",
                      tuple(sentences(page.body, page.body_line)))


@dataclass(frozen=True)
class YamlProse:
    """Where a YAML material keeps prose: a list of items, each with a text and a `cite:` list."""

    pattern: str  # files under materials/: "faq.yml", "quiz/*.yml"
    items: str  # the list: "questions", "terms"
    text: str  # each item's bilingual text: "answer", "definition", "explanation"
    kind: str

    def page(self, path: Path) -> str:
        """The page that shows the file's prose, without language suffix."""
        return {"faq": FAQ_PAGE, "glossary": GLOSSARY_PAGE}.get(
            self.kind, SITE_MAP["quizzes"].path(f"{path.stem}.md"))

    def title(self, data: dict, lang: str) -> str:
        if self.kind == "faq":
            return t("citizens.faq_title", lang)
        if self.kind == "glossary":
            return t("glossary.title", lang)
        return str(data.get("title", {}).get(lang, ""))


YAML_PROSE = (
    YamlProse(FAQ_FILE, "questions", "answer", "faq"),
    YamlProse("quiz/*.yml", "questions", "explanation", "quiz"),
    YamlProse("glossary.yml", "terms", "definition", "glossary"),
)


def _yaml_pages(site: Site) -> list[ReviewPage]:
    made = []
    for prose in YAML_PROSE:
        for path in sorted(site.paths.materials.glob(prose.pattern)):
            text = path.read_text(encoding="utf-8")
            document, _ = load_yaml(text, site.paths.rel(path))
            if isinstance(document.data, dict):
                made += _yaml_page(prose, path, document, text.splitlines())
    return made


def _yaml_page(prose: YamlProse, path: Path, document: YamlDocument,
               lines: list[str]) -> list[ReviewPage]:
    """One page per language: every item's text cut into sentences, each covered by its cite."""
    data = document.data
    made = []
    for lang in LANGUAGES:
        found: list[Sentence] = []
        for index, item in enumerate(data.get(prose.items, [])):
            value = item.get(prose.text, {}).get(lang) if isinstance(item, dict) else None
            if not value:
                continue
            start = document.location((prose.items, index, prose.text, lang)).line
            cite = tuple(item.get("cite", ()))
            for sentence in sentences(str(value)):
                found.append(replace(sentence, line=_line_of(sentence, lines, start),
                                     covering=cite))
        made.append(ReviewPage(document.path, prose.page(path), lang, prose.title(data, lang),
                               prose.kind, str(data.get("reviewed", "")), tuple(found)))
    return made


def _line_of(sentence: Sentence, lines: list[str], start: int) -> int:
    """The line of the YAML file where a sentence of a folded answer starts (from `start`)."""
    words = plain(sentence.markdown).split()
    for size in (3, 2, 1):
        probe = " ".join(words[:size])
        for number in range(start, min(start + 15, len(lines) + 1)):
            if probe and probe in lines[number - 1]:
                return number
    return start


def rule_warnings(site: Site) -> list[Problem]:
    """A warning for each sentence that states a rule without a citation, with file:line."""
    warnings = []
    for page in review_pages(site):
        for sentence, cue in page.uncited_rules():
            short = sentence.text if len(sentence.text) <= 90 else sentence.text[:87] + "…"
            warnings.append(problem(
                Location(page.path, sentence.line),
                f"cảnh báo: câu nêu quy định («{cue}») nhưng chưa dẫn nguồn: “{short}”",
                "thêm [[…]] tới điều, khoản làm căn cứ (đọc kỹ điều đó trước), hoặc viết lại câu "
                "cho khỏi nêu quy định",
                f"warning: a sentence states a rule (“{cue}”) but cites nothing: “{short}”",
                "add a [[…]] citation of the article or clause it rests on (read it first), or "
                "reword the sentence so that it states no rule",
            ))
    return warnings
