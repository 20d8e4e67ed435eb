"""The build date printed on handouts, and dates written the way each language reads them."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from babel.dates import format_date

COMMUNE_TIME = ZoneInfo("Asia/Ho_Chi_Minh")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def build_date() -> dt.date:
    """Today in Hà Nội, or the date of SOURCE_DATE_EPOCH for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), COMMUNE_TIME).date()
    return dt.datetime.now(COMMUNE_TIME).date()


def spoken_date(value: dt.date | str, lang: str) -> str:
    """`26/11/2026` in Vietnamese, `26 November 2026` in English; a bare year ("2013") stays."""
    if isinstance(value, str) and len(value) == 4:
        return value
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
    if lang == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def long_date(date: dt.date, lang: str) -> str:
    """“ngày 26 tháng 11 năm 2026” / “November 26, 2026” (Babel's long form)."""
    return format_date(date, format="long", locale=lang)
