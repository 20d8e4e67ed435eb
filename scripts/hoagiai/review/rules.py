"""Does a sentence state a rule? A word list, not a judgement: it finds what a reviewer must see.

A sentence states a rule when, after its citations and Markdown are removed,
it contains one of these cues (whole words, any case):

- Vietnamese: "phải" (but not "không phải là", which only says what something
  is not, nor a question's "phải không"), "không được", "không ai được",
  "được quyền", "có quyền", "có nghĩa vụ", "có trách nhiệm", "bắt buộc", "cấm",
  "thời hạn", or a number followed by a unit of time or money (ngày, tháng,
  năm, tuần, đồng, nghìn, triệu, tỷ, %), or hours that are a duration rather than a
  time of day ("trong 24 giờ" but not "đến 21 giờ");
- English: "must", "shall", "may not", "cannot", "is not allowed", "has / have
  the right", "is / are entitled", "is / are obliged", "has / have a duty",
  "is / are responsible", "required", "forbid(s/den)", "deadline", "within"
  followed by a number, or a number (in digits or words up to thirty) followed
  by days, months, years, hours, weeks, dong or %.

Questions are not rules: the parts of a sentence that end in "?" (an FAQ link,
a table of "what do you want to know?") are left out before looking.
The cue that matched is returned so the sheet and the warning can show it.
"""

from __future__ import annotations

import re

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
)
_VI = [
    r"(?<!không )phải(?! là(?!\w))(?! không(?!\w))",
    r"không (?:ai )?được",
    r"được quyền",
    r"có quyền",
    r"có nghĩa vụ",
    r"có trách nhiệm",
    r"bắt buộc",
    r"cấm",
    r"thời hạn",
    r"\d+(?:[.,]\d+)*\s*(?:ngày|tháng|năm|tuần|đồng|nghìn|triệu|tỷ|%)",
    # Hours count as a duration ("trong 24 giờ"), not as a time of day ("đến 21 giờ").
    r"(?<!lúc )(?<!đến )(?<!tới )(?<!từ )\d+\s*giờ",
]
_EN = [
    r"must",
    r"shall",
    r"may not",
    r"cannot",
    r"(?:is|are) not allowed",
    r"(?:has|have) the right",
    r"(?:is|are) entitled",
    r"(?:is|are) obliged",
    r"(?:has|have) a duty",
    r"(?:is|are) responsible",
    r"required",
    r"forbid(?:s|den)?",
    r"deadline",
    rf"within (?:\d+|{_NUMBER_WORDS})",
    rf"(?:\d+(?:[.,]\d+)*|{_NUMBER_WORDS})(?:\s|-)(?:working )?"
    r"(?:days?|months?|years?|hours?|weeks?|dong|million dong)",
    r"\d+(?:[.,]\d+)*\s*%",
]


def _pattern(cues: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{cue})" for cue in cues) + r")(?!\w)",
                      re.IGNORECASE)


_QUESTION = re.compile(r"[^.!?·:;]*\?")
_CUES = {"vi": _pattern(_VI), "en": _pattern(_EN)}


def rule_cue(text: str, lang: str) -> str | None:
    """The words that make `text` state a rule, or None. `text` is plain (see `Sentence.text`)."""
    found = _CUES[lang].search(_QUESTION.sub("", text))
    return found.group() if found else None
