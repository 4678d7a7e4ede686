"""The document body -> a flat list of items: paragraphs, finished blocks, drawn rules.

Walks ``office:text`` in reading order. Every ``text:p`` and ``text:h`` of the
body gets the next paragraph number (1-based, the "line" of every source
position this reader gives; footnote paragraphs take their reference's
number). Sections and table cells are read through in order; lists become
:class:`~compile_book.nodes.ListBlock` unless they hold headings (a word
processor numbering its chapters), which are read as if unlisted.

Left out, and counted for the report: tracked deletions (the text as it now
reads is the body; deleted text lives only in ``text:tracked-changes``),
comments, hidden sections and text, and generated indexes (a table of
contents: the book makes its own). Headers and footers live in
``styles.xml`` and are never read here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from ...diagnostics import Reporter
from ...nodes import Block, Figure, ListBlock, Source
from . import figures, lines
from .inlines import InlineReader, Run, nest, split, text_of, tidy
from .package import NS, Package, q, text_in
from .styles import ParaStyle, Role, StyleSheet


@dataclass(slots=True)
class ParaItem:
    """A paragraph with text: its number, style, heading level and tidied lines."""

    n: int
    style: ParaStyle
    level: int
    lines: list[list[Run]] = field(repr=False)
    number: str = ""

    @property
    def role(self) -> Role:
        if self.level and self.style.role not in (Role.TITLE, Role.SUBTITLE):
            return Role.HEADING
        return Role.BODY if self.style.role is Role.HEADING else self.style.role

    def texts(self) -> list[str]:
        return [text_of(line) for line in self.lines]

    @property
    def text(self) -> str:
        return " ".join(t for t in self.texts() if t)

    @property
    def one_line(self) -> bool:
        return len(self.lines) == 1


@dataclass(slots=True)
class BlockItem:
    """A block finished while walking: a figure or a list."""

    block: Block


@dataclass(slots=True)
class RuleItem:
    """A drawn horizontal line (an empty bordered paragraph, a lone line shape)."""

    n: int


Item = ParaItem | BlockItem | RuleItem

_INDEXES = frozenset(
    q("text", t)
    for t in (
        "table-of-content",
        "illustration-index",
        "table-index",
        "object-index",
        "user-index",
        "alphabetical-index",
        "bibliography",
    )
)
_SKIP = frozenset(
    q(p, t)
    for p, t in (
        ("text", "sequence-decls"),
        ("text", "variable-decls"),
        ("text", "user-field-decls"),
        ("text", "dde-connection-decls"),
        ("text", "soft-page-break"),
        ("text", "alphabetical-index-auto-mark-file"),
        ("office", "forms"),
        ("table", "calculation-settings"),
        ("table", "content-validations"),
        ("table", "label-ranges"),
    )
)
_PARAGRAPHS = (q("text", "p"), q("text", "h"))
_LINES = (q("draw", "line"), q("draw", "rect"))


class BodyReader:
    """Reads one document's body into items; one instance per file."""

    def __init__(self, package: Package, sheet: StyleSheet, reporter: Reporter) -> None:
        self.package = package
        self.name = package.name
        self.sheet = sheet
        self.reporter = reporter
        self.counts: Counter[str] = Counter()
        self.first: dict[str, int] = {}
        self.inline = InlineReader(sheet, self._note, self._count)
        self.n = 0
        self._nested = 0

    def read(self, body: etree._Element) -> list[Item]:
        out: list[Item] = []
        self._children(body, out)
        return out

    def _children(self, element: etree._Element, out: list[Item]) -> None:
        for child in element:
            if isinstance(child.tag, str):
                self._block(child, out)

    def _count(self, kind: str, many: int = 1) -> None:
        if many:
            self.counts[kind] += many
            self.first.setdefault(kind, max(self.n, 1))

    def _block(self, element: etree._Element, out: list[Item]) -> None:
        tag = element.tag
        if tag in _PARAGRAPHS:
            self._paragraph(element, out)
        elif tag == q("text", "list"):
            self._list(element, out, 1, None)
        elif tag == q("text", "tracked-changes"):
            deleted = element.findall(f"{q('text', 'changed-region')}/{q('text', 'deletion')}")
            self._count("deletion", len(deleted))
        elif tag in _INDEXES:
            self._count("index")
        elif tag == q("text", "section") and element.get(q("text", "display")) == "none":
            self._count("hidden")
        elif tag == q("office", "annotation"):
            self._count("comment")
        elif tag.startswith(f"{{{NS['draw']}}}"):
            self._frame(element, out, Source(self.name, max(self.n, 1)))
        elif tag not in _SKIP:
            self._children(element, out)  # sections, tables, rows, cells: read through

    def _paragraph(
        self, element: etree._Element, out: list[Item], in_box: bool = False, n: int = 0
    ) -> None:
        if not self._nested:
            self.n += 1
        n = n or max(self.n, 1)
        style = self.sheet.paragraph(element.get(q("text", "style-name")))
        level = style.level if style.role is Role.HEADING else 0
        if element.tag == q("text", "h"):
            raw = element.get(q("text", "outline-level"), "")
            level = int(raw) if raw.isdigit() and raw != "0" else (level or 1)
        number = element.find(q("text", "number"))
        number_text = text_in(number) if number is not None else ""
        runs = self.inline.runs(element, style.props)
        source = Source(self.name, n)
        found: list[Item] = []
        shapes = 0
        for piece in split(runs, "frame"):
            if piece and piece[0].kind == "frame":
                assert piece[0].element is not None
                shapes += piece[0].element.tag in _LINES
                self._frame(piece[0].element, found, source)
                continue
            lines_ = _lines(piece)
            if lines_:
                found.append(ParaItem(n, style, level, lines_, number_text))
        if not found and (style.role is Role.RULE or style.border or shapes):
            found.append(RuleItem(n))
        if in_box:
            found = _captioned(found, source)
        out.extend(found)

    def _frame(self, element: etree._Element, out: list[Item], source: Source) -> None:
        """A picture, or the paragraphs of a text box or shape (numbered as their anchor)."""
        self._nested += 1
        try:
            self._frame_content(element, out, source)
        finally:
            self._nested -= 1

    def _frame_content(self, element: etree._Element, out: list[Item], source: Source) -> None:
        tag = element.tag
        if tag == q("draw", "frame") and element.find(q("draw", "text-box")) is None:
            fig = figures.figure(self.package, element, source, self.reporter)
            if fig is not None:
                out.append(BlockItem(fig))
            return
        for child in element.iter(*_PARAGRAPHS, q("draw", "frame")):
            # paragraphs of a text box or a shape; a picture's own frame in a group
            if child.tag in _PARAGRAPHS and _owner(child, element):
                self._paragraph(child, out, in_box=True, n=source.line)
            elif (
                child is not element and child.tag == q("draw", "frame") and _owner(child, element)
            ):
                self._frame_content(child, out, source)

    def _list(
        self, element: etree._Element, out: list[Item], depth: int, style: str | None
    ) -> None:
        style = element.get(q("text", "style-name")) or style
        entries = [
            c for c in element if c.tag in (q("text", "list-item"), q("text", "list-header"))
        ]
        if any(self._holds_heading(e) for e in entries):
            for entry in entries:
                self._children(entry, out)
            return
        ordered, start = self.sheet.ordered(style, depth)
        first = entries[0].get(q("text", "start-value")) if entries else None
        start = int(first) if first and first.isdigit() else start
        source = Source(self.name, self.n + 1)
        items = []
        for entry in entries:
            found: list[Item] = []
            for child in entry:
                if child.tag == q("text", "list"):
                    self._list(child, found, depth + 1, style)
                elif isinstance(child.tag, str):
                    self._block(child, found)
            items.append(self.finished(found))
        if any(items):
            out.append(BlockItem(ListBlock(ordered, tuple(i for i in items if i), source, start)))

    def _holds_heading(self, entry: etree._Element) -> bool:
        for p in entry.iter(*_PARAGRAPHS):
            if p.tag == q("text", "h"):
                return True
            if self.sheet.paragraph(p.get(q("text", "style-name"))).role is Role.HEADING:
                return True
        return False

    def finished(self, items: list[Item]) -> tuple[Block, ...]:
        """Items inside a list or a note as blocks (headings there are plain paragraphs)."""
        out: list[Block] = []
        for item in items:
            if isinstance(item, ParaItem):
                verse = item.style.role is Role.VERSE
                out.extend(lines.blocks(item.lines, Source(self.name, item.n), verse))
            elif isinstance(item, BlockItem):
                out.append(item.block)
        return tuple(out)

    def _note(self, body: etree._Element) -> tuple[Block, ...]:
        self._nested += 1
        try:
            found: list[Item] = []
            self._children(body, found)
            return self.finished(found)
        finally:
            self._nested -= 1


