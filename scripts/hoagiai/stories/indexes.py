"""Index pages of the stories: the newest, then every story by topic and by year.

The section's index shows the newest stories only; the topic and year lists hold
every story and are split into pages (hoagiai.pagination), whose first page stays
at `chu-de/<topic>.md` and `nam/<year>.md` however many stories there are.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hoagiai.feature import GeneratedFile, generated_page
from hoagiai.pagination import ListPage, paginate
from hoagiai.printing.dates import long_date
from hoagiai.render import render, t
from hoagiai.sitemap import SITE_MAP
from hoagiai.stories.model import FOLDER, Story, StoryCollection

TOPICS = "chu-de"
YEARS = "nam"
STORIES = SITE_MAP["stories"]
AUDIENCE = STORIES.audience
LATEST = 20  # stories on the section's index
PER_PAGE = 20  # stories per page of a topic or year list


def topic_pages(collection: StoryCollection, tag_id: str, lang: str) -> list[ListPage[Story]]:
    return paginate(f"{FOLDER}/{TOPICS}/{tag_id}", collection.with_tag(tag_id, lang), PER_PAGE)


def year_pages(collection: StoryCollection, year: int, lang: str) -> list[ListPage[Story]]:
    stories = [story for story in collection.in_language(lang) if story.year == year]
    return paginate(f"{FOLDER}/{YEARS}/{year}", stories, PER_PAGE)


def pages(collection: StoryCollection, lang: str) -> Iterator[GeneratedFile]:
    stories = collection.in_language(lang)
    common = {"lang": lang, "collection": collection, "date": long_date}
    yield generated_page(f"{FOLDER}/index.md", lang, {
        "title": t("stories.title", lang),
        "description": t("stories.description", lang),
        "audience": AUDIENCE,
        "order": STORIES.order,
    }, render("stories/index.md.j2", stories=stories[:LATEST], total=len(stories), prefix="",
              **common))

    tags = collection.used_tags(lang)
    yield generated_page(f"{FOLDER}/{TOPICS}/index.md", lang, {
        "title": t("stories.topics_title", lang),
        "description": t("stories.topics_description", lang),
        "audience": AUDIENCE,
        "order": STORIES.page(TOPICS).order,  # after the stories themselves
    }, render("stories/topics.md.j2", tags=tags, **common))
    for tag in tags:
        label = tag.label[lang]
        yield from _list_pages(topic_pages(collection, tag.id, lang), {
            "title": t("stories.topic_title", lang, topic=label),
            "description": t("stories.topic_description", lang, topic=label.lower()),
            "audience": AUDIENCE,
        }, common)

    years = collection.years(lang)
    yield generated_page(f"{FOLDER}/{YEARS}/index.md", lang, {
        "title": t("stories.years_title", lang),
        "description": t("stories.years_description", lang),
        "audience": AUDIENCE,
        "order": STORIES.page(YEARS).order,
    }, render("stories/years.md.j2", years=years, **common))
    for year in years:
        yield from _list_pages(year_pages(collection, year, lang), {
            "title": t("stories.year_title", lang, year=year),
            "description": t("stories.year_description", lang, year=year),
            "audience": AUDIENCE,
            "order": 3000 - year,  # newest year first in the navigation
        }, common)


def _list_pages(list_pages: list[ListPage[Story]], meta: dict[str, Any],
                common: dict[str, Any]) -> Iterator[GeneratedFile]:
    """The pages of one topic or year list."""
    lang = common["lang"]
    for page in list_pages:
        yield generated_page(page.path, lang, page.meta(meta, lang),
                             render("stories/list.md.j2", stories=page.items, page=page,
                                    prefix="../", **common))
