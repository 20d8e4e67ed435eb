"""RSS 2.0 and Atom feeds of the stories, one pair per language, with absolute URLs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import format_datetime

from hoagiai.feature import GeneratedFile
from hoagiai.render import render, t
from hoagiai.stories.model import FOLDER, StoryCollection
from hoagiai.urls import file_url, page_url

# Stories carry a day, not a time: publish them at midnight in Hà Nội.
HANOI = dt.timezone(dt.timedelta(hours=7))
FORMATS = {
    "rss": ("rss.xml", "application/rss+xml", "stories/rss.xml.j2"),
    "atom": ("atom.xml", "application/atom+xml", "stories/atom.xml.j2"),
}


@dataclass(frozen=True)
class FeedLink:
    media_type: str
    title: str
    href: str


def _moment(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(), HANOI)


def links(site_url: str, lang: str) -> list[FeedLink]:
    """The feeds of `lang`, as <link rel="alternate"> in every page's head."""
    return [
        FeedLink(media_type, t(f"stories.feed_{name}", lang),
                 file_url(site_url, f"{FOLDER}/{filename}", lang))
        for name, (filename, media_type, _) in FORMATS.items()
    ]


def files(collection: StoryCollection, site_url: str, lang: str) -> Iterator[GeneratedFile]:
    stories = collection.in_language(lang)
    items = [{
        "story": story,
        "url": page_url(site_url, story.base_uri, lang),
        "rfc822": format_datetime(_moment(story.date)),
        "iso": _moment(story.date).isoformat(),
        "topics": [collection.tag(tag).label[lang] for tag in story.tags],
    } for story in stories]
    updated = _moment(max((s.date for s in stories), default=dt.date(2025, 7, 1)))
    for filename, _, template in FORMATS.values():
        content = render(
            template, lang=lang, items=items,
            home=page_url(site_url, f"{FOLDER}/index.md", lang),
            self_url=file_url(site_url, f"{FOLDER}/{filename}", lang),
            updated_rfc822=format_datetime(updated), updated_iso=updated.isoformat(),
        )
        yield GeneratedFile(f"{FOLDER}/{filename}", lang, content)
