"""The site's languages and the one type for text written in each of them.

Vietnamese comes first and is the default: its pages have no suffix and no prefix
(`x.md`, `/x/`); every other language has both (`x.en.md`, `/en/x/`, see `urls.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

LANGUAGES: tuple[str, ...] = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
# Each language's name in itself, as a link to the other language's copy shows it.
LANGUAGE_NAMES: dict[str, str] = {"vi": "Tiếng Việt", "en": "English"}
# Each language as a locale for Open Graph (`og:locale`).
LOCALES: dict[str, str] = {"vi": "vi_VN", "en": "en_US"}


@dataclass(frozen=True)
class Text:
    """One text in both languages: `Text(vi, en)`, read as `text[lang]` or `text.vi`."""

    vi: str
    en: str

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return getattr(self, lang)

    @classmethod
    def of(cls, pair: Mapping[str, str]) -> Text:
        """From YAML's `{vi: …, en: …}`."""
        return cls(**{lang: pair[lang] for lang in LANGUAGES})

    @classmethod
    def each(cls, make: Callable[[str], str]) -> Text:
        """The text `make(lang)` writes in each language: `Text.each(lambda lang: t(key, lang))`."""
        return cls(**{lang: make(lang) for lang in LANGUAGES})

    @classmethod
    def optional(cls, pair: Mapping[str, str] | None) -> Text | None:
        """From an optional YAML field: None where it is missing (or empty)."""
        return cls.of(pair) if pair else None
