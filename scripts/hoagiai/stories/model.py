"""Stories: authored pages under `cau-chuyen/`, read into a typed, checked collection.

A story is a Markdown page pair (`ten.md`, `ten.en.md`) whose front matter adds
`date`, `tags` (topic ids from `materials/story-tags.yml`), `kind` (`real` or
`hypothetical`) and, for a real story, `consent`. The schema `story` checks the
shapes; this module checks what a schema cannot say well: a real story needs
recorded consent, tags must exist, both languages must agree.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import PurePosixPath

from hoagiai.language import Text
from hoagiai.problems import Problem, problem
from hoagiai.site import DEFAULT_LANGUAGE, LANGUAGES, PageSource, Site
from hoagiai.sitemap import SITE_MAP

FOLDER = SITE_MAP["stories"].slug


@dataclass(frozen=True)
class Tag:
    id: str
    label: Text


@dataclass(frozen=True)
class Story:
    """One story in one language."""

    base_uri: str  # "cau-chuyen/loi-di-chung.md"
    lang: str
    title: str
    description: str
    date: dt.date
    tags: tuple[str, ...]
    kind: str  # "real" or "hypothetical"

    @property
    def slug(self) -> str:
        return PurePosixPath(self.base_uri).stem

    @property
    def year(self) -> int:
        return self.date.year


@dataclass(frozen=True)
class StoryCollection:
    tags: tuple[Tag, ...]
    stories: dict[str, tuple[Story, ...]]  # per language, newest first

    def tag(self, tag_id: str) -> Tag:
        return next(tag for tag in self.tags if tag.id == tag_id)

    def in_language(self, lang: str) -> tuple[Story, ...]:
        return self.stories.get(lang, ())

    def find(self, base_uri: str, lang: str) -> Story | None:
        return next((s for s in self.in_language(lang) if s.base_uri == base_uri), None)

    def with_tag(self, tag_id: str, lang: str) -> list[Story]:
        return [story for story in self.in_language(lang) if tag_id in story.tags]

    def years(self, lang: str) -> list[int]:
        return sorted({story.year for story in self.in_language(lang)}, reverse=True)

    def used_tags(self, lang: str) -> list[Tag]:
        used = {tag for story in self.in_language(lang) for tag in story.tags}
        return [tag for tag in self.tags if tag.id in used]


def is_story(base_uri: str) -> bool:
    parts = PurePosixPath(base_uri).parts
    return (len(parts) == 2 and parts[0] == FOLDER and parts[1] != "index.md"
            and parts[1].endswith(".md"))


def story_pages(site: Site) -> list[PageSource]:
    return [page for page in site.pages.values() if is_story(page.base_uri)]


def read_story(page: PageSource) -> Story | None:
    """The story a page describes, or None when its front matter is not valid (already reported)."""
    meta = page.meta
    try:
        date = dt.date.fromisoformat(str(meta["date"]))
        return Story(page.base_uri, page.lang, str(meta["title"]), str(meta["description"]), date,
                     tuple(meta["tags"]), str(meta["kind"]))
    except (KeyError, TypeError, ValueError):
        return None


def collect(tags: tuple[Tag, ...], stories: list[Story]) -> StoryCollection:
    by_language = {
        lang: tuple(sorted((s for s in stories if s.lang == lang),
                           key=lambda s: (s.date, s.slug), reverse=True))
        for lang in LANGUAGES
    }
    return StoryCollection(tags, by_language)


def consent_problems(page: PageSource) -> list[Problem]:
    """A real story may be published only with the recorded consent of the people in it."""
    meta = page.meta
    consent = meta.get("consent")
    recorded = isinstance(consent, dict) and consent.get("recorded") is True
    if meta.get("kind") != "real" or recorded:
        return []
    return [problem(
        page.front_matter.location(("kind",)),
        "câu chuyện này ghi là chuyện có thật (kind: real) nhưng chưa ghi nhận sự đồng ý của "
        "người trong cuộc, nên không được đăng",
        "khi đã có giấy đồng ý, thêm “consent:” với “recorded: true”, “date:” (ngày đồng ý) và "
        "“by:” (ai lưu giấy); nếu là chuyện bịa để minh họa, đổi thành “kind: hypothetical”",
        "this story is marked as real (kind: real) but no consent of the people in it is "
        "recorded, so it cannot be published",
        "once written consent is on file, add “consent:” with “recorded: true”, “date:” (when "
        "consent was given) and “by:” (who keeps the form); if the story is made up, set "
        "“kind: hypothetical”",
    )]


def future_problems(page: PageSource, today: dt.date) -> list[Problem]:
    """A story dated after today would sit on top of every list until that day comes."""
    story = read_story(page)
    if story is None or story.date <= today:
        return []
    return [problem(
        page.front_matter.location(("date",)),
        f"ngày đăng {story.date.isoformat()} là ngày trong tương lai",
        f"ghi ngày đăng thật (hôm nay là {today.isoformat()}); có thể đang gõ nhầm năm",
        f"the date {story.date.isoformat()} is in the future",
        f"write the real date (today is {today.isoformat()}); the year may be mistyped",
    )]


def tag_problems(page: PageSource, known: list[str]) -> list[Problem]:
    problems = []
    for index, tag in enumerate(page.meta.get("tags") or []):
        if tag in known:
            continue
        close = difflib.get_close_matches(str(tag), known, n=1, cutoff=0.6)
        guess_vi = f"có phải ý bạn là “{close[0]}”? " if close else ""
        guess_en = f"did you mean “{close[0]}”? " if close else ""
        problems.append(problem(
            page.front_matter.location(("tags", index)),
            f"chủ đề “{tag}” chưa có trong materials/story-tags.yml",
            f"{guess_vi}dùng một chủ đề đã có ({', '.join(known)}) hoặc thêm chủ đề mới vào tệp đó",
            f"the topic “{tag}” is not in materials/story-tags.yml",
            f"{guess_en}use an existing topic ({', '.join(known)}) or add the new one to that file",
        ))
    return problems


def twin_problems(story: Story, twin: Story, page: PageSource) -> list[Problem]:
    """The English page of a story must have the Vietnamese page's date, kind and topics."""
    problems = []
    for field in ("date", "kind", "tags"):
        mine, theirs = getattr(story, field), getattr(twin, field)
        if mine != theirs:
            shown = ", ".join(theirs) if field == "tags" else str(theirs)
            problems.append(problem(
                page.front_matter.location((field,)),
                f"trường “{field}” khác với bản tiếng Việt ({shown})",
                "hai bản của một câu chuyện phải có cùng ngày, loại và chủ đề; sửa cho giống nhau",
                f"the field “{field}” differs from the Vietnamese page ({shown})",
                "both languages of a story share its date, kind and topics; make them the same",
            ))
    return problems


def vietnamese_twin(collection: StoryCollection, story: Story) -> Story | None:
    return collection.find(story.base_uri, DEFAULT_LANGUAGE)
