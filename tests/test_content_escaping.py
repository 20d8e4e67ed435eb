"""Property: random markup in every text field of every material (and in every page's title
and description) is either refused by `hoagiai check` at its place or shown as text on every
kind of page — never as markup, in no page, feed or sitemap.

Each text field gets a different piece of markup, drawn with a fixed seed, carrying a tag
`<hgxN …>` that no template writes. Fields whose rules (a schema pattern, a length, a
cross-check) refuse the markup are put back and must have been refused at their own line.
Then the site is built once and searched.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pytest
import yaml

from hoagiai import pipeline
from hoagiai.problems import Report
from hoagiai.publish.page_kinds import PAGE_KINDS, localized
from hoagiai.safety.output_policy import check_site
from hoagiai.site import LANGUAGES, Paths
from hoagiai.yamlpos import YamlDocument, parse_yaml
from support.project import copy_project, mkdocs_build

SEED = 24
MARKUP = [
    "<script>alert({n})</script>",
    "<img src=x onerror=alert({n})>",
    "\"><b onmouseover=alert({n})>",
    "</title></script><i>",
    "[x](javascript:alert({n}))",
    "&amp; &lt;b&gt; ' \"",
    "<!-- {n} -->",
    "]]></hgx{n}>",
]
RAW_TAG = re.compile(r"<hgx\d+")
FRONT_MATTER_FIELDS = ("title", "description")


@dataclass
class Field:
    """One text value that received markup: where it is, and what it said before."""

    file: Path
    path: tuple[Any, ...]
    original: str
    number: int  # N of its <hgxN> tag


def payload(n: int, rng: random.Random) -> str:
    return f" <hgx{n} a='\"&'>" + rng.choice(MARKUP).format(n=n)


def text_leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from text_leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from text_leaves(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def set_leaf(data: Any, path: tuple[Any, ...], value: str) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


class Injector:
    """Puts markup into the project's YAML and front matter, and can take it back out."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.rng = random.Random(SEED)
        self.fields: list[Field] = []
        self.documents: dict[Path, tuple[str, Any, str]] = {}  # file -> (head, data, body)

    def inject_everything(self) -> None:
        for path in sorted((self.root / "materials").rglob("*.yml")):
            text = path.read_text(encoding="utf-8")
            head = "".join(line for line in text.splitlines(keepends=True)
                           if line.startswith("# yaml-language-server"))
            self._inject(path, head, yaml.safe_load(text), "", None)
        for path in sorted((self.root / "docs").rglob("*.md")):
            text = path.read_text(encoding="utf-8")
            _, front, body = text.split("---\n", 2)
            self._inject(path, "---\n", yaml.safe_load(front), "---\n" + body,
                         FRONT_MATTER_FIELDS)

    def _inject(self, path: Path, head: str, data: Any, body: str,
                only: tuple[str, ...] | None) -> None:
        for leaf, value in list(text_leaves(data)):
            if only is not None and (len(leaf) != 1 or leaf[0] not in only):
                continue
            number = len(self.fields) + 1
            self.fields.append(Field(path, leaf, value, number))
            set_leaf(data, leaf, value + payload(number, self.rng))
        self.documents[path] = (head, data, body)
        self._write(path)

    def _write(self, path: Path) -> None:
        head, data, body = self.documents[path]
        dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
        path.write_text(head + dumped + body, encoding="utf-8")

    def put_back(self, report: Report) -> list[Field]:
        """Take the markup out of the fields a problem is about: at their (file, line), or
        quoting their tag (a legal text's heading must match its verbatim text, say)."""
        refused = {(item.location.path, item.location.line) for item in report}
        quoted = {int(n) for n in re.findall(r"<hgx(\d+) ", report.format())}
        back = []
        refused_files = {path for path, _ in refused}
        parsed: dict[Path, YamlDocument] = {}
        for field in self.fields:
            shown = field.file.relative_to(self.root).as_posix()
            if field.number in quoted:
                set_leaf(self.documents[field.file][1], field.path, field.original)
                back.append(field)
                continue
            if shown not in refused_files:
                continue
            if field.file not in parsed:
                parsed[field.file] = self._parsed(field.file)
            if (shown, parsed[field.file].location(field.path).line) in refused:
                set_leaf(self.documents[field.file][1], field.path, field.original)
                back.append(field)
        for path in {field.file for field in back}:
            self._write(path)
        self.fields = [field for field in self.fields if field not in back]
        return back

    @staticmethod
    def _parsed(path: Path) -> YamlDocument:
        """The file as written, with the line of every value (front matter: of the page)."""
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            return parse_yaml(text.split("---\n", 2)[1], "x", 1)[0]
        return parse_yaml(text, "x")[0]


@pytest.fixture(scope="module")
def marked_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Injector, list[Field]]:
    root = copy_project(tmp_path_factory.mktemp("markup") / "project")
    injector = Injector(root)
    injector.inject_everything()
    refused_fields: list[Field] = []
    for _ in range(4):
        report = pipeline.check(Paths.at(root))
        if not report:
            break
        back = injector.put_back(report)
        assert back, "problems not at any field with markup:\n" + report.format()
        refused_fields += back
    else:
        pytest.fail(pipeline.check(Paths.at(root)).format())
    site = root / "site"
    # Its own PDF cache: every PDF here differs from the real site's, and the shared cache keeps
    # one version per file name, so sharing it would evict the real site's PDFs.
    result = mkdocs_build(root, site, HOAGIAI_CACHE_DIR=str(root / ".cache" / "handouts"))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return site, injector, refused_fields


@pytest.mark.build
def test_markup_in_text_is_never_markup_in_output(marked_site: tuple[Path, Injector,
                                                                      list[Field]]) -> None:
    site, injector, refused = marked_site
    # Most fields take the markup (ids, dates, citations and other coded values are refused
    # by their schema patterns): the test would prove little otherwise.
    assert len(injector.fields) > max(len(refused), 1000)
    leaks = []
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".xml", ".json", ".webmanifest", ".svg"):
            text = path.read_text(encoding="utf-8", errors="replace")
            leaks += [f"{path.relative_to(site)}: …{text[max(0, m.start() - 60):m.end() + 20]}…"
                      for m in RAW_TAG.finditer(text)]
    assert not leaks, "\n".join(leaks[:20])
    assert check_site(site) == []


@pytest.mark.build
def test_every_page_kind_shows_the_markup_as_text(marked_site: tuple[Path, Injector,
                                                                      list[Field]]) -> None:
    site, _, _ = marked_site
    missing = []
    for kind, address in PAGE_KINDS.items():
        for lang in LANGUAGES:
            page = site / localized(address, lang)
            page = page / "index.html" if page.suffix != ".html" else page
            if "&lt;hgx" not in page.read_text(encoding="utf-8"):
                missing.append(f"{kind} ({lang})")
    assert not missing, missing


@pytest.mark.build
def test_printed_pdfs_show_the_markup_as_text(marked_site: tuple[Path, Injector,
                                                                  list[Field]]) -> None:
    """Handouts and quiz papers: the titles with markup are printed as written (markup taken
    as HTML by WeasyPrint would vanish from the text)."""
    site, _, _ = marked_site
    # The class register is a blank form: it prints no text from materials or front matter.
    pdfs = sorted(pdf for pdf in site.rglob("*.pdf") if pdf.stem != "danh-sach-lop-tap-huan")
    assert pdfs
    without = [pdf.relative_to(site).as_posix() for pdf in pdfs
               if "<hgx" not in pypdf.PdfReader(pdf).pages[0].extract_text()]
    assert not without, without

