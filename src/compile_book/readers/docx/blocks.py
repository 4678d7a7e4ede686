"""One Word paragraph (or a run of them) -> tree blocks and events.

A paragraph with no formatting at all becomes a raw :class:`~compile_book.events.Para`,
so it gets exactly the treatment of a ``.txt`` paragraph (delimiters, typography).
Anything else is built here as a finished block:

* **Verse.** A paragraph whose manual line breaks (Shift+Enter) cut it into
  several short lines is a poem, a song or a letter's address: a
  :class:`~compile_book.nodes.Verse`, two breaks in a row a stanza break.
* **Line breaks in prose.** A break after a long line that stops mid-sentence,
  before a lower-case word, is text pasted from a hard-wrapped source and
  reads as a space (and a paragraph made mostly of such breaks is never
  verse); any other break (``Dear Anna,`` / ``Yours,``) is kept as a
  :class:`~compile_book.nodes.LineBreak`.
* **Pictures** become :class:`~compile_book.nodes.Figure` blocks before the
  paragraph's text (a picture placed before any text) or after it.
* Runs of quotation paragraphs become one :class:`~compile_book.nodes.BlockQuote`,
  runs of list paragraphs one :class:`~compile_book.nodes.ListBlock` (nested by
  list level).
"""

from __future__ import annotations

import itertools

from ...events import BlockNode, Event, Para
from ...nodes import (
    Block,
    BlockQuote,
    Figure,
    Inline,
    ListBlock,
    Paragraph,
    Source,
    Text,
    Verse,
)
from .body import WordPara
from .pieces import Chars, Picture, Piece, Soft, nest, plain
from .styles import Numbering

# Why: lines of verse, song and a letter's address rarely run past 60 characters,
# while prose lines pasted from a hard-wrapped source fill 60-80.
VERSE_LINE_MAX = 60
# Why: a line this short ends where the writer meant it to, whatever its last character.
SHORT_LINE = 40
_LINE_ENDS = tuple(',;:.!?…"”’»)—–')


