"""Load the library: each `materials/legal/<id>.yml` with its verbatim text `<id>.md`.

Everything is checked while loading: the sidecar against its schema and against
the source's header, the text's structure, that every article (part, note) has
an English heading, and that both languages of our own texts cite the same
articles. Each sidecar's citations are recorded like any page's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from hoagiai.citations import CitationUse, find_in_markdown
from hoagiai.frontmatter import split_front_matter
from hoagiai.legal.library import page_of
from hoagiai.legal.model import Document, Kind
from hoagiai.legal.parse import Line, parse_body
from hoagiai.legal.sidecar import header_disagreements, info_from
from hoagiai.materials import load_material, material_files, read_text
from hoagiai.problems import Location, Problem, Report, Text, problem
from hoagiai.render import t
from hoagiai.site import LANGUAGES, Site
from hoagiai.yamlpos import JsonPath, YamlDocument

FOLDER = "legal"
SCHEMA = "legal-document"
_HEADED = (Kind.ARTICLE, Kind.PART, Kind.NOTE)  # units that need an English heading


def load_documents(site: Site, report: Report) -> dict[str, Document]:
    documents: dict[str, Document] = {}
    folder = site.paths.materials / FOLDER
    for text_path in sorted(folder.glob("*.md")):
        if text_path.name != "README.md" and not text_path.with_suffix(".yml").exists():
            report.add(_orphan_text(site, text_path))
    for path in material_files(site, FOLDER):
        sidecar = load_material(path, SCHEMA, site, report)
        if sidecar is None:
            continue
        document = _document(site, path, sidecar, report)
        if document is not None:
            documents[document.id] = document
            _record_citations(site, document, sidecar, report)
    return documents


def _document(site: Site, path: Path, sidecar: YamlDocument, report: Report) -> Document | None:
    info = info_from(sidecar.data)
    if info.id != path.stem:
        report.add(problem(
            sidecar.location(("id",)),
            f"mã văn bản “{info.id}” khác tên tệp “{path.name}”",
            f"đặt “id: {path.stem}” hoặc đổi tên tệp thành “{info.id}.yml”",
            f"the document id “{info.id}” differs from the file name “{path.name}”",
            f"write “id: {path.stem}” or rename the file to “{info.id}.yml”",
        ))
        return None
    text_path = path.with_suffix(".md")
    rel = site.paths.rel(text_path)
    if not text_path.exists():
        report.add(problem(
            sidecar.location(), f"không có tệp toàn văn “{rel}”",
            f"chép nguyên văn tệp nguồn “{info.source_file}” thành {rel}",
            f"the text file “{rel}” is missing",
            f"copy the source file “{info.source_file}” unchanged to {rel}",
        ))
        return None
    text = read_text(text_path, site, report)
    if text is None:
        return None
    front, problems = split_front_matter(text, rel)
    lines = [Line(front.body_line + i, line) for i, line in enumerate(front.body.split("\n"))]
    body, parse_problems = parse_body(lines, info.layout, rel, info.closing)
    document = Document(info, rel, front.meta, body)
    report.extend([*problems, *parse_problems, *_index(document),
                   *_english_headings(document, sidecar),
                   *header_disagreements(sidecar, front.meta, rel)])
    return document


def _index(document: Document) -> Iterator[Problem]:
    """Fill the locator index; two units with one locator would share an anchor."""
    for unit in document.units():
        if not unit.locator:
            continue
        if unit.locator in document.index:
            yield problem(
                Location(document.path, unit.line, 1),
                f"“{unit.locator}” xuất hiện hai lần (lần đầu ở dòng "
                f"{document.index[unit.locator].line})",
                "kiểm tra số thứ tự điều, khoản, điểm ở dòng này so với tệp nguồn",
                f"“{unit.locator}” appears twice (first on line "
                f"{document.index[unit.locator].line})",
                "check the numbering of this line against the source file",
            )
        else:
            document.index[unit.locator] = unit


def _english_headings(document: Document, sidecar: YamlDocument) -> Iterator[Problem]:
    headed = [unit.locator for unit in document.units() if unit.kind in _HEADED]
    given = document.info.headings_en
    for locator in headed:
        if locator not in given:
            yield problem(
                sidecar.location(("headings_en",), key=True),
                f"thiếu tên tiếng Anh của “{locator}” trong headings_en",
                f"thêm dòng “\"{locator}\": <tên tiếng Anh>” dưới headings_en",
                f"headings_en has no English heading for “{locator}”",
                f"add a line “\"{locator}\": <English heading>” under headings_en",
            )
    for locator in given:
        if locator not in headed:
            yield problem(
                sidecar.location(("headings_en", locator), key=True),
                f"headings_en có “{locator}” nhưng văn bản không có phần này",
                "xóa dòng này hoặc sửa lại số cho đúng với văn bản",
                f"headings_en has “{locator}”, which the text does not have",
                "remove this line or correct the number",
            )


def _texts(sidecar: YamlDocument) -> Iterator[tuple[JsonPath, str, str]]:
    """Every free text of a sidecar that may cite: (path, anchor on the page, string key)."""
    data = sidecar.data
    if "replaced" in data:
        yield ("replaced",), "thong-tin", "legal.meta.replaced"
    for index in range(len(data["status"]["notes"])):
        yield ("status", "notes", index), "trang-thai", "legal.status.title"
    yield ("summary",), "tom-tat", "legal.summary.title"
    for index in range(len(data["key_articles"])):
        yield ("key_articles", index), "tom-tat", "legal.summary.title"


def _record_citations(site: Site, document: Document, sidecar: YamlDocument,
                      report: Report) -> None:
    short = document.info.short
    for path, anchor, key in _texts(sidecar):
        item = sidecar.data
        for step in path:
            item = item[step]
        label = Text(f"{short.vi} — {t(key, 'vi')}", f"{short.en} — {t(key, 'en')}")
        refs = {lang: [found.ref for found in find_in_markdown(item[lang])]
                for lang in LANGUAGES}
        if "cite" in item:
            refs = {lang: [item["cite"], *found] for lang, found in refs.items()}
        for ref in dict.fromkeys(refs["vi"] + refs["en"]):
            site.citations.append(CitationUse(ref, sidecar.location(path), page_of(document.id),
                                              anchor, label))
        if set(refs["vi"]) != set(refs["en"]):
            report.add(_citations_differ(sidecar, path, refs))


def _citations_differ(sidecar: YamlDocument, path: JsonPath,
                      refs: dict[str, list[str]]) -> Problem:
    only_vi = ", ".join(sorted(set(refs["vi"]) - set(refs["en"]))) or "—"
    only_en = ", ".join(sorted(set(refs["en"]) - set(refs["vi"]))) or "—"
    return problem(
        sidecar.location(path),
        f"hai bản vi/en trích dẫn khác nhau (chỉ bản vi: {only_vi}; chỉ bản en: {only_en})",
        "bản tiếng Anh là bản dịch: hãy trích dẫn đúng những điều như bản tiếng Việt",
        f"the vi and en texts cite different things (vi only: {only_vi}; en only: {only_en})",
        "the English is a translation: cite exactly what the Vietnamese cites",
    )


def _orphan_text(site: Site, text_path: Path) -> Problem:
    rel = site.paths.rel(text_path)
    sidecar = rel.removesuffix(".md") + ".yml"
    return problem(
        Location(rel, 1, 1),
        f"văn bản “{rel}” chưa có tệp thông tin “{sidecar}”",
        f"tạo {sidecar} theo mẫu của các tệp .yml cùng thư mục",
        f"the text “{rel}” has no metadata file “{sidecar}”",
        f"create {sidecar} following the other .yml files of the folder",
    )
