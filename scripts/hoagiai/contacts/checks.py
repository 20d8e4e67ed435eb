"""What the schema cannot say about contacts: valid numbers, consent, sources, duplicates, age.

Every problem names the field and says how to fix it, in Vietnamese then English.
An entry not verified for 12 months is a warning (`stale_entries`), not an error:
the page stays up, and `hoagiai check` reminds the clerk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from hoagiai.citations import CitationUse
from hoagiai.contacts.model import PAGE, is_valid_phone
from hoagiai.problems import Problem, Text, problem
from hoagiai.unicode_nfc import nfc
from hoagiai.yamlpos import YamlDocument

STALE_AFTER_DAYS = 365
_GROUPS = ("offices", "helplines", "teams")


def _entries(document: YamlDocument) -> Iterator[tuple[str, int, dict[str, Any]]]:
    for group in _GROUPS:
        for index, entry in enumerate(document.data.get(group) or []):
            yield group, index, entry


def check_contacts(document: YamlDocument) -> list[Problem]:
    """Every problem of a contacts file that passed its schema."""
    found: list[Problem] = []
    for group, index, entry in _entries(document):
        found.extend(_phone_problems(document, group, index, entry))
    found.extend(_duplicates(document))
    return found


def _phone_problems(document: YamlDocument, group: str, index: int,
                    entry: dict[str, Any]) -> Iterator[Problem]:
    phone = entry.get("phone")
    if phone is not None and not is_valid_phone(str(phone)):
        yield problem(
            document.location((group, index, "phone")),
            f"số điện thoại “{phone}” không hợp lệ",
            "viết số ngắn (113), số bắt đầu bằng 0 có 10 hoặc 11 chữ số (0243 385 1234, "
            "0912 345 678) hoặc số 1800/1900…; chỉ dùng chữ số, dấu cách hoặc dấu chấm",
            f"the phone number “{phone}” is not valid",
            "write a short number (113), a number of 10 or 11 digits starting with 0 "
            "(0243 385 1234, 0912 345 678) or a 1800/1900 number; use only digits, spaces or dots",
        )
    if group == "teams":
        for field in ("leader", "phone"):
            if field in entry and "consent" not in entry:
                yield problem(
                    document.location((group, index, field)),
                    f"tổ hòa giải thôn {entry['village']} ghi “{field}” nhưng chưa có ngày "
                    "người đó đồng ý cho đăng (consent)",
                    "thêm dòng “consent: NĂM-THÁNG-NGÀY” (ngày tổ trưởng đồng ý, có giấy hoặc tin "
                    f"nhắn lưu ở xã), hoặc xóa dòng “{field}” cho đến khi có sự đồng ý",
                    f"the mediation team of {entry['village']} gives “{field}” but no date on "
                    "which that person agreed to publication (consent)",
                    "add a line “consent: YEAR-MONTH-DAY” (the day the team leader agreed, kept on "
                    f"paper or as a message at the commune office), or remove “{field}” until they "
                    "agree",
                )
    elif entry.keys() & {"phone", "email", "address", "hours"} and "source" not in entry:
        field = next(f for f in ("phone", "email", "address", "hours") if f in entry)
        yield problem(
            document.location((group, index, field)),
            f"“{entry['id']}” có {field} nhưng không ghi nguồn (source)",
            "thêm “source:” — trích dẫn văn bản của thư viện (ví dụ sodienthoai:2) hoặc "
            "“url:” của trang công khai và “checked:” ngày đã kiểm tra; không có nguồn thì "
            "đừng đăng số này",
            f"“{entry['id']}” has {field} but no source",
            "add “source:” — a citation of the legal library (e.g. sodienthoai:2) or the “url:” "
            "of a public page and the date “checked:”; without a source, do not publish it",
        )


def _duplicates(document: YamlDocument) -> Iterator[Problem]:
    seen_ids: dict[str, tuple[str, int]] = {}
    seen_villages: dict[str, int] = {}
    for group, index, entry in _entries(document):
        if entry["id"] in seen_ids:
            yield problem(
                document.location((group, index, "id")),
                f"mã “{entry['id']}” đã dùng cho một mục khác",
                "đặt cho mỗi mục một mã riêng",
                f"the id “{entry['id']}” is already used by another entry",
                "give every entry an id of its own",
            )
        seen_ids.setdefault(entry["id"], (group, index))
        if group != "teams":
            continue
        village = nfc(entry["village"]).casefold()
        if village in seen_villages:
            first = document.location(("teams", seen_villages[village], "village"))
            yield problem(
                document.location((group, index, "village")),
                f"thôn “{entry['village']}” có hai tổ hòa giải trong danh sách (đã có ở dòng "
                f"{first.line})",
                "mỗi thôn một mục: gộp hai mục làm một hoặc sửa tên thôn cho đúng",
                f"the village “{entry['village']}” is listed twice (already on line {first.line})",
                "one entry per village: merge the two entries or correct the village's name",
            )
        seen_villages.setdefault(village, index)


def stale_entries(document: YamlDocument, today: dt.date) -> list[Problem]:
    """Entries whose `verified:` date is more than 12 months before `today` (warnings)."""
    found = []
    for group, index, entry in _entries(document):
        verified = dt.date.fromisoformat(str(entry["verified"]))
        if (today - verified).days > STALE_AFTER_DAYS:
            found.append(problem(
                document.location((group, index, "verified")),
                f"“{entry['id']}” được kiểm tra lần cuối ngày {verified:%d/%m/%Y}, đã hơn 12 tháng",
                "gọi thử hoặc hỏi lại cơ quan, sửa nếu cần, rồi ghi ngày hôm nay vào “verified:”",
                f"“{entry['id']}” was last verified on {verified.isoformat()}, over 12 months ago",
                "call or ask the office again, correct what changed, then put today's date in "
                "“verified:”",
            ))
    return found


def citation_uses(document: YamlDocument) -> list[CitationUse]:
    """Every `named_in:` and `source:` citation, shown on the contacts page at its entry."""
    uses = []
    for group, index, entry in _entries(document):
        label = (Text.of(entry["name"]) if "name" in entry
                 else Text(entry["village"], entry["village"]))
        for position, ref in enumerate(entry.get("named_in", ())):
            uses.append(CitationUse(ref, document.location((group, index, "named_in", position)),
                                    PAGE, entry["id"], label))
        if isinstance(entry.get("source"), str):
            uses.append(CitationUse(entry["source"], document.location((group, index, "source")),
                                    PAGE, entry["id"], label))
    return uses
