"""Parse a vendored source text (`materials/legal/<id>.md`) into the library's model.

The sources are Markdown with one paragraph per line. Three layouts exist:

- laws, decrees, decisions: `## Chương I` + `**TITLE**`, `### Mục 1`, `#### Điều N. Title`
  (or `Điều N. text` paragraphs in the two decisions), clauses `1.`, points `a)`,
  an annex (`## PHỤ LỤC`, parts `**III. …**`) and `## …` remarks added by the
  source's editor after a `---` rule;
- the commune plan: parts `I.`, items `1.`, points `a)`, a closing after the last item;
- the notes files: numbered headings `# 1.` and `## 1.1.` (or `## 1.` under a `# Title`)
  over free Markdown.

Every line is kept exactly; only the Markdown marks around a whole line (`**`,
`*`, `<!-- -->`) are taken off. Editorial placeholders such as
`[… Điều 2 – Điều 17 không chép …]` become editorial paragraphs, never law.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hoagiai.legal.model import Kind, Paragraph, Role, Span, Unit
from hoagiai.problems import Location, Problem, problem

_CHAPTER = re.compile(r"^## (Chương ([IVXLC]+))$")
_SECTION = re.compile(r"^### (Mục (\d+))$")
_ANNEX = re.compile(r"^## (PHỤ LỤC)$")
_REMARKS = re.compile(r"^## (.+)$")
_ARTICLE_HEADING = re.compile(r"^#### (Điều (\d+)\. (.+))$")
_ARTICLE_INLINE = re.compile(r"^Điều (\d+)\. ")
_ANNEX_PART = re.compile(r"^\*\*(([IVX]+)\. .+)\*\*$")
_PLAN_PART = re.compile(r"^([IVX]+)\. ")
_NOTE = re.compile(r"^(#{1,2}) ((\d+(?:\.\d+)?)\. .+)$")
_CLAUSE = re.compile(r"^(\d+)\. ")
_POINT = re.compile(r"^([a-zđ])\) ")
_DOC_TITLE = re.compile(r"^# (.+)$")
_STRONG = re.compile(r"^\*\*(.+)\*\*$")
_EMPHASIS = re.compile(r"^\*([^*].*)\*$")
_COMMENT = re.compile(r"^<!--\s*(.*?)\s*-->$")
_OMITTED = re.compile(r"^\[.*\]$")
_INLINE_OMITTED = re.compile(r"\[…[^\]]*…\]")
_RULE = "---"

# Nesting depth of each kind of unit: a new unit closes every open unit as deep or deeper.
_LEVELS = {
    Kind.CHAPTER: 1, Kind.ANNEX: 1, Kind.REMARKS: 1, Kind.NOTE: 1,
    Kind.SECTION: 2,
    Kind.ARTICLE: 3, Kind.PART: 3,
    Kind.CLAUSE: 4, Kind.ITEM: 4,
    Kind.POINT: 5,
}


@dataclass(frozen=True)
class Line:
    number: int  # in the file, from 1
    text: str


def anchor_part(value: str) -> str:
    """`đ` becomes `dd` and Roman numerals go lower case, so anchors stay ASCII."""
    return value.replace("đ", "dd").lower()


def spans_of(text: str) -> tuple[Span, ...]:
    """The text cut around inline placeholders (`[…]`), which are shown as editorial notes."""
    spans: list[Span] = []
    position = 0
    for match in _INLINE_OMITTED.finditer(text):
        if match.start() > position:
            spans.append(Span(text[position:match.start()]))
        spans.append(Span(match.group(), editorial=True))
        position = match.end()
    if position < len(text):
        spans.append(Span(text[position:]))
    return tuple(spans)


class _Tree:
    """The body being built: a stack of open units and the top-level list."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.body: list[Paragraph | Unit] = []
        self.stack: list[Unit] = []
        self.problems: list[Problem] = []

    @property
    def top(self) -> Unit | None:
        return self.stack[-1] if self.stack else None

    def innermost(self, *kinds: Kind) -> Unit | None:
        return next((unit for unit in reversed(self.stack) if unit.kind in kinds), None)

    def close_to(self, level: int) -> None:
        while self.stack and _LEVELS[self.stack[-1].kind] >= level:
            closed = self.stack.pop()
            if closed.kind is Kind.ARTICLE:
                self._hoist_trailing_notes(closed)

    def _hoist_trailing_notes(self, article: Unit) -> None:
        # A placeholder after an article's last clause ("[… Điều 2 – Điều 17 không chép …]")
        # speaks about what follows the article, so it is shown after it, not inside it.
        moved: list[Paragraph | Unit] = []
        while article.children and isinstance(article.children[-1], Paragraph) \
                and article.children[-1].is_editorial:
            moved.insert(0, article.children.pop())
        self.children().extend(moved)

    def children(self) -> list[Paragraph | Unit]:
        return self.top.children if self.top else self.body

    def open(self, unit: Unit) -> Unit:
        self.close_to(_LEVELS[unit.kind])
        self.children().append(unit)
        self.stack.append(unit)
        return unit

    def open_child(self, parent: Unit, kind: Kind, number: str, line: int,
                   separator: str = "-") -> Unit:
        """A clause, item or point under `parent`, its locator and anchor derived from it."""
        return self.open(Unit(
            kind, number, "", f"{parent.anchor}{separator}{anchor_part(number)}", line,
            locator=f"{parent.locator}.{number}",
        ))

    def add(self, paragraph: Paragraph) -> None:
        self.children().append(paragraph)

    def add_note(self, paragraph: Paragraph) -> None:
        """Editorial paragraphs belong to the article (or part) they sit in, not to a clause."""
        holder = self.innermost(Kind.ARTICLE, Kind.PART)
        if holder is not None:
            self.close_to(_LEVELS[holder.kind] + 1)
        self.add(paragraph)

    def fail(self, line: Line, what_vi: str, what_en: str) -> None:
        self.problems.append(problem(
            Location(self.path, line.number, 1),
            f"không đọc được cấu trúc văn bản: {what_vi}",
            "sửa dòng này cho đúng mẫu của tệp nguồn (xem materials/legal/README.md)",
            f"the text's structure cannot be read: {what_en}",
            "make this line follow the source layout (see materials/legal/README.md)",
        ))


