"""Footnotes in a plain-text manuscript: the marks, the notes, and which goes with which.

A ``.txt`` file has no footnote markup, so writers and transcribers type them in a
few settled shapes, all read here:

* Markdown's: ``word[^1]`` (or ``[^note]``) in the text, ``[^1]: The note.`` on a
  line of its own anywhere in the file (its lines run to the next blank line);
* numbered marks (``word[1]``) with their notes gathered under a ``Notes``,
  ``Footnotes`` or ``Endnotes`` line at the end of a chapter or of the book, one
  paragraph each, ``[1] The note.`` or ``1. The note.`` (Project Gutenberg's
  ``[1]  The note.`` run at a chapter's end may go without the heading);
* Project Gutenberg's (PGDP) blocks: ``[Footnote 1: The note.]`` (``A``, ``*``),
  over as many lines as it takes, after its paragraph or with the others at the
  chapter's end (under a ``FOOTNOTES:`` line), its mark ``[1]``, ``[A]`` or
  ``[*]`` before it in the text, a heading line's included (``CHAPTER II[1].``).

Why so strict: ``[1]`` is also a citation, a list's number or a game's option,
and the notes' lines are prose if they are not notes. So a shape is read only
when it fits whole: every numbered note has exactly one mark, numbered as the
notes are and in their order; every Markdown note has exactly one mark and every
mark one note; a Gutenberg block takes the nearest mark before it with its label.
Anything else is left as typed (a problem says where; a ``Notes`` list with no
numbered mark before it is simply a list), never half read. A mark at
a line's start is never one (marks follow a word).

All of it is one pass over the lines, then a pass over the marks: linear.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable

# Why: where a mark may stand; a four-digit year ("[1984]") or a word in brackets is text.
MARK_RE = re.compile(r"\[(\^[^\]\s\[]{1,40}|\d{1,3}|[A-Z]|\*{1,3}|†)\]")
# Why: a Markdown footnote's definition, at a line's start as Markdown writes it.
_MD_DEF = re.compile(r" {0,3}\[\^([^\]\s\[]{1,40})\]:[ \t]*")
# Why: a PGDP footnote block's opening; the label is a number, a letter or stars.
_PG_OPEN = re.compile(r"\s*\[Footnote(?:\s+(\d{1,3}|[A-Za-z]|\*{1,3}|†))?\s*:\s*")
# Why: the line that heads a book's or a chapter's notes.
_NOTES_HEADING = re.compile(r"\s*(?:foot|end)?notes\s*[.:]?\s*", re.I)
# Why: one numbered note in a notes section: "[1] Text", "[1]. Text", "1. Text", "1) Text".
_NUMBERED = re.compile(r" {0,3}(?:\[(\d{1,3})\]\.?|(\d{1,3})[.)])\s+(?=\S)")
# Why: how far a Gutenberg block may run looking for its closing bracket.
MAX_BLOCK_LINES = 200


@dataclasses.dataclass(slots=True)
class Piece:
    """One line of a note's text: where it starts (1-based line and column) and what."""

    line: int
    col: int
    text: str


#: A note's text: its paragraphs, each the lines it was typed on.
Body = tuple[tuple[Piece, ...], ...]


@dataclasses.dataclass(slots=True)
class Mark:
    """A possible note mark: 0-based line, 0-based column of its ``[``, its label."""

    line: int
    col: int
    label: str
    used: bool = False


@dataclasses.dataclass(slots=True)
class Definition:
    """A note as typed: its label, its lines (0-based, end excluded) and its text."""

    label: str
    start: int
    end: int
    body: Body
    kind: str  # "markdown", "numbered" or "gutenberg"


@dataclasses.dataclass(slots=True)
class Section:
    """A ``Notes`` heading (or a heading-less run of ``[1]`` notes) and its notes."""

    heading: int | None  # 0-based line of the heading line
    start: int
    end: int
    notes: list[Definition]


