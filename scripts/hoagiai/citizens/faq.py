"""Frequently asked questions: one YAML file, one page per language, FAQPage structured data."""

from __future__ import annotations

import json
from dataclasses import dataclass

from hoagiai.citations import CitationUse
from hoagiai.problems import Text
from hoagiai.sitemap import SITE_MAP
from hoagiai.yamlpos import YamlDocument

PAGE = SITE_MAP["citizens"].page("hoi-dap").path


@dataclass(frozen=True)
class Question:
    id: str  # the stable anchor on the page: nguoi-dan/hoi-dap/#<id>
    question: Text
    answer: Text
    cite: tuple[str, ...]


@dataclass(frozen=True)
class Faq:
    reviewed: str
    questions: tuple[Question, ...]


def read_faq(document: YamlDocument) -> Faq:
    data = document.data
    return Faq(str(data["reviewed"]), tuple(
        Question(item["id"], Text.of(item["question"]), Text.of(item["answer"]),
                 tuple(item.get("cite", ())))
        for item in data["questions"]
    ))


def citation_uses(document: YamlDocument, faq: Faq) -> list[CitationUse]:
    """Each citation of each answer, shown on the FAQ page at the question's anchor."""
    return [
        CitationUse(ref, document.location(("questions", i, "cite", j)), PAGE, question.id,
                    question.question)
        for i, question in enumerate(faq.questions)
        for j, ref in enumerate(question.cite)
    ]


def structured_data(faq: Faq, lang: str) -> str:
    """schema.org FAQPage as JSON, safe to place inside <script type="application/ld+json">."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": lang,
        "mainEntity": [
            {
                "@type": "Question",
                "name": question.question[lang],
                "acceptedAnswer": {"@type": "Answer", "text": question.answer[lang]},
            }
            for question in faq.questions
        ],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # "</script>" or "<!--" inside a question must not end the element: escape the markup
    # characters; JSON reads \u003c as "<", so the data is unchanged.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
