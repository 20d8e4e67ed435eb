"""Every article, clause and point on the built site is, word for word, the source's.

The expected wording is read straight from the source files with a few regular
expressions — on purpose not with the site's own parser, so that a parser that
drops, moves or rewrites a line is caught. Each unit of the built page (the
element with its anchor, editorial notes and "cited by" lists left out) must
read exactly like the source lines from its number to the next number, once
whitespace is normalised. The comparison runs against the vendored copies in
materials/legal/ always, and against the shared sources (HOAGIAI_SOURCES,
default <repo>/../shared/sources) when they are present.
"""

from __future__ import annotations

import copy
import os
import re
from functools import cache
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from support.project import ROOT

pytestmark = pytest.mark.build

VENDORED = ROOT / "materials" / "legal"
SHARED = Path(os.environ.get("HOAGIAI_SOURCES", ROOT.parent / "shared" / "sources"))
LAYOUTS = {"ke-hoach": "plan", "ghi-chep": "notes"}

_ARTICLE = re.compile(r"^#### Điều (\d+)\. ")
_INLINE_ARTICLE = re.compile(r"^Điều (\d+)\. ")
_ANNEX_PART = re.compile(r"^\*\*([IVX]+)\. (.*)\*\*$")
_ROMAN = re.compile(r"^([IVX]+)\. ")
_NUMBER = re.compile(r"^(\d+)\. ")
_LETTER = re.compile(r"^([a-zđ])\) ")
_NOT_WORDING = re.compile(r"^(<!--.*-->|\[.*\])$")  # editorial notes and placeholders
_INLINE_PLACEHOLDER = re.compile(r"\[…[^\]]*…\]")
_UNIT_ANCHOR = re.compile(r"^(dieu-\d+(-khoan-\d+(-diem-[a-z]+)?)?|pl-[ivx]+(-\d+(-[a-z]+)?)?"
                          r"|muc-[ivx]+(-\d+(-[a-z]+)?)?)$")


def normalise(text: str) -> str:
    return " ".join(_INLINE_PLACEHOLDER.sub(" ", text).split())


@cache
def sidecars() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted(VENDORED.glob("*.yml"))}


def source_file(folder: Path, doc: str) -> Path:
    return folder / (f"{doc}.md" if folder == VENDORED else sidecars()[doc]["source_file"])


def body_lines(path: Path) -> list[str]:
    """The lines after the YAML header, as written."""
    lines = path.read_text(encoding="utf-8").split("\n")
    end = lines.index("---", 1)
    return lines[end + 1:]


def letter(value: str) -> str:
    return value.replace("đ", "dd")


def expected_law(lines: list[str]) -> dict[str, str]:
    """Anchor -> wording of every article, clause and point (and the annex's parts)."""
    headed = any(_ARTICLE.match(line) for line in lines)
    found: dict[str, list[str]] = {}
    open_units: list[str] = []  # [article or part, clause, point]
    in_annex = False
    for line in lines:
        if not line.strip() or _NOT_WORDING.match(line):
            continue
        if line.startswith("#") or line == "---":
            open_units = []
            in_annex = in_annex or line == "## PHỤ LỤC"
            if not (match := _ARTICLE.match(line)):
                continue
            open_units = [f"dieu-{match[1]}"]
            line = line.removeprefix("#### ")
        elif not headed and (match := _INLINE_ARTICLE.match(line)):
            open_units = [f"dieu-{match[1]}"]
        elif in_annex and (match := _ANNEX_PART.match(line)):
            open_units = [f"pl-{match[1].lower()}"]
            line = match[1] + ". " + match[2]
        elif open_units and (match := _NUMBER.match(line)):
            separator = "-khoan-" if open_units[0].startswith("dieu") else "-"
            open_units = [open_units[0], f"{open_units[0]}{separator}{match[1]}"]
        elif len(open_units) >= 2 and (match := _LETTER.match(line)):
            separator = "-diem-" if open_units[0].startswith("dieu") else "-"
            open_units = [*open_units[:2], f"{open_units[1]}{separator}{letter(match[1])}"]
        for anchor in open_units:
            found.setdefault(anchor, []).append(line)
    return {anchor: normalise(" ".join(text)) for anchor, text in found.items()}


def expected_plan(lines: list[str], closing: str) -> dict[str, str]:
    """Anchor -> wording of every part, item and point of the commune plan."""
    found: dict[str, list[str]] = {}
    open_units: list[str] = []
    for line in lines:
        if line.startswith(closing):
            break
        if not line.strip():
            continue
        if match := _ROMAN.match(line):
            open_units = [f"muc-{match[1].lower()}"]
        elif open_units and (match := _NUMBER.match(line)):
            open_units = [open_units[0], f"{open_units[0]}-{match[1]}"]
        elif len(open_units) >= 2 and (match := _LETTER.match(line)):
            open_units = [*open_units[:2], f"{open_units[1]}-{letter(match[1])}"]
        for anchor in open_units:
            found.setdefault(anchor, []).append(line)
    return {anchor: normalise(" ".join(text)) for anchor, text in found.items()}