def _plain(tree: _Tree, line: Line) -> bool:
    """Paragraph kinds shared by every layout; True when `line` was one of them."""
    text = line.text
    if comment := _COMMENT.match(text):
        tree.add_note(Paragraph(comment.group(1), line.number, Role.EDITORIAL))
    elif text.startswith("<!--"):
        tree.fail(line, "ghi chú “<!--” phải đóng “-->” trên cùng một dòng",
                  "an “<!--” comment must close with “-->” on the same line")
    elif _OMITTED.match(text):
        tree.add_note(Paragraph(text, line.number, Role.OMITTED))
    else:
        return False
    return True


def _paragraph(text: str, line: Line) -> Paragraph:
    if strong := _STRONG.match(text):
        return Paragraph(strong.group(1), line.number, Role.STRONG)
    if emphasis := _EMPHASIS.match(text):
        return Paragraph(emphasis.group(1), line.number, Role.EMPHASIS)
    return Paragraph(text, line.number, Role.TEXT, spans_of(text))


def _law_line(tree: _Tree, line: Line, inline_articles: bool) -> None:
    text = line.text
    top = tree.top
    if text == _RULE:
        tree.close_to(1)
    elif match := _CHAPTER.match(text):
        tree.open(Unit(Kind.CHAPTER, match[2], match[1], f"chuong-{anchor_part(match[2])}",
                       line.number))
    elif match := _SECTION.match(text):
        chapter = tree.innermost(Kind.CHAPTER)
        prefix = f"{chapter.anchor}-" if chapter else ""
        tree.open(Unit(Kind.SECTION, match[2], match[1], f"{prefix}muc-{match[2]}", line.number))
    elif match := _ANNEX.match(text):
        tree.open(Unit(Kind.ANNEX, "PL", match[1], "phu-luc", line.number, locator=""))
    elif match := _REMARKS.match(text):
        count = sum(isinstance(u, Unit) and u.kind is Kind.REMARKS for u in tree.body) + 1
        tree.open(Unit(Kind.REMARKS, "", match[1], f"ghi-chu-{count}", line.number))
    elif top is not None and top.kind is Kind.REMARKS:
        top.markdown += text + "\n"
    elif (strong := _STRONG.match(text)) and top is not None and not top.children \
            and top.kind in (Kind.CHAPTER, Kind.SECTION, Kind.ANNEX) and not top.title:
        top.title = strong[1]
    elif match := _ARTICLE_HEADING.match(text):
        tree.open(Unit(Kind.ARTICLE, match[2], match[1], f"dieu-{match[2]}", line.number,
                       locator=match[2], title=match[3]))
    elif inline_articles and (match := _ARTICLE_INLINE.match(text)):
        article = tree.open(Unit(Kind.ARTICLE, match[1], "", f"dieu-{match[1]}", line.number,
                                 locator=match[1]))
        article.children.append(Paragraph(text, line.number, Role.TEXT, spans_of(text)))
    elif (match := _ANNEX_PART.match(text)) and tree.innermost(Kind.ANNEX):
        tree.open(Unit(Kind.PART, match[2], match[1], f"pl-{anchor_part(match[2])}",
                       line.number, locator=f"PL.{match[2]}",
                       title=match[1][len(match[2]) + 2:]))
    elif _plain(tree, line):
        pass
    elif (match := _CLAUSE.match(text)) and (holder := tree.innermost(Kind.ARTICLE, Kind.PART)):
        if holder.kind is Kind.ARTICLE:
            tree.open_child(holder, Kind.CLAUSE, match[1], line.number, "-khoan-")
        else:
            tree.open_child(holder, Kind.ITEM, match[1], line.number)
        tree.add(Paragraph(text, line.number, Role.TEXT, spans_of(text)))
    elif (match := _POINT.match(text)) and (holder := tree.innermost(Kind.CLAUSE, Kind.ITEM)):
        separator = "-diem-" if holder.kind is Kind.CLAUSE else "-"
        tree.open_child(holder, Kind.POINT, match[1], line.number, separator)
        tree.add(Paragraph(text, line.number, Role.TEXT, spans_of(text)))
    elif match := _DOC_TITLE.match(text):
        tree.add(Paragraph(match[1], line.number, Role.TITLE))
    else:
        tree.add(_paragraph(text, line))


