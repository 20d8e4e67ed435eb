"""The stories section: checked story pages, their indexes and their feeds.

Material's blog plugin does not work with mkdocs-static-i18n, so the collection,
its indexes (newest first, by topic, by year) and its RSS and Atom feeds are
made here, one set per language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from hoagiai.feature import Feature, GeneratedFile, PageContext
from hoagiai.language import Text
from hoagiai.materials import load_material
from hoagiai.printing.dates import long_date
from hoagiai.problems import Report
from hoagiai.render import render
from hoagiai.site import LANGUAGES, Site, language_free_uri
from hoagiai.stories import feeds, indexes
from hoagiai.stories.model import (
    StoryCollection,
    Tag,
    collect,
    consent_problems,
    future_problems,
    read_story,
    story_pages,
    tag_problems,
    twin_problems,
    vietnamese_twin,
)


class StoriesFeature(Feature):
    name = "stories"

    def load(self, site: Site, report: Report) -> None:
        path = site.paths.materials / "story-tags.yml"
        document = load_material(path, "story-tags", site, report)
        tags = tuple(Tag(item["id"], Text.of(item["label"]))
                     for item in document.data["tags"]) if document else ()
        stories = [story for page in story_pages(site) if (story := read_story(page))]
        site.put(collect(tags, stories))

    def check(self, site: Site, report: Report) -> None:
        collection = site.get(StoryCollection)
        known = [tag.id for tag in collection.tags]
        for page in story_pages(site):
            report.extend(consent_problems(page))
            report.extend(future_problems(page, dt.date.today()))
            if known:
                report.extend(tag_problems(page, known))
            story = collection.find(page.base_uri, page.lang)
            twin = vietnamese_twin(collection, story) if story else None
            if story and twin and story.lang != twin.lang:
                report.extend(twin_problems(story, twin, page))

    def generate(self, site: Site, made: list[GeneratedFile]) -> Iterable[GeneratedFile]:
        collection = site.get(StoryCollection)
        for lang in LANGUAGES:
            yield from indexes.pages(collection, lang)
            yield from feeds.files(collection, site.site_url, lang)

    def page_markdown(self, site: Site, page: PageContext, markdown: str) -> str:
        """A story opens with its kind (hypothetical scenario or real), date and topics."""
        story = site.get(StoryCollection).find(language_free_uri(page.src_uri), page.lang)
        if story is None:
            return markdown
        header = render("stories/header.md.j2", lang=page.lang, story=story,
                        collection=site.get(StoryCollection), date=long_date)
        return f"{header}\n{markdown}"

    def page_context(self, site: Site, page: PageContext) -> dict[str, Any]:
        """Every page's <head> points to the story feeds of its language."""
        return {"feeds": feeds.links(site.site_url, page.lang)}
