"""Stories: validated front matter, indexes newest first, RSS and Atom feeds per language."""

from __future__ import annotations

import html
import re
from pathlib import Path

import feedparser
import pytest

from hoagiai.pipeline import generate, load_site
from hoagiai.site import LANGUAGES, Paths
from hoagiai.stories import indexes
from hoagiai.stories.model import StoryCollection
from support.generated import Contents
from support.project import ROOT, copy_project, hoagiai, mkdocs_build
from support.search_files import section_texts

SITE_URL = "https://xa.example.vn/hoa-giai/"
STORIES = sorted(p.stem for p in (ROOT / "docs" / "cau-chuyen").glob("*.md")
                 if not p.stem.endswith(".en"))


@pytest.fixture(scope="module")
def made() -> Contents:
    return Contents(generate(load_site(Paths.at(ROOT), SITE_URL)))


def test_there_are_at_least_eight_hypothetical_stories_in_both_languages() -> None:
    collection = load_site(Paths.at(ROOT)).get(StoryCollection)
    for lang in LANGUAGES:
        stories = collection.in_language(lang)
        assert len(stories) >= 8
        assert {s.kind for s in stories} == {"hypothetical"}
    assert len(STORIES) >= 8


@pytest.mark.parametrize(("lang", "prefix"), [("vi", ""), ("en", "en/")])
@pytest.mark.parametrize(("feed", "version"), [("rss", "rss20"), ("atom", "atom10")])
def test_feed_parses_and_lists_every_story_with_absolute_urls(
        made: dict, lang: str, prefix: str, feed: str, version: str) -> None:
    suffix = "" if lang == "vi" else ".en"
    parsed = feedparser.parse(made[f"cau-chuyen/{feed}{suffix}.xml"])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == version
    links = [entry.link for entry in parsed.entries]
    assert sorted(links) == sorted(f"{SITE_URL}{prefix}cau-chuyen/{slug}/" for slug in STORIES)
    dates = [entry.published_parsed for entry in parsed.entries]
    assert dates == sorted(dates, reverse=True), "newest first"
    assert all(entry.title and entry.summary for entry in parsed.entries)


def test_story_index_is_newest_first_and_links_topics_and_years(made: dict) -> None:
    index = made["cau-chuyen/index.md"]
    dates = re.findall(r"\*(\d+) tháng (\d+), (\d{4})", index)
    as_tuples = [(int(y), int(m), int(d)) for d, m, y in dates]
    assert len(as_tuples) == len(STORIES)
    assert as_tuples == sorted(as_tuples, reverse=True)
    assert "(chu-de/index.md)" in index and "(nam/index.md)" in index
    assert "cau-chuyen/chu-de/hang-xom.md" in made and "cau-chuyen/nam/2026.en.md" in made


