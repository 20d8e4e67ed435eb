"""One page of every kind the site has: what the browser gate and the tests open.

Add a line when a feature lands (a quiz, a legal document, a story, the plan dashboard,
the FAQ, the glossary...): the publishing gate then checks that kind of page in both
languages — accessibility, Content-Security-Policy, requests to other hosts — and so do
the tests. A listed page that does not exist fails the gate.
"""

from __future__ import annotations

from hoagiai.site import DEFAULT_LANGUAGE, LANGUAGES

# kind of page -> its Vietnamese address relative to the site root ("" is the home page).
PAGE_KINDS: dict[str, str] = {
    "home": "",
    "authored page": "gioi-thieu/",
    "section index": "hoc-tap/",
    "training module": "hoc-tap/hoa-giai-o-co-so-la-gi/",
    "audience index (generated)": "danh-cho/",
    "audience page (generated)": "danh-cho/nguoi-dan/",
    "page not found": "404.html",
}


def localized(path: str, lang: str) -> str:
    """The address of a page in `lang`: English pages live under en/."""
    return path if lang == DEFAULT_LANGUAGE else f"{lang}/{path}"


def pages_to_check() -> list[str]:
    """Every kind of page in every language, Vietnamese first."""
    return [localized(path, lang) for lang in LANGUAGES for path in PAGE_KINDS.values()]
