"""Inline pieces of a Word paragraph, and their nesting into tree inlines.

Word keeps formatting on *runs*, flat, and splits runs wherever an edit or a
spell-check mark fell (``<w:r><w:i/>wal</w:r><w:r><w:i/>k</w:r>``). The
content walker turns runs into flat :data:`Piece` items, each text piece
carrying the set of marks it shows (``em``, ``strong``, ``strike``, and
``link:<url>``); :func:`nest` merges neighbours with equal marks and builds
the smallest nesting of spans: at each point the mark that runs longest
opens the outer span. Spaces at the edge of a span, line breaks and note
marks keep only the marks their neighbours share, so ``*one* *two*`` typed
with an italic space between is one span and ``word *`` with a stray italic
space is not.
"""

from __future__ import annotations

import re
from typing import TypeAlias

from ...nodes import Emphasis, Image, Inline, LineBreak, Link, Note, Source, Strikeout, Strong, Text
from ...record import record
from ...rules.whitespace import clean

LINK = "link:"


@record
class Chars:
    """Text of one run (or part of one) and the marks it shows; ``bold``: bold to the eye."""

    text: str
    marks: frozenset[str] = frozenset()
    bold: bool = False


@record
class Soft:
    """A manual line break (Shift+Enter) inside a paragraph."""


@record
class PageBreak:
    """A page break typed inside a paragraph's runs."""


@record
class Rule:
    """A horizontal line drawn as a shape (VML ``o:hr``): a divider."""


@record
class NoteMark:
    """A footnote or endnote reference, with the note it stands for."""

    note: Note


@record
class Picture:
    """An image placed in the paragraph."""

    image: Image
    alt: str


Piece: TypeAlias = Chars | Soft | PageBreak | Rule | NoteMark | Picture


def plain(pieces: list[Piece]) -> str:
    """The paragraph's text as the writer sees it: soft returns as ``\\n``."""
    return "".join(
        p.text if isinstance(p, Chars) else "\n" if isinstance(p, Soft) else "" for p in pieces
    )


# An atom: text or a ready node, with the marks it shows and whether it may take
# its neighbours' marks instead (spaces, breaks, note marks).
_Atom: TypeAlias = tuple[str | Inline, frozenset[str], bool]


def nest(pieces: list[Piece], file: str, n: int, start: int = 0) -> tuple[Inline, ...]:
    """Flat pieces -> nested inline nodes; text sources point at paragraph ``n``, column
    = offset in the paragraph (the pieces start at ``start``) + 1. Pictures and page
    breaks are not inlines and are skipped."""
    atoms = _atoms(pieces, file, n)
    _settle_neutral(atoms)
    merged: list[_Atom] = []
    for atom in atoms:
        prev = merged[-1] if merged else None
        if prev and isinstance(atom[0], str) and isinstance(prev[0], str) and prev[1] == atom[1]:
            merged[-1] = (prev[0] + atom[0], atom[1], False)
        else:
            merged.append(atom)
    sources = _Sources(file, n)
    sources.offset = start
    return tuple(_build(merged, 0, len(merged), frozenset(), sources))


def _atoms(pieces: list[Piece], file: str, n: int) -> list[_Atom]:
    atoms: list[_Atom] = []
    for piece in pieces:
        if isinstance(piece, Chars):
            text = piece.text
            core = text.strip()
            if not core:
                atoms.append((text, piece.marks, True))
                continue
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            if lead:
                atoms.append((lead, piece.marks, True))
            atoms.append((core, piece.marks, False))
            if trail:
                atoms.append((trail, piece.marks, True))
        elif isinstance(piece, Soft):
            atoms.append((LineBreak(Source(file, n)), frozenset(), True))
        elif isinstance(piece, NoteMark):
            atoms.append((piece.note, frozenset(), True))
    return atoms


def _settle_neutral(atoms: list[_Atom]) -> None:
    """Give each neutral atom the marks both its nearest fixed neighbours share."""
    before: list[frozenset[str]] = []
    last: frozenset[str] = frozenset()
    for atom in atoms:
        before.append(last)
        if not atom[2]:
            last = atom[1]
    after: frozenset[str] = frozenset()
    for k in range(len(atoms) - 1, -1, -1):
        value, marks, neutral = atoms[k]
        if neutral:
            shared = before[k] & after
            if isinstance(value, str):  # a space keeps only marks it shows itself
                shared &= marks
            else:  # a break or note mark: never inside a link (no link within a link)
                shared = frozenset(m for m in shared if not m.startswith(LINK))
            atoms[k] = (value, shared, neutral)
        else:
            after = marks


class _Sources:
    """Text sources at increasing offsets within one paragraph."""

    def __init__(self, file: str, n: int) -> None:
        self.file, self.n, self.offset = file, n, 0

    def take(self, text: str) -> Source:
        source = Source(self.file, self.n, self.offset + 1)
        self.offset += len(text)
        return source


def _build(
    atoms: list[_Atom], start: int, end: int, open_marks: frozenset[str], sources: _Sources
) -> list[Inline]:
    out: list[Inline] = []
    i = start
    while i < end:
        value, marks, _ = atoms[i]
        extra = marks - open_marks
        if not extra:
            if isinstance(value, str):
                out.append(Text(value, sources.take(value)))
            else:
                out.append(value)
                sources.offset += 1
            i += 1
            continue
        # The mark that runs longest from here opens the outer span.
        best, best_end = "", i
        for mark in sorted(extra):
            j = i
            while j < end and mark in atoms[j][1]:
                j += 1
            if j > best_end:
                best, best_end = mark, j
        source = Source(sources.file, sources.n, sources.offset + 1)
        children = tuple(_build(atoms, i, best_end, open_marks | {best}, sources))
        out.append(_span(best, children, source))
        i = best_end
    return out


def _span(mark: str, children: tuple[Inline, ...], source: Source) -> Inline:
    if mark == "em":
        return Emphasis(children, source)
    if mark == "strong":
        return Strong(children, source)
    if mark == "strike":
        return Strikeout(children, source)
    return Link(children, mark.removeprefix(LINK), source)


# Why: Word never stores these inside text, other writers of .docx files do;
# they read as spaces.
_SPACES = re.compile(r"[\t\n\r\u2028\u2029]")


def tidy(pieces: list[Piece]) -> tuple[list[Piece], int]:
    """Text as the book wants it: invisible characters removed (counted), tabs and stray
    newlines as spaces, no space at the paragraph's edges or around a line break."""
    out: list[Piece] = []
    removed = 0
    for piece in pieces:
        if isinstance(piece, Chars):
            text, count = clean(_SPACES.sub(" ", piece.text))
            removed += count
            piece = Chars(text, piece.marks, piece.bold)
        out.append(piece)
    _strip_edges(out, forward=True)
    _strip_edges(out, forward=False)
    return [p for p in out if not (isinstance(p, Chars) and not p.text)], removed


def _strip_edges(pieces: list[Piece], *, forward: bool) -> None:
    """Strip spaces at the start (``forward``) or end of each line, in place."""
    at_edge = True
    order = range(len(pieces)) if forward else range(len(pieces) - 1, -1, -1)
    for k in order:
        piece = pieces[k]
        if isinstance(piece, Soft):
            at_edge = True
        elif isinstance(piece, Chars) and at_edge:
            text = piece.text.lstrip() if forward else piece.text.rstrip()
            pieces[k] = Chars(text, piece.marks, piece.bold)
            at_edge = not text
        elif isinstance(piece, NoteMark):
            at_edge = False
