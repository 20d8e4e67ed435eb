"""The prose of the site, page by page, as the review sheet and the rule check read it.

Authored Markdown pages are read from `site.pages`; the FAQ from its YAML, one
answer at a time: an answer's `cite:` list covers each of its sentences. Only
citizens' pages, the FAQ and stories are checked for rule sentences without a
citation (the pages people rely on for their own case).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from hoagiai.citizens.faq import PAGE as FAQ_PAGE
from hoagiai.problems import Location, Problem, problem
from hoagiai.render import t
from hoagiai.review.rules import rule_cue
from hoagiai.review.sentences import Sentence, plain, sentences
from hoagiai.site import LANGUAGES, PageSource, Site
from hoagiai.yamlpos import load_yaml

# Page kinds in the order the sheet lists them; the first three are checked for rules.
KINDS = ("citizens", "faq", "story", "module", "page")
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
    return {"nguoi-dan": "citizens", "cau-chuyen": "story", "hoc-tap": "module"}.get(
        section, "page")


def review_pages(site: Site) -> list[ReviewPage]:
    """Every authored page and the FAQ, citizens' pages first, each in both languages."""
    pages = [_markdown_page(page) for page in site.pages.values()]
    pages += _faq_pages(site)
    language_rank = {lang: rank for rank, lang in enumerate(LANGUAGES)}
    return sorted(pages, key=lambda page: (KINDS.index(page.kind), page.base_uri,
                                           language_rank[page.lang]))


def _markdown_page(page: PageSource) -> ReviewPage:
    reviewed = page.meta.get("reviewed")
    return ReviewPage(page.path, page.base_uri, page.lang, str(page.meta.get("title", "")),
                      kind_of(page.base_uri), str(reviewed) if reviewed else "",
                      tuple(sentences(page.body, page.body_line)))


def _faq_pages(site: Site) -> list[ReviewPage]:
    path = site.paths.materials / FAQ_FILE
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    document, _ = load_yaml(text, site.paths.rel(path))
    if not isinstance(document.data, dict):
        return []
    lines = text.splitlines()
    made = []
    for lang in LANGUAGES:
        found: list[Sentence] = []
        for index, item in enumerate(document.data.get("questions", [])):
            start = document.location(("questions", index, "answer", lang)).line
            cite = tuple(item.get("cite", ()))
            for sentence in sentences(str(item["answer"][lang])):
                line = _line_of(sentence, lines, start)
                found.append(replace(sentence, line=line, covering=cite))
        made.append(ReviewPage(document.path, FAQ_PAGE, lang, t("citizens.faq_title", lang), "faq",
                               str(document.data.get("reviewed", "")), tuple(found)))
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
