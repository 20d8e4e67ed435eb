"""The language layer: the one bilingual text type and the addresses urls.py builds per language."""

from __future__ import annotations

import pytest

from hoagiai.language import LANGUAGE_NAMES, LANGUAGES, Text
from hoagiai.urls import language_free_path, language_of_url, language_url, localized_path


def test_text_is_read_by_language_and_refuses_others() -> None:
    text = Text.of({"vi": "Hòa giải", "en": "Mediation", "level": "full"})
    assert [text[lang] for lang in LANGUAGES] == ["Hòa giải", "Mediation"]
    assert Text.each(lambda lang: f"{lang}!") == Text("vi!", "en!")
    with pytest.raises(KeyError):
        text["fr"]
    with pytest.raises(KeyError):
        Text.of({"vi": "chỉ một ngôn ngữ"})


@pytest.mark.parametrize("missing", [None, {}])
def test_an_optional_text_left_out_is_none(missing: dict[str, str] | None) -> None:
    assert Text.optional(missing) is None
    assert Text.optional({"vi": "a", "en": "b"}) == Text("a", "b")


def test_every_language_has_a_name() -> None:
    assert set(LANGUAGE_NAMES) == set(LANGUAGES)


@pytest.mark.parametrize(("url", "lang", "bare"), [
    ("", "vi", ""),
    ("hoc-tap/x/", "vi", "hoc-tap/x/"),
    ("en/", "en", ""),
    ("en/hoc-tap/x/", "en", "hoc-tap/x/"),
    ("vi/x/", "vi", "vi/x/"),  # Vietnamese has no folder: "vi" is an ordinary name
    ("english/", "vi", "english/"),
])
def test_the_language_of_an_address(url: str, lang: str, bare: str) -> None:
    assert language_of_url(url) == lang
    assert language_free_path(url) == bare
    assert localized_path(bare, lang) == url


@pytest.mark.parametrize(("site_url", "lang", "expected"), [
    ("https://x.vn/hoa-giai", "en", "https://x.vn/hoa-giai/en/tinh-huong/a/"),
    ("https://x.vn/", "vi", "https://x.vn/tinh-huong/a/"),
    ("", "en", "/en/tinh-huong/a/"),  # no site address: never this computer's
])
def test_language_url(site_url: str, lang: str, expected: str) -> None:
    assert language_url(site_url, "tinh-huong/a/", lang) == expected