def test_every_story_is_marked_hypothetical_on_its_page(built_site: Path) -> None:
    for slug in STORIES:
        for page, label in ((built_site / "cau-chuyen" / slug / "index.html",
                             "Tình huống giả định"),
                            (built_site / "en" / "cau-chuyen" / slug / "index.html",
                             "Hypothetical scenario")):
            html = page.read_text(encoding="utf-8")
            assert f'<p class="admonition-title">{label}</p>' in html, page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_a_story_on_its_own_page_not_on_the_lists(built_site: Path,
                                                                lang: str) -> None:
    """The stories' page, its years and topics list each story's title and summary: indexed,
    "khoản vay" gave the same summary five times, the story first, then four lists. The lists
    still show every story, under its own heading."""
    prefix = "" if lang == "vi" else "en/"
    sections = section_texts(built_site, lang)
    story_pages = {f"{prefix}cau-chuyen/{slug}/" for slug in STORIES}
    lists = {page for page, _ in sections
             if page.startswith(f"{prefix}cau-chuyen/") and page not in story_pages}
    assert {f"{prefix}cau-chuyen/", f"{prefix}cau-chuyen/nam/2026/"} <= lists
    stories = load_site(Paths.at(ROOT)).get(StoryCollection).in_language(lang)
    summaries = {story.description[:40] for story in stories}
    assert len(summaries) == len(STORIES)
    repeated = {(page, summary) for page, text in sections if page in lists
                for summary in summaries if summary in text}
    assert not repeated, sorted(repeated)
    titles = {story.title for story in stories}
    listed = (built_site / prefix / "cau-chuyen" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="[^"]+"><a href="[^"]+">([^<]+)</a>', listed)
    assert sorted(map(html.unescape, headings)) == sorted(titles)


@pytest.mark.parametrize("path", ["cau-chuyen/rss.xml", "en/cau-chuyen/atom.xml"])
def test_built_feeds_are_served_where_the_head_links_point(built_site: Path, path: str) -> None:
    parsed = feedparser.parse((built_site / path).read_bytes())
    assert not parsed.bozo and len(parsed.entries) == len(STORIES)


REAL = """---
title: Chuyện có thật ở thôn
description: Một câu chuyện có thật về hòa giải tranh chấp lối đi giữa hai nhà trong thôn.
audience: [nguoi-dan]
date: 2026-05-01
tags: [loi-di]
kind: real
{extra}---

Nội dung.
"""

BAD_STORIES = {
    "no-consent": (REAL.format(extra=""), [
        "docs/cau-chuyen/that.md:7:7: câu chuyện này ghi là chuyện có thật (kind: real) nhưng "
        "chưa ghi nhận sự đồng ý của người trong cuộc, nên không được đăng",
    ]),
    "consent-not-recorded": (REAL.format(
        extra="consent: {recorded: false, date: 2026-04-01, by: Văn phòng UBND xã}\n"), [
        "docs/cau-chuyen/that.md:7:7: câu chuyện này ghi là chuyện có thật (kind: real) nhưng "
        "chưa ghi nhận sự đồng ý của người trong cuộc, nên không được đăng",
    ]),
    "unknown-tag": (REAL.format(
        extra="consent: {recorded: true, date: 2026-04-01, by: Văn phòng UBND xã}\n").replace(
        "[loi-di]", "[loi-đi, hang-xon]"), [
        "docs/cau-chuyen/that.md:6:16: chủ đề “hang-xon” chưa có trong materials/story-tags.yml",
        "docs/cau-chuyen/that.md:6:8: chủ đề “loi-đi” chưa có trong materials/story-tags.yml",
        "docs/cau-chuyen/that.md:6:8: tags[1]: “loi-đi” không đúng dạng",
    ]),
}


def write_story(project: Path, text: str, english: str | None = None) -> None:
    folder = project / "docs" / "cau-chuyen"
    (folder / "that.md").write_text(text, encoding="utf-8")
    (folder / "that.en.md").write_text(english or text, encoding="utf-8")


def problem_starts(output: str, path: str) -> list[str]:
    return sorted({line.split(" — ")[0] for line in output.splitlines()
                   if line.startswith(path)})


@pytest.mark.parametrize("case", sorted(BAD_STORIES))
def test_bad_story_front_matter_is_reported_with_file_and_line(tmp_path: Path, case: str) -> None:
    project = copy_project(tmp_path / "p")
    text, expected = BAD_STORIES[case]
    write_story(project, text)
    result = hoagiai(project, "check")
    assert result.returncode == 1
    found = problem_starts(result.stderr, "docs/cau-chuyen/that.md:")
    assert [line[:len(e)] for line, e in zip(found, expected, strict=True)] == expected


def test_real_story_with_recorded_consent_is_accepted(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    write_story(project, REAL.format(
        extra="consent: {recorded: true, date: 2026-04-01, by: Văn phòng UBND xã}\n"))
    result = hoagiai(project, "check")
    assert result.returncode == 0, result.stderr


def test_english_twin_must_match_date_kind_and_topics(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    story = (ROOT / "docs" / "cau-chuyen" / "loi-di-chung.en.md").read_text(encoding="utf-8")
    (project / "docs" / "cau-chuyen" / "loi-di-chung.en.md").write_text(
        story.replace("date: 2026-03-12", "date: 2026-03-13"), encoding="utf-8")
    result = hoagiai(project, "check")
    assert result.returncode == 1
    assert problem_starts(result.stderr, "docs/cau-chuyen/loi-di-chung.en.md") == [
        "docs/cau-chuyen/loi-di-chung.en.md:7:7: trường “date” khác với bản tiếng Việt "
        "(2026-03-12)"]


@pytest.mark.build
def test_build_refuses_a_real_story_without_consent(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    write_story(project, REAL.format(extra=""))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/cau-chuyen/that.md:7:7: câu chuyện này ghi là chuyện có thật" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_many_stories_fill_numbered_pages_and_the_index_shows_the_newest(tmp_path: Path) -> None:
    """With more stories than a page holds, every story is still listed once per topic and
    per year, on pages of at most PER_PAGE, and the section's index shows the newest LATEST."""
    project = copy_project(tmp_path)
    story = (project / "docs" / "cau-chuyen" / "loi-di-chung.md").read_text(encoding="utf-8")
    twin = (project / "docs" / "cau-chuyen" / "loi-di-chung.en.md").read_text(encoding="utf-8")
    for number in range(1, 2 * indexes.PER_PAGE + 3):
        for suffix, text in (("", story), (".en", twin)):
            (project / "docs" / "cau-chuyen" / f"them-{number}{suffix}.md").write_text(
                text, encoding="utf-8")
    site = load_site(Paths.at(project))
    made = Contents(generate(site))
    collection = site.get(StoryCollection)
    stories = collection.in_language("vi")
    assert len(stories) > max(2 * indexes.PER_PAGE, indexes.LATEST)

    index = made["cau-chuyen/index.md"]
    assert index.count("\n## [") == indexes.LATEST
    assert f"trong số {len(stories)} câu chuyện" in index

    for tag in collection.used_tags("vi"):
        tagged = collection.with_tag(tag.id, "vi")
        pages = [made[page.path] for page in indexes.topic_pages(collection, tag.id, "vi")]
        assert sum(page.count("\n## [") for page in pages) == len(tagged)
        assert all(page.count("\n## [") <= indexes.PER_PAGE for page in pages)
    busy = max(collection.used_tags("vi"), key=lambda tag: len(collection.with_tag(tag.id, "vi")))
    first = made[f"cau-chuyen/chu-de/{busy.id}.md"]
    assert f"[2]({busy.id}-2.md)" in first and '<strong aria-current="page">1</strong>' in first
    assert re.search(r"^## \[.+\]\(\.\./[a-z0-9-]+\.md\)$", first, re.MULTILINE)
    assert f"cau-chuyen/chu-de/{busy.id}-2.en.md" in made
