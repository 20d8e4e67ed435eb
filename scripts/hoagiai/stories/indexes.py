"""Index pages of the stories: the newest, then every story by topic and by year.

The section's index shows the newest stories only; the topic and year lists hold
every story and are split into pages (hoagiai.pagination), so no page grows with
the number of stories.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from babel.dates import format_date

from hoagiai.feature import GeneratedFile, generated_page
from hoagiai.pagination import ListPage, paginate
from hoagiai.render import render, t
from hoagiai.stories.model import FOLDER, Story, StoryCollection

TOPICS = "chu-de"
YEARS = "nam"
AUDIENCE = ["nguoi-dan", "hoa-giai-vien", "tap-huan-vien"]
LATEST = 20  # stories on the section's index
PER_PAGE = 20  # stories per page of a topic or year list


def long_date(date: dt.date, lang: str) -> str:
    """“ngày 26 tháng 11 năm 2026” / “November 26, 2026”."""
    return format_date(date, format="long", locale=lang)


@dataclass(frozen=True)
class StoryLists:
    """The topic and year lists of one language, and where each one starts."""

    collection: StoryCollection
    lang: str

    def topic(self, tag_id: str) -> list[ListPage[Story]]:
        return paginate(f"{FOLDER}/{TOPICS}/{tag_id}", self.collection.with_tag(tag_id, self.lang),
                        PER_PAGE)

    def year(self, year: int) -> list[ListPage[Story]]:
        stories = [story for story in self.collection.in_language(self.lang) if story.year == year]
        return paginate(f"{FOLDER}/{YEARS}/{year}", stories, PER_PAGE)

    def topic_href(self, tag_id: str) -> str:
        """The topic's first page, relative to the stories folder."""
        return _in_folder(self.topic(tag_id)[0].path)

    def year_href(self, year: int) -> str:
        return _in_folder(self.year(year)[0].path)


def _in_folder(path: str) -> str:
    return path.removeprefix(f"{FOLDER}/")


def pages(collection: StoryCollection, lang: str) -> Iterator[GeneratedFile]:
    stories = collection.in_language(lang)
    lists = StoryLists(collection, lang)
    common = {"lang": lang, "collection": collection, "date": long_date, "lists": lists}
    yield generated_page(f"{FOLDER}/index.md", lang, {
        "title": t("stories.title", lang),
        "description": t("stories.description", lang),
        "audience": AUDIENCE,
        "order": 60,
    }, render("stories/index.md.j2", stories=stories[:LATEST], total=len(stories), prefix="",
              **common))

    tags = collection.used_tags(lang)
    yield generated_page(f"{FOLDER}/{TOPICS}/index.md", lang, {
        "title": t("stories.topics_title", lang),
        "description": t("stories.topics_description", lang),
        "audience": AUDIENCE,
        "order": 200,  # after the stories themselves in the navigation
    }, render("stories/topics.md.j2", tags=tags, prefix="../", **common))
    for tag in tags:
        label = tag.label[lang]
        yield from _list_pages(lists.topic(tag.id), {
            "title": t("stories.topic_title", lang, topic=label),
            "description": t("stories.topic_description", lang, topic=label.lower()),
            "audience": AUDIENCE,
        }, common)

    years = collection.years(lang)
    yield generated_page(f"{FOLDER}/{YEARS}/index.md", lang, {
        "title": t("stories.years_title", lang),
        "description": t("stories.years_description", lang),
        "audience": AUDIENCE,
        "order": 201,
    }, render("stories/years.md.j2", years=years, prefix="../", **common))
    for year in years:
        yield from _list_pages(lists.year(year), {
            "title": t("stories.year_title", lang, year=year),
            "description": t("stories.year_description", lang, year=year),
            "audience": AUDIENCE,
            "order": 3000 - year,  # newest year first in the navigation
        }, common)


def _list_pages(list_pages: list[ListPage[Story]], meta: dict,
                common: dict) -> Iterator[GeneratedFile]:
    """The pages of one topic or year list."""
    for page in list_pages:
        yield generated_page(page.path, common["lang"], page.meta(meta, common["lang"]),
                             render("stories/list.md.j2", stories=page.items, page=page,
                                    prefix="../", **common))