@dataclasses.dataclass(slots=True)
class Footnotes:
    """What a file's footnotes came to.

    ``marks``: ``(line, col)`` (1-based) of each mark read -> its note's index in
    ``bodies``. ``void``: 0-based lines the notes (and their headings) filled;
    ``spans`` the lines of each note.
    ``headings``: 0-based line of a heading that had a mark -> its notes, and
    ``edits`` that line without its marks. ``problems``: ``(line, message)``.
    """

    marks: dict[tuple[int, int], int] = dataclasses.field(default_factory=dict)
    bodies: list[Body] = dataclasses.field(default_factory=list)
    spans: list[range] = dataclasses.field(default_factory=list)
    void: set[int] = dataclasses.field(default_factory=set)
    headings: dict[int, list[int]] = dataclasses.field(default_factory=dict)
    edits: dict[int, str] = dataclasses.field(default_factory=dict)
    problems: list[tuple[int, str]] = dataclasses.field(default_factory=list)
    kinds: set[str] = dataclasses.field(default_factory=set)

    def take(self, mark: Mark, definition: Definition) -> None:
        """Read ``mark`` as the mark of ``definition``'s note."""
        mark.used = True
        self.marks[mark.line + 1, mark.col + 1] = len(self.bodies)
        self.bodies.append(definition.body)
        self.spans.append(range(definition.start, definition.end))
        self.void.update(self.spans[-1])
        self.kinds.add(definition.kind)


def find_footnotes(lines: list[str], is_heading: Callable[[str], bool]) -> Footnotes | None:
    """The footnotes of a file's lines (``None`` when it has none to read)."""
    scan = _Scan(lines, is_heading)
    scan.run()
    found = Footnotes()
    _match_gutenberg(scan, found)
    _match_sections(scan, found)
    _match_markdown(scan, found)
    if not found.bodies and not found.problems:
        return None
    _cut_from_headings(lines, found, is_heading)
    return found


class _Scan:
    """One pass over the lines: the notes as typed, and every possible mark outside them."""

    def __init__(self, lines: list[str], is_heading: Callable[[str], bool]) -> None:
        self.lines = lines
        self.is_heading = is_heading
        self.marks: list[Mark] = []
        self.blocks: list[Definition] = []  # Gutenberg's
        self.markdown: list[Definition] = []
        self.sections: list[Section] = []
        self.pg_headings: dict[int, list[Definition]] = {}

    def run(self) -> None:
        lines = self.lines
        k = 0
        while k < len(lines):
            line = lines[k]
            if "[" not in line and not _NOTES_HEADING.fullmatch(line):
                k += 1
                continue
            end = self._definition(k)
            if end == k:
                self._marks(k)
                end = k + 1
            k = end

    def _definition(self, k: int) -> int:
        """The line after the note (or notes section) starting at ``k``; ``k`` if none."""
        line = self.lines[k]
        blank_before = k == 0 or not self.lines[k - 1].strip()
        if _NOTES_HEADING.fullmatch(line) and blank_before:
            return self._section(k, k + 1)
        if line.lstrip().startswith("[Footnote"):
            block = _gutenberg(self.lines, k)
            if block is not None:
                self.blocks.append(block)
                return block.end
        found = _MD_DEF.match(line)
        if found is not None:
            end = _paragraph_end(self.lines, k)
            body = _body(self.lines, k, end, found.end())
            self.markdown.append(Definition(found.group(1), k, end, body, "markdown"))
            return end
        if blank_before and line.startswith("[") and _NUMBERED.match(line):
            return self._section(None, k)
        return k

    def _section(self, heading: int | None, k: int) -> int:
        """A notes section from line ``k`` (under ``heading``); the line after it."""
        lines = self.lines
        notes: list[Definition] = []
        blocks: list[Definition] = []
        end = k
        while True:
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k == len(lines):
                break
            block = _gutenberg(lines, k) if heading is not None else None
            if block is not None and not notes:
                blocks.append(block)
                end = k = block.end
                continue
            found = _NUMBERED.match(lines[k])
            if found is None or blocks or (heading is None and not lines[k].startswith("[")):
                break
            stop = _paragraph_end(lines, k, _NUMBERED)
            label = found.group(1) or found.group(2)
            notes.append(Definition(label, k, stop, _body(lines, k, stop, found.end()), "numbered"))
            end = k = stop
        closes = k == len(lines) or self.is_heading(lines[k].strip())
        if blocks and heading is not None:
            self.blocks += blocks
            self.pg_headings[heading] = blocks
            return end
        if notes and closes:
            first = heading if heading is not None else notes[0].start
            self.sections.append(Section(heading, first, end, notes))
            return end
        return heading + 1 if heading is not None else k

    def _marks(self, k: int) -> None:
        line = self.lines[k]
        for found in MARK_RE.finditer(line):
            at = found.start()
            if line[:at].strip():  # a mark follows a word; at a line's start it is text
                self.marks.append(Mark(k, at, found.group(1)))


