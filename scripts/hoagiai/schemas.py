"""Validate loaded YAML against the JSON Schemas in `materials/schemas/`.

JSON Schema errors become bilingual problems located at the value (or key) they
concern; the wording lives in `schema_messages`. A schema node may carry
`"x-hint": {"vi": ..., "en": ...}` to replace the generic "how to fix" with
advice written for that field.
"""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from hoagiai.problems import Problem
from hoagiai.schema_messages import KnownProperties, explain
from hoagiai.yamlpos import JsonPath, YamlDocument

SCHEMA_SUFFIX = ".schema.json"


class SchemaSet:
    """Every schema of the project, loaded once, referring to each other by file name."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._schemas: dict[str, dict] = {}
        resources = []
        texts = []
        for path in sorted(directory.glob(f"*{SCHEMA_SUFFIX}")):
            texts.append((path.name, path.read_text(encoding="utf-8")))
            schema = json.loads(texts[-1][1])
            schema["$id"] = path.resolve().as_uri()
            self._schemas[path.name.removesuffix(SCHEMA_SUFFIX)] = schema
            resources.append((schema["$id"], Resource.from_contents(schema, DRAFT202012)))
        self._registry = Registry().with_resources(resources)
        self._identity = (str(directory.resolve()), tuple(texts))

    # Two sets made from the same files validate alike: results can be kept across loads.
    def __eq__(self, other: object) -> bool:
        return isinstance(other, SchemaSet) and self._identity == other._identity

    def __hash__(self) -> int:
        return hash(self._identity)

    def validate(self, document: YamlDocument, name: str) -> list[Problem]:
        """All violations of schema `name` by `document`, each at its place in the file."""
        validator = Draft202012Validator(
            self._schemas[name],
            registry=self._registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        errors = sorted(validator.iter_errors(document.data), key=lambda e: list(e.absolute_path))
        base = self._schemas[name]["$id"]
        return [
            _to_problem(_deepest(error), document, lambda s: self._known_properties(s, base))
            for error in errors
        ]

    def _known_properties(self, schema: dict, base_uri: str) -> list[str]:
        """Property names a schema allows, following `$ref` and `allOf` (for unevaluated...)."""
        names = list((schema.get("properties") or {}).keys())
        parts = list(schema.get("allOf") or [])
        if "$ref" in schema:
            parts.append(self._registry.resolver(base_uri).lookup(schema["$ref"]).contents)
        for part in parts:
            names += self._known_properties(part, base_uri)
        return sorted(set(names))


def _deepest(error: ValidationError) -> ValidationError:
    """For anyOf/oneOf, the branch error that explains most (the longest path)."""
    while error.context:
        error = max(error.context, key=lambda e: (len(e.absolute_path), -len(e.message)))
    return error


def _to_problem(error: ValidationError, document: YamlDocument,
                known: KnownProperties) -> Problem:
    json_path: JsonPath = tuple(error.absolute_path)
    explanation = explain(error, json_path, known)
    if explanation.key:
        json_path = (*json_path, explanation.key)
    return Problem(document.location(json_path, key=bool(explanation.key)), explanation.what,
                   explanation.fix)
