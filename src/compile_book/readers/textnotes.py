"""A plain-text file's footnotes, put where their marks stand.

:mod:`compile_book.rules.footnotes` finds the marks and the notes in the lines;
here the notes' lines are taken out of the text (made void, so paragraphs and
blank-line breaks are as if they were not there), the structure is read as for
any ``.txt``, and each paragraph holding a mark becomes a paragraph with a
:class:`~compile_book.nodes.Note` at the mark -- the same node the Markdown,
Word and ODT readers make, so every writer already sets it (EPUB notes, PDF
footnotes). A mark cut from a heading line (``CHAPTER II[1].``) puts its note
at the end of the chapter's first paragraph (a heading cannot hold a note).

Why a second reading: should a mark end up anywhere but in a paragraph's text
(a title line, a front page), its note would have nowhere to go and the text
would lose it. Then the file is read again as typed, notes as text, and a
warning says so: never a lost word.
"""

from __future__ import annotations

from ..diagnostics import Code, Reporter
from ..events import BlockNode, Event, Para, StartChapter, StartPart
from ..locale import get_locale
from ..nodes import Inline, Note, Paragraph, Source, Text
from ..rules.footnotes import MARK_RE, Body, Footnotes, find_footnotes
from ..rules.headings import match_heading
from ..rules.paragraphs import VOID
from ..sequences import map_block
from .structure import Options, StructureReader

_SHAPES = {"markdown": "[^1] marks", "numbered": "numbered notes", "gutenberg": "[Footnote] blocks"}


def read_structure(name: str, text: str, options: Options, reporter: Reporter) -> list[Event]:
    """A ``.txt`` file's events, its footnotes read where it has any that fit."""
    if "[" not in text:
        return StructureReader(name, options, reporter).read(text)
    locale = get_locale(options.language)
    lines = text.split("\n")
    found = find_footnotes(lines, lambda line: match_heading(line, locale) is not None)
    if found is None:
        return StructureReader(name, options, reporter).read(text)
    for line, message in found.problems:
        reporter.add(Code.FOOTNOTES_NOT_READ, message, name, line)
    if not found.bodies:
        return StructureReader(name, options, reporter).read(text)
    kept = len(reporter.items)
    events = StructureReader(name, options, reporter).read(_without_notes(lines, found))
    placer = _Placer(name, found)
    placed = placer.place(events)
    if placed is not None:
        shapes = ", ".join(_SHAPES[k] for k in sorted(found.kinds))
        first = min(body[0][0].line for body in found.bodies)
        reporter.add(
            Code.FOOTNOTES_RECOGNISED,
            f"{len(found.bodies)} footnote(s) read ({shapes})",
            name,
            first,
        )
        return placed
    del reporter.items[kept:]
    reporter.add(
        Code.FOOTNOTES_NOT_READ,
        f"footnotes not read: the mark of the note on line {placer.missing()} is not in the "
        "text of a paragraph (a title line, a front page?); marks and notes kept as text",
        name,
        placer.missing(),
    )
    return StructureReader(name, options, reporter).read(text)


def _without_notes(lines: list[str], found: Footnotes) -> str:
    """The text with the notes' lines void and the marks out of heading lines."""
    out = list(lines)
    for k in found.void:
        out[k] = VOID
    for k, line in found.edits.items():
        out[k] = line
    return "\n".join(out)


class _Placer:
    """Puts each note at its mark in the reader's events."""

    def __init__(self, name: str, found: Footnotes) -> None:
        self.name = name
        self.found = found
        self.placed: set[int] = set()

    def missing(self) -> int:
        """The line of the first note not placed."""
        for k, body in enumerate(self.found.bodies):
            if k not in self.placed:
                return body[0][0].line
        return 1

    def place(self, events: list[Event]) -> list[Event] | None:
        """The events with notes at their marks; ``None`` if a note found no place."""
        out: list[Event] = []
        held: list[int] = []
        for event in events:
            if isinstance(event, StartChapter | StartPart):
                heading = event.heading
                if held:
                    return None  # a heading's note with no paragraph under it
                if heading is not None:
                    held = list(self.found.headings.get(heading.source.line - 1, ()))
            elif isinstance(event, Para):
                event = self._para(event, held)
                held = []
            elif isinstance(event, BlockNode):
                event = BlockNode(map_block(event.block, self._inlines))
            out.append(event)
        if held or len(self.placed) != len(self.found.bodies):
            return None
        return out

    def _para(self, para: Para, held: list[int]) -> Para | BlockNode:
        inlines = self._split(Text(para.text, para.source))
        if held:
            inlines += [self._note(k, para.source.plain()) for k in held]
        if len(inlines) == 1:
            return para
        return BlockNode(Paragraph(tuple(inlines), para.source.plain()))

    def _inlines(self, inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for node in inlines:
            out += self._split(node) if isinstance(node, Text) else [node]
        return tuple(out)

    def _split(self, node: Text) -> list[Inline]:
        """A text node cut at the marks read as notes, each note in its mark's place."""
        text = node.text
        if "[" not in text:
            return [node]
        out: list[Inline] = []
        start = 0
        for found in MARK_RE.finditer(text):
            index = self.found.marks.get(node.source.at(found.start()))
            if index is None:
                continue
            before = text[start : found.start()].rstrip(" ")
            if before:
                out.append(Text(before, node.source.shifted(start, found.start())))
            out.append(self._note(index, Source(self.name, *node.source.at(found.start()))))
            start = found.end()
        if not out:
            return [node]
        if start < len(text):
            out.append(Text(text[start:], node.source.shifted(start)))
        return out

    def _note(self, index: int, source: Source) -> Note:
        self.placed.add(index)
        return Note(_paragraphs(self.name, self.found.bodies[index]), source)


def _paragraphs(name: str, body: Body) -> tuple[Paragraph, ...]:
    """A note's paragraphs, each line's position kept."""
    out: list[Paragraph] = []
    for pieces in body:
        breaks: list[tuple[int, int, int]] = []
        at = 0
        for k, piece in enumerate(pieces):
            if k:
                at += 1
                breaks.append((at, piece.line, piece.col))
            at += len(piece.text)
        text = " ".join(piece.text for piece in pieces)
        source = Source(name, pieces[0].line, pieces[0].col, tuple(breaks))
        out.append(Paragraph((Text(text, source),), source.plain()))
    return tuple(out)