def _gutenberg(lines: list[str], k: int) -> Definition | None:
    """A ``[Footnote L: …]`` block from line ``k``, closed at a line's end."""
    found = _PG_OPEN.match(lines[k])
    if found is None:
        return None
    depth = 1
    start = found.end()
    for j in range(k, min(len(lines), k + MAX_BLOCK_LINES)):
        line = lines[j].rstrip()
        for at in range(start if j == k else 0, len(line)):
            ch = line[at]
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    if at != len(line) - 1:
                        return None  # closed inside a line: prose goes on after it
                    body = _body(lines, k, j + 1, found.end(), cut=1)
                    return Definition(found.group(1) or "*", k, j + 1, body, "gutenberg")
    return None


def _paragraph_end(lines: list[str], k: int, stop: re.Pattern[str] = _MD_DEF) -> int:
    """The line after the paragraph opening at ``k`` (to a blank line or the next note)."""
    j = k + 1
    while j < len(lines) and lines[j].strip() and not stop.match(lines[j]):
        j += 1
    return j


def _body(lines: list[str], start: int, end: int, skip: int, cut: int = 0) -> Body:
    """A note's paragraphs from lines ``start``-``end``, less ``skip`` characters of
    the first line (its label) and ``cut`` of the last (a closing bracket)."""
    paragraphs: list[tuple[Piece, ...]] = []
    current: list[Piece] = []
    for k in range(start, end):
        line = lines[k]
        head = skip if k == start else 0
        tail = len(line.rstrip()) - (cut if k == end - 1 else 0)
        text = line[head:tail]
        stripped = text.lstrip()
        if not stripped.strip():
            if current:
                paragraphs.append(tuple(current))
                current = []
            continue
        col = head + len(text) - len(stripped) + 1
        current.append(Piece(k + 1, col, stripped.rstrip()))
    if current:
        paragraphs.append(tuple(current))
    return tuple(paragraphs)


def _match_gutenberg(scan: _Scan, found: Footnotes) -> None:
    """Each Gutenberg block takes the nearest unused mark with its label before it."""
    if not scan.blocks:
        return
    marks = iter(scan.marks)
    pending: dict[str, Mark] = {}
    mark = next(marks, None)
    unmatched: list[Definition] = []
    for block in scan.blocks:
        while mark is not None and mark.line < block.start:
            pending[mark.label] = mark
            mark = next(marks, None)
        taken = pending.pop(block.label, None)
        if taken is None or taken.used:
            unmatched.append(block)
            continue
        found.take(taken, block)
    for heading, blocks in scan.pg_headings.items():
        if not any(b in unmatched for b in blocks):
            found.void.add(heading)
    if unmatched:
        first = unmatched[0]
        found.problems.append(
            (
                first.start + 1,
                f"{len(unmatched)} '[Footnote …]' block(s) have no mark ([{first.label}]) "
                "before them in the text: kept as text",
            )
        )


