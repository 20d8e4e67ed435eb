"""The "not legal advice" notice that opens citizens' pages and stories.

Both kinds of page are read by people looking for help with a real dispute, so
both say, in the same words, that they explain the law without being legal
advice; a page with a `reviewed:` date also says when it was last reviewed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hoagiai.printing.dates import long_date
from hoagiai.render import render


def notice_markdown(meta: dict[str, Any], lang: str) -> str:
    """The notice as Markdown (an admonition), dated when the page has `reviewed:`."""
    reviewed = meta.get("reviewed")
    date = long_date(dt.date.fromisoformat(str(reviewed)), lang) if reviewed else ""
    return render("citizens/notice.md.j2", lang=lang, reviewed=date)