def _plan_line(tree: _Tree, line: Line) -> None:
    text = line.text
    if match := _PLAN_PART.match(text):
        tree.open(Unit(Kind.PART, match[1], text, f"muc-{anchor_part(match[1])}", line.number,
                       locator=match[1], title=text[match.end():]))
        return
    if _plain(tree, line):
        return
    if (match := _CLAUSE.match(text)) and (part := tree.innermost(Kind.PART)):
        tree.open_child(part, Kind.ITEM, match[1], line.number)
    elif (match := _POINT.match(text)) and (item := tree.innermost(Kind.ITEM)):
        tree.open_child(item, Kind.POINT, match[1], line.number)
    tree.add(_paragraph(text, line))


def _notes_line(tree: _Tree, line: Line) -> None:
    if match := _NOTE.match(line.text):
        number = match[3]
        level = len(match[1])
        unit = Unit(Kind.NOTE, number, match[2], f"muc-{number.replace('.', '-')}", line.number,
                    locator=number, title=match[2][len(number) + 2:])
        # A whole number ("## 1." under a "# Title" line) is a top-level section too.
        if level == 1 or "." not in number:
            tree.open(unit)
        elif tree.innermost(Kind.NOTE) is None:
            tree.fail(line, f"mục “{number}” đứng trước mọi mục cấp trên",
                      f"section “{number}” comes before any top-level section")
        else:
            del tree.stack[1:]  # back to the top-level section this one belongs to
            tree.stack[0].children.append(unit)
            tree.stack.append(unit)
    elif tree.top is not None:
        tree.top.markdown += line.text + "\n"
    elif line.text.strip():
        tree.add(_paragraph(line.text, line))


def parse_body(lines: list[Line], layout: str, path: str,
               closing: str = "") -> tuple[list[Paragraph | Unit], list[Problem]]:
    """The body's paragraphs and units (`layout`: law, plan or notes) and any problems."""
    tree = _Tree(path)
    inline_articles = not any(_ARTICLE_HEADING.match(line.text) for line in lines)
    closing_at = next((i for i, line in enumerate(lines) if closing and
                       line.text.startswith(closing)), len(lines))
    for index, line in enumerate(lines):
        if layout == "notes":
            _notes_line(tree, line)
        elif not line.text.strip():
            if tree.top is not None and tree.top.kind is Kind.REMARKS:
                tree.top.markdown += "\n"  # blank lines separate Markdown blocks
            continue
        elif index >= closing_at:
            tree.close_to(1)
            tree.add(_paragraph(line.text, line))
        elif layout == "plan":
            _plan_line(tree, line)
        else:
            _law_line(tree, line, inline_articles)
    tree.close_to(1)
    if closing and closing_at == len(lines):
        tree.fail(Line(lines[-1].number if lines else 1, ""),
                  f"không thấy đoạn kết bắt đầu bằng “{closing}”",
                  f"no closing paragraph starts with “{closing}”")
    return tree.body, tree.problems