def _match_sections(scan: _Scan, found: Footnotes) -> None:
    """A notes section takes the numbered marks since the notes before it (or since
    its chapter's heading), when they are its notes' numbers exactly, in order."""
    start = 0
    marks = [m for m in scan.marks if not m.used and m.label.isdigit()]
    at = 0
    for section in scan.sections:
        scope: list[Mark] = []
        while at < len(marks) and marks[at].line < section.start:
            scope.append(marks[at])
            at += 1
        numbers = [int(n.label) for n in section.notes]
        read = _counted(numbers) and _take_scope(scope, section, found, scan, start)
        if not read and section.heading is not None and scope:
            found.problems.append(
                (
                    section.heading + 1,
                    f"the notes under {scan.lines[section.heading].strip()!r} were not "
                    "read as footnotes: the marks in the text ([1], [2] …) do not match "
                    "their numbers one for one; kept as text",
                )
            )
        start = section.end


def _counted(numbers: list[int]) -> bool:
    """Numbers counting up by one (from any first one)."""
    return all(b == a + 1 for a, b in itertools.pairwise(numbers))


def _take_scope(
    scope: list[Mark], section: Section, found: Footnotes, scan: _Scan, start: int
) -> bool:
    """Read the marks of ``scope`` (or of its tail from the last heading) as the notes."""
    numbers = [n.label for n in section.notes]
    if [m.label for m in scope] != numbers:
        heading = _last_heading(scan, start, section.start)
        scope = [m for m in scope if m.line >= heading]
        if heading < 0 or [m.label for m in scope] != numbers:
            return False
    for mark, note in zip(scope, section.notes, strict=True):
        found.take(mark, note)
    if section.heading is not None:
        found.void.add(section.heading)
    return True


def _last_heading(scan: _Scan, start: int, end: int) -> int:
    """The last heading line between ``start`` and ``end``, or -1."""
    for k in range(end - 1, start - 1, -1):
        text = scan.lines[k].strip()
        if text and len(text) <= 120 and scan.is_heading(MARK_RE.sub("", text)):
            return k
    return -1


def _match_markdown(scan: _Scan, found: Footnotes) -> None:
    """Markdown's notes, read only when every mark has one note and every note one mark."""
    marks = [m for m in scan.marks if m.label.startswith("^")]
    if not scan.markdown:
        return
    notes: dict[str, Definition] = {}
    doubled = [d for d in scan.markdown if notes.setdefault(d.label, d) is not d]
    by_label: dict[str, list[Mark]] = {}
    for mark in marks:
        by_label.setdefault(mark.label[1:], []).append(mark)
    odd = [label for label in notes if len(by_label.get(label, ())) != 1]
    odd += [label for label in by_label if label not in notes]
    if doubled or odd:
        label = doubled[0].label if doubled else odd[0]
        line = doubled[0].start if doubled else scan.markdown[0].start
        found.problems.append(
            (
                line + 1,
                f"the file's [^…] footnotes were not read: [^{label}] has "
                f"{'two notes' if doubled else 'no note, or not one mark'}; "
                "kept as text (each note needs exactly one mark)",
            )
        )
        return
    for label, note in notes.items():
        found.take(by_label[label][0], note)


def _cut_from_headings(
    lines: list[str], found: Footnotes, is_heading: Callable[[str], bool]
) -> None:
    """A mark in a heading line (``CHAPTER II[1].``) comes out of the heading: its
    note goes with the chapter's first paragraph."""
    by_line: dict[int, list[tuple[int, int]]] = {}
    for (line, col), index in found.marks.items():
        by_line.setdefault(line - 1, []).append((col - 1, index))
    for k, marks in by_line.items():
        text = lines[k]
        cut = text
        for col, _ in sorted(marks, reverse=True):
            close = text.index("]", col) + 1
            cut = cut[:col] + cut[close:]
        if len(cut.strip()) <= 120 and is_heading(cut.strip()):
            found.edits[k] = cut
            found.headings[k] = [index for _, index in sorted(marks)]
            for col, _ in marks:
                del found.marks[k + 1, col + 1]
