"""Split a Markdown page into its YAML front matter and its body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass

from hoagiai.problems import Location, Problem, problem
from hoagiai.yamlpos import YamlDocument, load_yaml

# A page's place among its siblings in the navigation when its front matter has no `order`.
DEFAULT_ORDER = 100
_FENCE = "---"
_END_FENCES = ("---", "...")


@dataclass
class FrontMatter:
    """The front matter of one page; `body_line` is the file line where the body starts."""

    document: YamlDocument
    body: str
    body_line: int

    @property
    def meta(self) -> dict:
        return self.document.data if isinstance(self.document.data, dict) else {}


def split_front_matter(text: str, path: str) -> tuple[FrontMatter, list[Problem]]:
    """Read the `---` block at the top of a page. A page without one has empty front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != _FENCE:
        return FrontMatter(YamlDocument(path, {}), text, 1), []
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _END_FENCES:
            yaml_text = "".join(lines[1:index])
            document, problems = load_yaml(yaml_text, path, line_offset=1)
            if document.data is None and not problems:
                document.data = {}
            body = "".join(lines[index + 1 :])
            return FrontMatter(document, body, index + 2), problems
    # No closing fence: MkDocs would show the YAML as text. Say so instead.
    return FrontMatter(YamlDocument(path, {}), text, 1), [
        problem(
            Location(path, 1, 1),
            "phần đầu trang (front matter) mở bằng “---” nhưng không có dòng “---” đóng",
            "thêm một dòng chỉ có “---” ở cuối phần đầu trang",
            "the front matter opens with “---” but is never closed",
            "add a line with only “---” after the front matter",
        )
    ]
