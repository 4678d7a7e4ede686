"""Page breaking replayed on a chapter's lines, and the spreads chosen to end level.

A chapter after its opening page is a stream of rows (:class:`Unit`): the
lines of its paragraphs, each knowing its place in its paragraph, and the
scene-break ornaments (two rows each). :func:`fill` breaks a page as Typst
does (the most rows that fit, never a paragraph's first or last line alone,
never an ornament at a page foot); :func:`balance` first checks that this
replay gives the very pages Typst gave, then chooses every spread's depth
together (:func:`choose_spreads`).
"""

from __future__ import annotations

import heapq

from ...record import record

# A spread runs at most this many lines short to end level.
MOST_SHORT = 2
# Rows at a page's head where no float is anchored (see `anchor`).
EDGE = 1
# What an uneven spread costs, against one line run short on one page.
UNEVEN = 10

Page = tuple[int, int, int]  # first row, end row, depth


@record
class Unit:
    """One row of a chapter's stream: a text line, or a scene-break ornament (two rows)."""

    ornament: bool = False
    block: int | None = None  # the paragraph's block index (None: its start is not in view)
    line: int = 0  # which line of its paragraph (0-based, within the stream)
    lines: int = 0  # the paragraph's lines in the stream
    earlier: bool = False  # the paragraph began before the stream (it has lines before it)

    @property
    def height(self) -> int:
        return 2 if self.ornament else 1

    def breakable_after(self) -> bool:
        """Whether a page may end after this row, as Typst's costs allow."""
        if self.ornament:
            return False  # the ornament stays with the text after it
        if self.line == self.lines - 1:
            return True
        before = self.line + 1
        return (self.earlier or before >= 2) and self.lines - before >= 2


@record
class Stream:
    """A chapter after its opening page: its rows, and where Typst began each page."""

    units: list[Unit]
    page_starts: list[int]
    first_folio: int  # the folio of the stream's first page


def fill(units: list[Unit], start: int, depth: int) -> tuple[int, int] | None:
    """Where a page of `depth` rows beginning at `start` ends, and the rows it fills:
    the most that fit with a break Typst allows after them (None: nothing fits)."""
    used = 0
    best = None
    for i in range(start, len(units)):
        used += units[i].height
        if used > depth:
            break
        if i + 1 == len(units) or units[i].breakable_after():
            best = (i + 1, used)
    return best


def balance(stream: Stream, rows: int) -> list[Page]:
    """The pages to run short, as (first row, end row, depth), or none at all when
    the replay of Typst's own breaking does not match what it did."""
    units, end = stream.units, len(stream.units)
    at = 0
    for start in stream.page_starts:
        got = fill(units, at, rows) if at < end else None
        if start != at or got is None:
            return []
        at = got[0]
    if at != end:
        return []
    at = 0
    if stream.first_folio % 2:  # a recto facing the opening page: as Typst set it
        at = end_of(units, 0, rows)
    caps: list[Page] = []
    for spread in choose_spreads(units, at, rows):
        for start, stop, depth in spread:
            if end_of(units, start, rows) != stop:
                caps.append((start, stop, depth))
    return caps


def end_of(units: list[Unit], start: int, depth: int) -> int:
    """Where a page of `depth` rows from `start` ends (the stream's end when nothing fits)."""
    got = fill(units, start, depth)
    return len(units) if got is None else got[0]


def choose_spreads(units: list[Unit], at: int, rows: int) -> list[list[Page]]:
    """The chapter's spreads from the verso beginning at row `at`, chosen together:
    the fewest uneven spreads, then the fewest lines run short (a spread run short
    moves every page after it, so one choice can make the next spread even or not).

    Every spread starts on a verso, so a row where one starts is a whole state:
    the cheapest way to reach each is kept, rows taken in order (each spread
    moves forward), and the book's way read back from the chapter's end."""
    end = len(units)
    best: dict[int, tuple[int, int, list[Page]]] = {at: (0, at, [])}
    waiting = [at]
    while waiting:
        here = heapq.heappop(waiting)
        if here == end:
            continue
        spent = best[here][0]
        for cost, pages in _choices(units, here, rows):
            there = pages[-1][1]
            if there not in best:
                heapq.heappush(waiting, there)
            elif best[there][0] <= spent + cost:
                continue
            best[there] = (spent + cost, here, pages)
    chosen: list[list[Page]] = []
    here = end
    while here != at:
        _, before, pages = best[here]
        chosen.append(pages)
        here = before
    return chosen[::-1]


def _choices(units: list[Unit], at: int, rows: int) -> list[tuple[int, list[Page]]]:
    """The ways to set the spread from row `at`, each with its cost: both pages ending
    level at full depth or one or two lines short, or as Typst sets them (uneven)."""
    end = len(units)
    # As Typst sets them (full depth); nothing fitting there, nothing fits shorter.
    first = fill(units, at, rows)
    if first is None:
        return []
    second = fill(units, first[0], rows) if first[0] < end else None
    found: list[tuple[int, list[Page]]] = []
    for depth in range(rows, rows - MOST_SHORT - 1, -1):
        verso = first if depth == rows else fill(units, at, depth)
        if verso is None:
            continue
        if verso[0] == end:  # the chapter ends on the verso
            if depth == rows:
                found.append((0, [(at, end, depth)]))
            continue
        recto = second if depth == rows else fill(units, verso[0], depth)
        if verso[1] != depth or recto is None or (recto[1] != depth and recto[0] != end):
            continue
        pages = [(at, verso[0], depth), (verso[0], recto[0], depth)]
        if all(anchor(units, a, b, d) is not None for a, b, d in pages if d < rows):
            found.append((2 * (rows - depth), pages))
    pages = [(at, first[0], rows)] + ([(first[0], second[0], rows)] if second else [])
    level = second is None or second[0] == end or second[1] == first[1]
    found.append((0 if level else UNEVEN, pages))
    return found


def anchor(units: list[Unit], start: int, stop: int, depth: int) -> int | None:
    """The paragraph before which a page's float goes: one that starts on the page,
    the nearest its middle; None when none does.

    Never at the page's head: the float comes before the paragraph in the flow,
    and a paragraph at a page's head may have been turned off the page before
    (an orphan kept off), where the float, met first, would then go. Never
    inside a paragraph: a float within its text can change how its lines break."""
    middle = depth / 2
    starts: list[tuple[float, int]] = []
    row = 0
    for unit in units[start:stop]:
        block = unit.block
        if block is not None and unit.line == 0 and not unit.earlier and EDGE <= row < depth:
            starts.append((abs(row - middle), block))
        row += unit.height
    return min(starts)[1] if starts else None