class Builder:
    """Builds the blocks of one file's paragraphs."""

    def __init__(self, file: str, numbering: Numbering) -> None:
        self.file = file
        self.numbering = numbering

    def events(self, para: WordPara) -> list[Event]:
        """A body paragraph's events: its figures, and its text as a Para or a block."""
        before, after = self.figures(para)
        out: list[Event] = [BlockNode(f) for f in before]
        if para.text:
            if _is_plain(para.pieces):
                text = "".join(p.text for p in para.pieces if isinstance(p, Chars))
                out.append(Para(text, Source(self.file, para.n)))
            else:
                block = self.text_block(para)
                if block is not None:
                    out.append(BlockNode(block))
        out.extend(BlockNode(f) for f in after)
        return out

    def text_block(self, para: WordPara) -> Block | None:
        """The paragraph's text as a Paragraph or Verse (``None`` if it has none)."""
        pieces: list[Piece] = [p for p in para.pieces if not isinstance(p, Picture)]
        source = Source(self.file, para.n)
        lines = _lines(pieces)
        written = [line for line in lines if plain(line).strip()]
        if (
            len(written) >= 2
            and all(len(plain(line)) <= VERSE_LINE_MAX for line in written)
            and 2 * _wrapping_breaks(lines) < len(lines) - 1
        ):
            return Verse(self._verse_lines(lines, para.n), source)
        inlines = nest(_keep_meant_breaks(lines), self.file, para.n)
        return Paragraph(inlines, source) if inlines else None

    def _verse_lines(self, lines: list[list[Piece]], n: int) -> tuple[tuple[Inline, ...], ...]:
        out: list[tuple[Inline, ...]] = []
        offset = 0
        for line in lines:
            inlines = nest(line, self.file, n, offset)
            offset += len(plain(line)) + 1
            if inlines:
                out.append(inlines)
            elif out and out[-1]:
                out.append(())  # a stanza break
        while out and not out[-1]:
            out.pop()
        return tuple(out)

    def figures(self, para: WordPara) -> tuple[list[Figure], list[Figure]]:
        """The paragraph's pictures: those placed before any of its text, and the rest."""
        before: list[Figure] = []
        after: list[Figure] = []
        seen_text = False
        for piece in para.pieces:
            if isinstance(piece, Chars) and piece.text.strip():
                seen_text = True
            elif isinstance(piece, Picture):
                figure = Figure(piece.image, piece.alt, Source(self.file, para.n))
                (after if seen_text else before).append(figure)
        return before, after

    def quote(self, paras: list[WordPara]) -> list[Event]:
        """Consecutive quotation paragraphs -> one block quote (figures stay outside)."""
        blocks: list[Block] = []
        out: list[Event] = []
        for para in paras:
            before, after = self.figures(para)
            out.extend(BlockNode(f) for f in before)
            block = self.text_block(para)
            if block is not None:
                blocks.append(block)
            out.extend(BlockNode(f) for f in after)
        if blocks:
            out.insert(0, BlockNode(BlockQuote(tuple(blocks), blocks[0].source)))
        return out

    def list_block(self, paras: list[WordPara]) -> ListBlock | None:
        """Consecutive list paragraphs -> a list, deeper levels nested in the item above."""
        levels = [p.numbering[1] if p.numbering else 0 for p in paras]
        return self._list(paras, levels, 0, len(paras))

    def _list(
        self, paras: list[WordPara], levels: list[int], start: int, end: int
    ) -> ListBlock | None:
        top = min(levels[start:end])
        entries: list[tuple[Block, ...]] = []
        i = start
        while i < end:
            j = i + 1
            while j < end and levels[j] > top:
                j += 1
            if levels[i] > top:  # deeper items with no item above them: a list of their own
                nested = self._list(paras, levels, i, j)
                blocks: list[Block] = [nested] if nested is not None else []
            else:
                block = self.text_block(paras[i])
                nested = self._list(paras, levels, i + 1, j) if j > i + 1 else None
                blocks = [b for b in (block, nested) if b is not None]
            if blocks:
                entries.append(tuple(blocks))
            i = j
        if not entries:
            return None
        first = paras[start]
        num_id, ilvl = first.numbering or ("0", 0)
        ordered, begin = self.numbering.level(num_id, ilvl) or (False, 1)
        return ListBlock(ordered, tuple(entries), Source(self.file, first.n), begin)


def _is_plain(pieces: list[Piece]) -> bool:
    return all((isinstance(p, Chars) and not p.marks) or isinstance(p, Picture) for p in pieces)


def _lines(pieces: list[Piece]) -> list[list[Piece]]:
    lines: list[list[Piece]] = [[]]
    for piece in pieces:
        if isinstance(piece, Soft):
            lines.append([])
        else:
            lines[-1].append(piece)
    return lines


def _wraps(before: str, after: str) -> bool:
    """A break mid-sentence after a long line: text pasted from a hard-wrapped source."""
    before, after = before.rstrip(), after.lstrip()
    return len(before) > SHORT_LINE and not before.endswith(_LINE_ENDS) and after[:1].islower()


def _wrapping_breaks(lines: list[list[Piece]]) -> int:
    texts = [plain(line) for line in lines]
    return sum(1 for a, b in itertools.pairwise(texts) if _wraps(a, b))


def _keep_meant_breaks(lines: list[list[Piece]]) -> list[Piece]:
    """Rejoin lines: a break the writer meant stays, a wrapping break becomes a space."""
    out: list[Piece] = []
    for k, line in enumerate(lines):
        if k:
            meant = not _wraps(plain(lines[k - 1]), plain(line))
            out.append(Soft() if meant else Chars(" ", _marks(lines[k - 1]) | _marks(line)))
        out.extend(line)
    while out and isinstance(out[0], Soft):
        out.pop(0)
    while out and isinstance(out[-1], Soft):
        out.pop()
    return out


def _marks(line: list[Piece]) -> frozenset[str]:
    """The marks of a line's text, all together (a joining space may take any of them)."""
    return frozenset().union(*(p.marks for p in line if isinstance(p, Chars)))


def raw_inlines(text: str, source: Source) -> tuple[Inline, ...]:
    """Heading material as one raw text node (inline structure is parsed later)."""
    return (Text(text, source),) if text else ()


__all__ = ["Builder", "raw_inlines"]
