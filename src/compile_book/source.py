"""Where a node came from: :class:`Source`, a manuscript position and its offset map.

Split from :mod:`compile_book.nodes` because it is the one piece of the tree with
logic of its own (mapping offsets in a re-joined paragraph back to the lines they
were typed on), and readers, rules and diagnostics use it before any node exists.
:mod:`compile_book.nodes` re-exports it: every node carries one, so the tree's
vocabulary still names it.
"""

from __future__ import annotations

import bisect
from dataclasses import field

from .record import record


@record
class Source:
    """Where a node came from: a manuscript path (as given), 1-based line and column.

    ``breaks`` maps offsets into a node's text back to the manuscript when the
    text runs over several source lines (a hard-wrapped paragraph): one
    ``(offset, line, col)`` per later line. Readers fill it so transforms can
    report a doubled word or a dash at its exact line; it is left out of the
    ``repr`` and of serialisation, but two sources with different maps differ
    (a re-wrapped paragraph is not the paragraph it was).
    """

    file: str
    line: int
    col: int = 1
    breaks: tuple[tuple[int, int, int], ...] = field(default=(), repr=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"

    def at(self, offset: int) -> tuple[int, int]:
        """The source ``(line, col)`` of an offset into the node's text."""
        # Why a binary search: a hard-wrapped paragraph of forty thousand lines has
        # as many breaks, and every diagnostic in it asks for a position.
        k = bisect.bisect_right(self.breaks, offset, key=_break_offset)
        if not k:
            return self.line, self.col + offset
        start, line, col = self.breaks[k - 1]
        return line, col + offset - start

    def shifted(self, offset: int, end: int | None = None) -> Source:
        """The source of the text that starts ``offset`` characters into this one
        (and ends at ``end``: the breaks after it are left out).

        Why ``end``: a paragraph cut into thousands of text nodes (a word in
        italics on every line) would otherwise copy the rest of its map into
        every node.
        """
        if not offset and (end is None or not self.breaks):
            return self
        line, col = self.at(offset)
        lo = bisect.bisect_right(self.breaks, offset, key=_break_offset)
        hi = (
            len(self.breaks)
            if end is None
            else bisect.bisect_left(self.breaks, end, lo, key=_break_offset)
        )
        breaks = tuple((at - offset, ln, c) for at, ln, c in self.breaks[lo:hi])
        return Source(self.file, line, col, breaks)

    def plain(self) -> Source:
        """This position without an offset map (for text whose offsets have changed)."""
        return Source(self.file, self.line, self.col) if self.breaks else self


def _break_offset(entry: tuple[int, int, int]) -> int:
    return entry[0]
