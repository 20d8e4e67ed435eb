"""The words the site's own scripts show, in one small script per language.

The search box and the offline notices carried their words in every page, as a JSON
attribute: 1 KB of each page's HTML, the same on every page of a language. They are in
`assets/js/words-<lang>.js` instead, loaded once and then cached like any script, which
sets `window.hoagiaiWords`: per script ("search", "offline"), a name -> its text (with
`{count}`-style blanks the script fills). docs/assets/js/search.js and offline.js read it;
overrides/main.html loads it before them. A script rather than a JSON file to fetch, so
that it also works from file:// (the USB copy). The texts are the `strings.yml` entries
named below.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from hoagiai.feature import Feature, GeneratedFile
from hoagiai.render import t
from hoagiai.site import DEFAULT_LANGUAGE, LANGUAGES, Site

GLOBAL = "hoagiaiWords"
# Per script, the names it reads -> the interface string of each.
WORDS: dict[str, dict[str, str]] = {
    "search": {
        "loading": "search.loading", "failed": "search.failed", "notKept": "search.not_kept",
        "none": "search.none", "one": "search.one", "other": "search.other",
        "missing": "search.missing", "more": "search.more",
    },
    "offline": {
        "update": "offline.update", "reload": "offline.update_button",
        "saving": "offline.saving", "saved": "offline.saved", "failed": "offline.failed",
        "notKept": "offline.search_not_kept",
    },
}


def script_name(lang: str) -> str:
    """The words script of `lang` (docs/assets/js/<name>.js on the site)."""
    return f"words-{lang}"


def words_script(lang: str) -> str:
    words = {script: {name: t(key, lang) for name, key in names.items()}
             for script, names in WORDS.items()}
    return f"window.{GLOBAL} = {json.dumps(words, ensure_ascii=False, indent=1)};\n"


class PageWordsFeature(Feature):
    name = "page_words"

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        for lang in LANGUAGES:
            yield GeneratedFile(f"assets/js/{script_name(lang)}.js", DEFAULT_LANGUAGE,
                                words_script(lang))