def expected_notes(lines: list[str]) -> dict[str, str]:
    """Anchor -> text of every numbered section, rendered from its Markdown."""
    chunks: dict[str, list[str]] = {}
    current = ""
    for line in lines:
        if match := re.match(r"^#{1,2} (\d+)\. ", line):  # "## 1." under a "# Title" too
            current = f"muc-{match[1]}"
        if current:
            chunks.setdefault(current, []).append(line)
    return {anchor: normalise(BeautifulSoup(markdown.markdown("\n".join(chunk)),
                                            "html.parser").get_text(" "))
            for anchor, chunk in chunks.items()}


def expected(folder: Path, doc: str) -> dict[str, str]:
    lines = body_lines(source_file(folder, doc))
    layout = LAYOUTS.get(sidecars()[doc]["type"], "law")
    if layout == "plan":
        return expected_plan(lines, sidecars()[doc]["closing"])
    if layout == "notes":
        return expected_notes(lines)
    return expected_law(lines)


@cache
def built_page(site: Path, doc: str) -> BeautifulSoup:
    path = site / "van-ban" / doc / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def wording(element: Tag) -> str:
    """The text of a unit as a reader sees it, without what the site adds around the law."""
    if re.fullmatch(r"h[1-6]", element.name):
        element = element.find_parent("section")
    element = copy.copy(element)
    for added in element.select(".hg-editorial, .hg-cited-by, .headerlink"):
        added.decompose()
    return normalise(element.get_text(" "))


def built(site: Path, doc: str, anchors: set[str]) -> dict[str, str]:
    page = built_page(site, doc)
    return {anchor: wording(page.find(id=anchor)) for anchor in anchors if page.find(id=anchor)}


FOLDERS = [pytest.param(VENDORED, id="vendored"), pytest.param(SHARED, id="shared")]
DOCUMENTS = sorted(path.stem for path in VENDORED.glob("*.yml"))


def skip_unless_present(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"shared sources not found at {folder}: set HOAGIAI_SOURCES to compare "
                    "the built site with them (the vendored copies are compared regardless)")


@pytest.mark.parametrize("doc", DOCUMENTS)
@pytest.mark.parametrize("folder", FOLDERS)
def test_every_unit_reads_exactly_as_the_source(built_site: Path, folder: Path, doc: str) -> None:
    skip_unless_present(folder)
    wanted = expected(folder, doc)
    assert wanted, f"no article, clause or point found in the source of {doc}"
    found = built(built_site, doc, set(wanted))
    assert sorted(found) == sorted(wanted), "units missing on the built page"
    for anchor, text in wanted.items():
        assert found[anchor] == text, f"{doc} #{anchor} differs from the source"


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_page_has_no_unit_the_source_lacks(built_site: Path, doc: str) -> None:
    page = built_page(built_site, doc)
    on_page = {tag["id"] for tag in page.find_all(id=_UNIT_ANCHOR)}
    if LAYOUTS.get(sidecars()[doc]["type"]) == "notes":
        return  # notes have no numbered units besides their sections, compared above
    assert on_page == set(expected(VENDORED, doc))


def plain(line: str) -> str:
    """A source line as its text reads on the page, without Markdown and comment marks."""
    line = re.sub(r"^#+ |^<!--\s*|\s*-->$|\*+", "", line)
    return normalise(line)


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_no_line_of_the_source_is_left_out(built_site: Path, doc: str) -> None:
    """Beyond numbered units: preambles, chapter titles, closings, signatures, remarks."""
    if LAYOUTS.get(sidecars()[doc]["type"]) == "notes":
        pytest.skip("notes are Markdown, compared section by section above")
    content = built_page(built_site, doc).select_one("article.md-content__inner")
    text = normalise(content.get_text(" ").replace("\u00a0", " "))
    text = " ".join(text.split())
    missing = [line for line in body_lines(VENDORED / f"{doc}.md")
               if line.strip() and line != "---" and plain(line.lstrip("- ")) not in text]
    assert missing == []


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_vendored_copy_is_byte_identical_to_the_shared_source(doc: str) -> None:
    skip_unless_present(SHARED)
    assert (VENDORED / f"{doc}.md").read_bytes() == source_file(SHARED, doc).read_bytes()


def test_every_shared_source_is_vendored() -> None:
    skip_unless_present(SHARED)
    shared = {path.name for path in SHARED.glob("*.md") if path.name != "README.md"}
    assert shared == {data["source_file"] for data in sidecars().values()}


def test_the_comparison_would_catch_a_changed_word(built_site: Path) -> None:
    """The check above can fail: one word changed in the source no longer matches the site."""
    lines = body_lines(VENDORED / "luat35.md")
    index = lines.index("2. Chính phủ quy định chi tiết Điều này.")
    lines[index] = "2. Chính phủ quy định cụ thể Điều này."
    wanted = expected_law(lines)
    found = built(built_site, "luat35", set(wanted))
    assert found["dieu-3-khoan-2"] != wanted["dieu-3-khoan-2"]
    assert found["dieu-4"] == wanted["dieu-4"]
