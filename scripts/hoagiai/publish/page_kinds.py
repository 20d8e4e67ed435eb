"""One page of every kind the site has: what the browser gate and the tests open.

The kinds and their example pages are listed in the site map (`materials/site.yml`,
`page_kinds` of each section): add a line there when a new kind of page lands. The
publishing gate then checks that kind of page in both languages — accessibility,
Content-Security-Policy, requests to other hosts — and so do the tests
(tests/test_publish.py, tests/test_offline.py). A listed page that does not exist fails
the gate.
"""

from __future__ import annotations

from hoagiai.site import LANGUAGES
from hoagiai.sitemap import SITE_MAP
from hoagiai.urls import localized_path

# kind of page -> its Vietnamese address relative to the site root ("" is the home page).
PAGE_KINDS: dict[str, str] = SITE_MAP.all_page_kinds()

# The address of a page in `lang`: English pages live under en/.
localized = localized_path


def pages_to_check() -> list[str]:
    """Every kind of page in every language, Vietnamese first."""
    return [localized(path, lang) for lang in LANGUAGES for path in PAGE_KINDS.values()]
