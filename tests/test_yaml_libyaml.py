"""libyaml parses the project's YAML exactly as PyYAML's Python parser does, or hands it over.

`parse_yaml` lets libyaml scan and parse, under our own composer, limits and constructor; the
pure-Python parser stays the reference: it reads what libyaml refuses or might read otherwise,
so every value, position and message is the one it gives.
"""

from __future__ import annotations

import pytest

from hoagiai.safety.limits import BoundedLoader, FastBoundedLoader, LibyamlMayDiffer
from hoagiai.yamlpos import compose_document, parse_yaml, parse_yaml_in_python
from support.project import ROOT

pytestmark = pytest.mark.skipif(FastBoundedLoader is None, reason="PyYAML without libyaml")


def project_yaml() -> list[tuple[str, str, int]]:
    """(text, path, line offset) of every YAML file in materials/ and every page's front matter."""
    found = [(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)), 0)
             for path in sorted((ROOT / "materials").rglob("*.yml"))]
    for path in sorted((ROOT / "docs").rglob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        if lines and lines[0].rstrip() == "---":
            end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
            found.append(("".join(lines[1:end]), str(path.relative_to(ROOT)), 1))
    return found


def outcome(result: tuple[object, list]) -> tuple[str, list[str]]:
    """A loaded document and its problems as text: `repr` tells `True` from `1`, and key order."""
    document, problems = result
    return repr(document), [item.format() for item in problems]


def test_every_project_yaml_loads_the_same_through_libyaml() -> None:
    texts = project_yaml()
    declined = []
    for text, path, offset in texts:
        try:
            fast = compose_document(FastBoundedLoader(text), path, offset)
        except LibyamlMayDiffer:
            declined.append(path)
            continue
        python = compose_document(BoundedLoader(text), path, offset)
        assert outcome(fast) == outcome(python), path
        assert outcome(parse_yaml(text, path, offset)) == outcome(python), path
    assert len(texts) > 90
    # The comparison covers the project: libyaml reads nearly all of it.
    assert len(declined) <= len(texts) // 10, declined


@pytest.mark.parametrize("text", [
    # Where libyaml reads otherwise: "?" inside a flow collection, an empty value in one, an
    # explicit key, "#" right after a block scalar's indicator, a Tab, CR line ends, a BOM, tags.
    "tags: [sao-vay?, b]\n", "a: {b: ,}\n", "a: [x, {c: }]\n", "a: 1\n?\n", "? a\n: b\n",
    "d: >#\n  x\n", "a:\tb\n", "a: 1\r\nb: 2\r\n", "\ufeffa: 1\n", "b: ! \n", "c: ! 12\n",
    "a: !!str 1\n",
])
def test_what_libyaml_might_read_otherwise_goes_to_python(text: str) -> None:
    with pytest.raises(LibyamlMayDiffer):
        compose_document(FastBoundedLoader(text), "f.yml", 0)
    assert outcome(parse_yaml(text, "f.yml")) == outcome(parse_yaml_in_python(text, "f.yml"))


MALFORMED = ["a: b: c\n", "x: 1\na: \"open\n", "a:\n  - b\n c: d\n", "a: [1, 2\n", "- a\nb: c\n",
             "a: 1\n---\nb: 2\n", "a: *nowhere\n", "a: '\x07'\n"]


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_yaml_gets_the_python_message(text: str) -> None:
    document, problems = parse_yaml(text, "f.yml", 1)
    assert document.data is None and len(problems) == 1
    assert outcome((document, problems)) == outcome(parse_yaml_in_python(text, "f.yml", 1))


def test_the_limits_hold_through_libyaml() -> None:
    fixtures = ROOT / "tests" / "fixtures" / "bad" / "content"
    for name, words in [("faq-alias-bomb.yml", "anchor"), ("faq-deep-nesting.yml", "deeply")]:
        text = (fixtures / name).read_text(encoding="utf-8")
        _, problems = parse_yaml(text, name)
        assert len(problems) == 1 and words in problems[0].format()
        assert outcome(parse_yaml(text, name)) == outcome(parse_yaml_in_python(text, name))
