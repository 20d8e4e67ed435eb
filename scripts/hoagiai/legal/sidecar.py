"""Our metadata for a document (`materials/legal/<id>.yml`), checked against the source's header.

The vendored text keeps the header the source was delivered with (number,
dates, provenance). The sidecar holds what we curate on top of it; where both
speak of the same fact (number, dates, date checked) they must agree, so a
typing slip in the sidecar cannot publish a wrong date.
"""

from __future__ import annotations

from typing import Any

from hoagiai.legal.model import DocumentInfo, KeyArticle, OfficialLink
from hoagiai.problems import Problem, Text, problem
from hoagiai.yamlpos import YamlDocument

# Sidecar field -> header field whose text must start with the sidecar's value.
_HEADER_FACTS = {
    "number": "number",
    "issued": "issued",
    "effective": "effective",
}


def _text(value: dict[str, str] | None) -> Text | None:
    return Text.of(value) if value else None


def info_from(data: dict[str, Any]) -> DocumentInfo:
    """Build the metadata from a sidecar already validated against its schema."""
    completeness = data["completeness"]
    return DocumentInfo(
        id=data["id"],
        type=data["type"],
        nature=data["nature"],
        audience=tuple(data["audience"]),
        source_file=data["source_file"],
        title=_text(data["title"]),
        short=_text(data["short"]),
        cite_name=_text(data["cite_name"]),
        description=_text(data["description"]),
        number=data.get("number", ""),
        issuer=_text(data.get("issuer")),
        issued=str(data.get("issued", "")),
        effective=str(data.get("effective", "")),
        expires=str(data.get("expires", "")),
        replaced=_text(data.get("replaced")),
        completeness=completeness["level"],
        completeness_note=Text.of(completeness),
        missing=_text(completeness.get("missing")),
        source=_text(data["source"]),
        checked=data["status"]["checked"],
        status=tuple(_text(note) for note in data["status"]["notes"]),
        links=tuple(OfficialLink(_text(link["label"]), link["url"]) for link in data["links"]),
        summary=_text(data["summary"]),
        key_articles=tuple(KeyArticle(item["cite"], Text.of(item))
                           for item in data["key_articles"]),
        headings_en={str(key): value for key, value in data["headings_en"].items()},
        closing=data.get("closing", ""),
    )


def header_disagreements(sidecar: YamlDocument, header: dict[str, Any],
                         source_path: str) -> list[Problem]:
    """Facts the sidecar states differently from the source's header."""
    found = []
    data = sidecar.data
    for field, header_field in _HEADER_FACTS.items():
        if field in data and not str(header.get(header_field, "")).startswith(str(data[field])):
            found.append(_disagreement(sidecar, (field,), data[field], header.get(header_field),
                                       header_field, source_path))
    retrieved = header.get("retrieved")
    if retrieved and str(retrieved) != data["status"]["checked"]:
        found.append(_disagreement(sidecar, ("status", "checked"), data["status"]["checked"],
                                   retrieved, "retrieved", source_path))
    return found


def _disagreement(sidecar: YamlDocument, path: tuple[str, ...], ours: Any, theirs: Any,
                  header_field: str, source_path: str) -> Problem:
    name = ".".join(path)
    return problem(
        sidecar.location(path),
        f"“{name}: {ours}” khác với phần đầu tệp nguồn {source_path} "
        f"(“{header_field}: {theirs}”)",
        "ghi đúng như phần đầu tệp nguồn; không sửa tệp nguồn",
        f"“{name}: {ours}” differs from the header of {source_path} (“{header_field}: {theirs}”)",
        "write it as the source's header says; do not edit the source file",
    )
