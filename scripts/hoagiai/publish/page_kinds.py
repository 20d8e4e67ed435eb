"""One page of every kind the site has: what the browser gate and the tests open.

Add a line when a new kind of page lands: the publishing gate then checks that kind of
page in both languages — accessibility, Content-Security-Policy, requests to other
hosts — and so do the tests (tests/test_publish.py, tests/test_offline.py). A listed page
that does not exist fails the gate.
"""

from __future__ import annotations

from hoagiai.site import DEFAULT_LANGUAGE, LANGUAGES

# kind of page -> its Vietnamese address relative to the site root ("" is the home page).
PAGE_KINDS: dict[str, str] = {
    "home": "",
    "authored page": "gioi-thieu/",
    "section index": "hoc-tap/",
    "training module": "hoc-tap/ky-nang-hoa-giai/",
    "key points of every module": "hoc-tap/y-chinh/",
    "printable handouts": "tai-lieu-in/",
    "handout": "tai-lieu-in/ghi-chep-va-bieu-mau/",
    "quiz index": "trac-nghiem/",
    "quiz": "trac-nghiem/trinh-tu-hoa-giai/",
    "trainers' quiz sets": "trac-nghiem/tap-huan/",
    "contest paper drawn in the browser": "trac-nghiem/hoi-thi/",
    "self-study record": "ho-so-tu-hoc/",
    "quiz sheet": "trac-nghiem/tap-huan/trinh-tu-hoa-giai-de.html",
    "answer key": "trac-nghiem/tap-huan/trinh-tu-hoa-giai-dap-an.html",
    "legal library": "van-ban/",
    "law": "van-ban/luat35/",
    "the commune plan": "van-ban/kehoach/",
    "notes file (not a legal text)": "van-ban/sukien/",
    "excerpt of a legal text": "van-ban/nd120/",
    "where the texts are cited": "van-ban/dan-chieu/",
    "page 2 of a long list (who cites the Law)": "van-ban/dan-chieu/luat35-2/",
    "citizens' corner": "nguoi-dan/",
    "plain-language page": "nguoi-dan/sau-khi-hoa-giai-thanh/",
    "questions and answers": "nguoi-dan/hoi-dap/",
    "contacts (phone numbers, vCards, posters)": "lien-he/",
    "stories": "cau-chuyen/",
    "story": "cau-chuyen/loi-di-chung/",
    "stories by topic": "cau-chuyen/chu-de/",
    "one topic": "cau-chuyen/chu-de/hang-xom/",
    "stories by year": "cau-chuyen/nam/",
    "one year": "cau-chuyen/nam/2026/",
    "glossary": "thuat-ngu/",
    "plan overview": "ke-hoach/",
    "plan progress dashboard": "ke-hoach/tien-do/",
    "plan tasks": "ke-hoach/nhiem-vu/",
    "plan units": "ke-hoach/don-vi/",
    "audience index (generated)": "danh-cho/",
    "audience page (generated)": "danh-cho/nguoi-dan/",
    "scenarios": "tinh-huong/",
    "scenario player": "tinh-huong/nguoi-vo-im-lang/",
    "role-play kits": "tinh-huong/dong-vai/",
    "role-play kit": "tinh-huong/dong-vai/nguoi-vo-im-lang/",
    "offline page (what is kept without a network)": "ngoai-tuyen/",
    "page not found": "404.html",
}


def localized(path: str, lang: str) -> str:
    """The address of a page in `lang`: English pages live under en/."""
    return path if lang == DEFAULT_LANGUAGE else f"{lang}/{path}"


def pages_to_check() -> list[str]:
    """Every kind of page in every language, Vietnamese first."""
    return [localized(path, lang) for lang in LANGUAGES for path in PAGE_KINDS.values()]
