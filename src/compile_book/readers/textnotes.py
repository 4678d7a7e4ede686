"""A plain-text file's footnotes, put where their marks stand.

:mod:`compile_book.rules.footnotes` finds the marks and the notes in the lines;
here the notes' lines are taken out of the text (made void, so paragraphs and
blank-line breaks are as if they were not there), the structure is read as for
any ``.txt``, and each paragraph holding a mark becomes a paragraph with a
:class:`~compile_book.nodes.Note` at the mark -- the same node the Markdown,
Word and ODT readers make, so every writer already sets it (EPUB notes, PDF
footnotes). A mark in a heading line (``CHAPTER II[1].``) or a chapter's title
line (``TO BARONESS VON ERTMANN.[1]``) comes out of the heading, its note put
at the end of the chapter's first paragraph (a heading holds no note: it is
also the contents list's entry).

Why another reading: should a mark end up anywhere else (the book's title line,
a front page), its note would have nowhere to go and the book would lose it.
Then the file is read again with that note's lines and mark as typed, the
others still notes, and a warning names it: never a lost word.
"""

from __future__ import annotations

import dataclasses

from ..diagnostics import Code, Reporter
from ..events import BlockNode, Event, Para, StartChapter, StartPart
from ..locale import get_locale
from ..nodes import Heading, Inline, Note, Paragraph, Source, Text
from ..rules.footnotes import MARK_RE, Body, Footnotes, find_footnotes
from ..rules.headings import match_heading
from ..rules.paragraphs import VOID
from ..sequences import map_block
from .structure import Options, StructureReader

#: How many readings may leave out notes whose marks found no place before all are text.
ATTEMPTS = 3
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
    dropped: set[int] = set()
    for _ in range(ATTEMPTS):
        events = StructureReader(name, options, reporter).read(_without(lines, found, dropped))
        placer = _Placer(name, found, dropped)
        placed = placer.place(events)
        if placed is not None:
            _report(name, found, dropped, reporter)
            return placed
        del reporter.items[kept:]
        dropped |= placer.lost()
    _report(name, found, set(range(len(found.bodies))), reporter)
    return StructureReader(name, options, reporter).read(text)


def _report(name: str, found: Footnotes, dropped: set[int], reporter: Reporter) -> None:
    """Say how many notes were read, and which were kept as text."""
    read = [k for k in range(len(found.bodies)) if k not in dropped]
    if read:
        shapes = ", ".join(_SHAPES[k] for k in sorted(found.kinds))
        reporter.add(
            Code.FOOTNOTES_RECOGNISED,
            f"{len(read)} footnote(s) read ({shapes})",
            name,
            found.spans[read[0]].start + 1,
        )
    if dropped:
        first = found.spans[min(dropped)].start + 1
        reporter.add(
            Code.FOOTNOTES_NOT_READ,
            f"{len(dropped)} footnote(s) not read, the first on line {first}: its mark is not "
            "in the text of a paragraph or a heading (a front page?); mark and note kept as text",
            name,
            first,
        )


def _without(lines: list[str], found: Footnotes, dropped: set[int]) -> str:
    """The text with the notes' lines void and the marks out of heading lines, but
    for the ``dropped`` notes: kept as typed."""
    out = list(lines)
    keep = {k for index in dropped for k in found.spans[index]}
    for k in found.void - keep:
        out[k] = VOID
    for k, line in found.edits.items():
        if not dropped.intersection(found.headings[k]):
            out[k] = line
    return "\n".join(out)


class _Placer:
    """Puts each note at its mark in the reader's events (but the ``dropped`` ones)."""

    def __init__(self, name: str, found: Footnotes, dropped: set[int]) -> None:
        self.name = name
        self.found = found
        self.dropped = dropped
        self.placed: set[int] = set()
        self.held: list[int] = []
        self._index: dict[int, int] = {}  # a note made here -> its index

    def lost(self) -> set[int]:
        """The notes that found no place."""
        every = set(range(len(self.found.bodies))) - self.dropped
        return every - self.placed | set(self.held)

    def place(self, events: list[Event]) -> list[Event] | None:
        """The events with notes at their marks; ``None`` if a note found no place."""
        out: list[Event] = []
        for event in events:
            if isinstance(event, StartChapter | StartPart) and event.heading is not None:
                if self.held:
                    return None  # a heading's note with no paragraph under it
                event = self._heading(event, event.heading)
            elif isinstance(event, Para):
                event = self._para(event)
            elif isinstance(event, BlockNode):
                event = BlockNode(map_block(event.block, self._inlines))
            out.append(event)
        if self.lost():
            return None
        return out

    def _heading(self, event: StartChapter | StartPart, heading: Heading) -> Event:
        """The heading without the marks of its title line; their notes are held for
        the first paragraph, with those cut from the heading line."""
        line = heading.source.line - 1
        self.held = [k for k in self.found.headings.get(line, ()) if k not in self.dropped]
        title: list[Inline] = []
        held = len(self.held)
        for node in heading.title:
            for part in self._split(node) if isinstance(node, Text) else [node]:
                if isinstance(part, Note):
                    self.held.append(self._index[id(part)])
                else:
                    title.append(part)
        if len(self.held) == held:
            return event
        heading = dataclasses.replace(heading, title=tuple(title))
        if isinstance(event, StartPart):
            return StartPart(heading)
        return StartChapter(event.kind, heading, event.source)

    def _para(self, para: Para) -> Para | BlockNode:
        inlines = self._split(Text(para.text, para.source))
        inlines += [self._note(k, para.source.plain()) for k in self.held]
        self.held = []
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
            if index is None or index in self.dropped:
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
        note = Note(_paragraphs(self.name, self.found.bodies[index]), source)
        self._index[id(note)] = index
        return note


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