def _lines(runs: list[Run]) -> list[list[Run]]:
    """A paragraph's text cut at its line breaks; empty edges dropped, stanza gaps single."""
    out: list[list[Run]] = []
    for line in split(runs, "break"):
        tidied = tidy(line)
        if tidied or (out and out[-1]):
            out.append(tidied)
    while out and not out[-1]:
        out.pop()
    return out


def _owner(child: etree._Element, frame: etree._Element) -> bool:
    """``child`` belongs to ``frame`` itself, not to a frame or note nested in it."""
    node = child.getparent()
    while node is not None and node is not frame:
        if node.tag in (q("draw", "frame"), q("text", "note"), *_PARAGRAPHS):
            return False
        node = node.getparent()
    return True


def _captioned(found: list[Item], source: Source) -> list[Item]:
    """A picture with text beside it in a text box: the text is its caption."""
    figs = [
        k
        for k, it in enumerate(found)
        if isinstance(it, BlockItem) and isinstance(it.block, Figure)
    ]
    texts = [it for it in found if isinstance(it, ParaItem)]
    if len(figs) != 1 or not texts:
        return found
    fig = found[figs[0]]
    assert isinstance(fig, BlockItem) and isinstance(fig.block, Figure)
    runs: list[Run] = []
    for item in texts:
        for line in item.lines:
            runs.extend([Run("text", " ", None), *line] if runs else line)
    caption = nest(tidy(runs), source)
    rest = [it for it in found if not isinstance(it, ParaItem)]
    return [BlockItem(figures.with_caption(fig.block, caption)) if it is fig else it for it in rest]
