"""The tables of queries the search must answer, as people type them, on the real site.

Used by tests/test_search_browser.py (served by nginx) and tests/test_search_offline.py
(file://). Extend them as content arrives: each row is typed on `start` ("" for the
Vietnamese site, "en/" for the English one).
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


class Query(NamedTuple):
    """Typed on `start`: the first result is one of `first` (if given); every page in `also`
    is found. Where several pages answer the question equally well (a module and the
    citizens' page on the same topic, a law and the lesson about it), `first` lists them."""

    start: str
    query: str
    first: tuple[str, ...]
    also: tuple[str, ...] = ()


WHAT_IS = ("nguoi-dan/hoa-giai-la-gi/", "hoc-tap/hoa-giai-o-co-so-la-gi/")
MEDIATORS = ("hoc-tap/hoa-giai-vien-va-to-hoa-giai/", "danh-cho/hoa-giai-vien/")
SKILLS = ("hoc-tap/ky-nang-hoa-giai/",)
COURT = ("van-ban/luat58/", "hoc-tap/hoa-giai-tai-toa-an/")
FIVE_GOOD = ("van-ban/ghichep/", "hoc-tap/to-hoa-giai-5-tot/")

# The real site's pages; each accented query sits next to the ways people also type it.
QUERIES = [
    Query("", "hòa giải ở cơ sở là gì", WHAT_IS, WHAT_IS),
    Query("", "hoa giai o co so la gi", WHAT_IS, WHAT_IS),
    Query("", "HÒA GIẢI Ở CƠ SỞ LÀ GÌ", WHAT_IS, WHAT_IS),
    Query("", nfd("hòa giải ở cơ sở là gì"), WHAT_IS, WHAT_IS),
    Query("", "hoà giải viên", MEDIATORS, ("danh-cho/hoa-giai-vien/",)),
    Query("", nfd("hoà giải viên"), MEDIATORS, ("danh-cho/hoa-giai-vien/",)),
    Query("", "kỹ năng hòa giải", SKILLS),
    Query("", "ky nang hoa giai", SKILLS),
    Query("", "KỸ NĂNG", SKILLS),
    Query("", "lắng nghe", SKILLS),
    Query("", "lang nghe", SKILLS),
    Query("", "dat cau hoi", SKILLS),
    Query("", "số hoá", (), ("gioi-thieu/", "ke-hoach/nhiem-vu/")),
    Query("", "so hoa tai lieu", (), ("gioi-thieu/", "ke-hoach/nhiem-vu/")),
    Query("gioi-thieu/", "dien tu", (), ("gioi-thieu/",)),
    Query("", "đối thoại tại tòa án", COURT, COURT),
    Query("", "doi thoai tai toa", COURT, COURT),
    Query("", "thuong phuc", ("van-ban/ghichep/",), ("gioi-thieu/", "ke-hoach/")),
    Query("", "quyen rieng tu", ("gioi-thieu/",)),
    Query("", "tổ hòa giải 5 tốt", FIVE_GOOD, FIVE_GOOD),
    Query("", "thu lao", ("hoc-tap/kinh-phi-va-ho-tro/",)),
    Query("", "Cong nhan ket qua hoa giai thanh", ("hoc-tap/cong-nhan-tai-toa-an/",),
          ("van-ban/blttds/",)),
    Query("", "bieu mau", (), ("hoc-tap/ghi-chep-va-bieu-mau/", "tai-lieu-in/")),
    Query("en/", "mediation skills", ("en/hoc-tap/ky-nang-hoa-giai/",)),
    Query("en/", "MEDIATION SKILLS", ("en/hoc-tap/ky-nang-hoa-giai/",)),
    Query("en/", "mediator", ("en/hoc-tap/hoa-giai-vien-va-to-hoa-giai/",)),
    Query("en/", "privacy", ("en/gioi-thieu/",)),
    Query("en/", "thuong phuc", (), ("en/gioi-thieu/", "en/ke-hoach/")),
    Query("en/", "court recognition", ("en/hoc-tap/cong-nhan-tai-toa-an/",)),
    Query("en/", "five-good team", ("en/hoc-tap/to-hoa-giai-5-tot/",)),
]

# Each accented query, and the other ways of typing it that must find exactly the same pages.
SAME_RESULTS = [
    ("", "hòa giải ở cơ sở là gì",
     ("hoa giai o co so la gi", "HÒA GIẢI Ở CƠ SỞ LÀ GÌ", nfd("hòa giải ở cơ sở là gì"),
      "hoà giải ở cơ sở là gì")),
    ("", "hòa giải viên", ("hoà giải viên", nfd("hoà giải viên"), "hoa giai vien")),
    ("", "đối thoại tại tòa án", ("doi thoai tai toa an", "ĐỐI THOẠI TẠI TOÀ ÁN")),
    ("", "hòa giải thành", ("hoà giải thành", "hoa giai thanh", "HÒA GIẢI THÀNH")),
    ("en/", "mediation skills", ("MEDIATION SKILLS", "Mediation Skills")),
]


class Question(NamedTuple):
    """A question typed whole on `start`, as a citizen asks it: one of `answers` is among the
    first three results (what a 390-px phone shows before any scrolling)."""

    start: str
    query: str
    answers: tuple[str, ...]


ASK = ("nguoi-dan/cach-nho-hoa-giai/", "nguoi-dan/hoi-dap/")
RIGHTS = ("nguoi-dan/quyen-va-nghia-vu/",)
WHICH = ("nguoi-dan/viec-nao-hoa-giai-duoc/",)
PAPERS = ("nguoi-dan/sau-khi-hoa-giai-thanh/", "nguoi-dan/hoi-dap/")
ELSEWHERE = ("nguoi-dan/noi-khac-giup-do/",)
SESSION = ("nguoi-dan/buoi-hoa-giai/", "nguoi-dan/hoi-dap/")
STEPS = ("hoc-tap/ky-nang-hoa-giai/", "hoc-tap/trinh-tu-hoa-giai/")
BECOME = ("hoc-tap/hoa-giai-vien-va-to-hoa-giai/",)
PAID = ("nguoi-dan/hoi-dap/", "hoc-tap/kinh-phi-va-ho-tro/", "thuat-ngu/")


def english(pages: tuple[str, ...]) -> tuple[str, ...]:
    return tuple("en/" + page for page in pages)


# Questions whose words are not all on the answering page ("tôi" where it says "bạn", "my"
# where it says "your", "parties"): the words that ask ("gì", "thì", "what", "do I") and the
# rarer missing word must not hide it. With and without accents.
QUESTIONS = [
    Question("", "làm sao để yêu cầu hòa giải", ASK),
    Question("", "muốn nhờ hòa giải thì làm gì", ASK),
    Question("", "quyền của tôi khi hòa giải", RIGHTS),
    Question("", "quyen cua toi khi hoa giai", RIGHTS),
    Question("", "buổi hòa giải diễn ra thế nào", SESSION),
    Question("", "việc gì không được hòa giải", WHICH),
    Question("", "viec gi khong duoc hoa giai", WHICH),
    Question("", "hòa giải xong có cần giấy tờ không", PAPERS),
    Question("", "ngoài hòa giải còn ai giúp", ELSEWHERE),
    Question("", "khi có bạo lực thì gọi ai", (*ELSEWHERE, "lien-he/")),
    Question("", "hòa giải có mất tiền không", ("nguoi-dan/hoi-dap/",)),
    Question("", "hòa giải ở đâu", SESSION),
    # In people's words where a page had only the law's or the trainer's ("trình tự", "làm hòa
    # giải viên", "how it goes", "how soon"): the pages now say it both ways (guide, section 10).
    Question("", "các bước hòa giải", STEPS),
    Question("", "làm thế nào để trở thành hòa giải viên", BECOME),
    Question("", "hòa giải viên có được trả tiền không", PAID),
    # The lesson's team-leader section has its own heading, in the words people ask with.
    Question("", "ai chọn tổ trưởng tổ hòa giải", BECOME),
    Question("", "tổ trưởng làm gì", BECOME),
    Question("en/", "how do I ask for mediation", english(ASK)),
    Question("en/", "what are my rights", english(RIGHTS)),
    Question("en/", "rights and duties of the parties", english(RIGHTS)),
    Question("en/", "which disputes can be mediated", english(WHICH)),
    Question("en/", "do I need paperwork after mediation", english(PAPERS)),
    Question("en/", "where else can I get help", english(ELSEWHERE)),
    Question("en/", "who do I call if there is violence", english((*ELSEWHERE, "lien-he/"))),
    Question("en/", "does mediation cost money", ("en/nguoi-dan/hoi-dap/",)),
    Question("en/", "can I choose the mediator", english(ASK)),
    Question("en/", "what if mediation fails", english((*ELSEWHERE, "nguoi-dan/hoi-dap/"))),
    Question("en/", "are mediators paid", ("en/hoc-tap/kinh-phi-va-ho-tro/",)),
    Question("en/", "where does mediation take place", english(SESSION)),
    Question("en/", "steps of mediation", english(STEPS)),
    Question("en/", "how to become a mediator", english(BECOME)),
    Question("en/", "what happens at a mediation session", english(SESSION)),
    Question("en/", "how long until mediation starts", english(ASK)),
    # English words with the ending of "he chooses" or of a plural find the page's other forms
    # ("choose", "duty", "elected"); the team leader's paragraph says "choose" as well as "elect".
    Question("en/", "who chooses the mediator", english((*ASK, "hoc-tap/trinh-tu-hoa-giai/"))),
    Question("en/", "who chooses the team leader", english(BECOME)),
    Question("en/", "who elects mediators", english(BECOME)),
    Question("en/", "what are the duties of a mediator", english((*RIGHTS, *BECOME))),
]
