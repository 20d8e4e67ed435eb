"""Index pages of the stories: all (newest first), one per topic, one per year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from babel.dates import format_date

from hoagiai.feature import GeneratedFile, generated_page
from hoagiai.render import render, t
from hoagiai.stories.model import FOLDER, StoryCollection

TOPICS = "chu-de"
YEARS = "nam"
AUDIENCE = ["nguoi-dan", "hoa-giai-vien", "tap-huan-vien"]


def long_date(date: dt.date, lang: str) -> str:
    """“ngày 26 tháng 11 năm 2026” / “November 26, 2026”."""
    return format_date(date, format="long", locale=lang)


def pages(collection: StoryCollection, lang: str) -> Iterator[GeneratedFile]:
    stories = collection.in_language(lang)
    common = {"lang": lang, "collection": collection, "date": long_date}
    yield generated_page(f"{FOLDER}/index.md", lang, {
        "title": t("stories.title", lang),
        "description": t("stories.description", lang),
        "audience": AUDIENCE,
        "order": 60,
    }, render("stories/index.md.j2", stories=stories, prefix="", **common))

    tags = collection.used_tags(lang)
    yield generated_page(f"{FOLDER}/{TOPICS}/index.md", lang, {
        "title": t("stories.topics_title", lang),
        "description": t("stories.topics_description", lang),
        "audience": AUDIENCE,
        "order": 200,  # after the stories themselves in the navigation
    }, render("stories/topics.md.j2", tags=tags, **common))
    for tag in tags:
        yield generated_page(f"{FOLDER}/{TOPICS}/{tag.id}.md", lang, {
            "title": t("stories.topic_title", lang, topic=tag.label[lang]),
            "description": t("stories.topic_description", lang, topic=tag.label[lang].lower()),
            "audience": AUDIENCE,
        }, render("stories/list.md.j2", stories=collection.with_tag(tag.id, lang), prefix="../",
                  **common))

    years = collection.years(lang)
    yield generated_page(f"{FOLDER}/{YEARS}/index.md", lang, {
        "title": t("stories.years_title", lang),
        "description": t("stories.years_description", lang),
        "audience": AUDIENCE,
        "order": 201,
    }, render("stories/years.md.j2", years=years, **common))
    for year in years:
        yield generated_page(f"{FOLDER}/{YEARS}/{year}.md", lang, {
            "title": t("stories.year_title", lang, year=year),
            "description": t("stories.year_description", lang, year=year),
            "audience": AUDIENCE,
            "order": 3000 - year,  # newest year first in the navigation
        }, render("stories/list.md.j2", stories=[s for s in stories if s.year == year],
                  prefix="../", **common))
