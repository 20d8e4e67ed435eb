"""The glossary: terms in both languages, each with our own plain definition."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from hoagiai.citations import CitationUse
from hoagiai.problems import Problem, Text
from hoagiai.sitemap import SITE_MAP
from hoagiai.unique import duplicates, same_text
from hoagiai.yamlpos import YamlDocument

PAGE = SITE_MAP["glossary"].index


@dataclass(frozen=True)
class Term:
    id: str  # the anchor on the glossary page
    term: Text
    definition: Text
    forms: dict[str, tuple[str, ...]]  # other spellings to recognise in pages, per language
    cite: tuple[str, ...]
    mark: bool  # False for words too ambiguous to explain wherever they appear

    def spellings(self, lang: str) -> tuple[str, ...]:
        return (self.term[lang], *self.forms.get(lang, ()))


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]

    def sorted(self, lang: str) -> list[Term]:
        return sorted(self.terms, key=lambda term: sort_key(term.term[lang]))


def sort_key(text: str) -> str:
    """Dictionary order, close enough for Vietnamese: accents ignored, đ after d."""
    base = unicodedata.normalize("NFD", text.lower().replace("đ", "d\uffff"))
    return "".join(ch for ch in base if not unicodedata.combining(ch))


def read_glossary(document: YamlDocument) -> Glossary:
    return Glossary(tuple(
        Term(item["id"], Text.of(item["term"]), Text.of(item["definition"]),
             {lang: tuple(forms) for lang, forms in item.get("forms", {}).items()},
             tuple(item.get("cite", ())), item.get("mark", True))
        for item in document.data["terms"]
    ))


def term_duplicates(document: YamlDocument) -> list[Problem]:
    """An id used twice, or a term (in either language) defined again under another id."""
    return [
        *duplicates(document, ("terms",), ("id",), "mã thuật ngữ", "term id"),
        *duplicates(document, ("terms",), ("term", "vi"), "thuật ngữ", "term", same_text),
        *duplicates(document, ("terms",), ("term", "en"), "thuật ngữ", "term", same_text),
    ]


def citation_uses(document: YamlDocument, glossary: Glossary) -> list[CitationUse]:
    return [
        CitationUse(ref, document.location(("terms", i, "cite", j)), PAGE, term.id,
                    term.term)
        for i, term in enumerate(glossary.terms)
        for j, ref in enumerate(term.cite)
    ]
