"""Facing pages that end on the same line.

Typst keeps widows and orphans off the page by ending a page a line early,
page by page; the page facing it does not know, so half the spreads of a
dialogue-heavy novel ended one or two lines apart. A book designer runs
both pages of such a spread short by the same line instead.

How: the book (or one piece of it) is set once with an invisible marker on
every line, paragraph start, ornament and chapter end (the template's
``measure`` mode), which gives each chapter as a stream of lines on the
baseline grid. The page breaking Typst did is replayed here on that stream
(:func:`fill`: the most lines that fit, never leaving a paragraph's first or
last line alone, never a scene-break ornament at a page foot); a chapter
whose replay differs from what Typst did (a footnote, a figure, a quotation:
anything off the grid) is left as Typst set it. For each spread of the rest
the deepest page depth both pages can end on is chosen (full, or one or two
lines short), and each page to run short gets an empty float at its foot
(the template's ``shorten``), anchored in the first paragraph that starts on
it, or inside the paragraph that fills it. The book is then set again.

Only depths change: no line is broken differently, and Typst still guards
every widow and orphan in the second run, so a wrong guess can only leave a
spread uneven, never lose or split text badly.
"""

from __future__ import annotations

import heapq
import json
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .data import encoded

QUERY = "<cb-rows>"
# A spread runs at most this many lines short to end level.
MOST_SHORT = 2
# Lines at a page's head and foot where no float is anchored (see `_anchor`).
EDGE = 4
# What an uneven spread costs, against one line run short on one page.
UNEVEN = 10
# How far (in lines) a marker may sit off the grid and still count as on it.
_ON_GRID = 0.02

Measure = Callable[[bytes], bytes]
Run = Callable[[bytes], bytes]


@dataclass(frozen=True, slots=True)
class Grid:
    """The text block's baseline grid, in points from the page top."""

    pitch: float  # baseline to baseline
    first: float  # the first line's baseline
    rows: int  # lines on a full page
    guard: float  # taken off a float's height so the lines left surely fit
    above: float  # a line's height above its baseline

    @classmethod
    def of(cls, layout: dict[str, Any]) -> Grid:
        size = layout["size"]
        pitch = (layout["top-edge"] + layout["leading"]) * size
        above = layout["top-edge"] * size
        height = layout["height"] - layout["top"] - layout["bottom"]
        rows = math.floor((height - above) / pitch + 1e-6) + 1
        slack = height - above - (rows - 1) * pitch
        guard = min(0.25, (pitch - slack) / 2)
        return cls(pitch, layout["top"] + above, rows, guard, above)


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Stream:
    """A chapter after its opening page: its rows, and where Typst began each page."""

    units: list[Unit]
    page_starts: list[int]
    first_folio: int  # the folio of the stream's first page


def mark(data: dict[str, Any]) -> bool:
    """Number the chapters and their paragraphs and ornaments, so the measuring
    run's markers name them; False when the book has no chapter to even."""
    serial = 0
    for part in data["parts"]:
        for chapter in part["chapters"]:
            chapter["serial"] = serial
            for i, block in enumerate(chapter["blocks"]):
                if block["type"] in ("paragraph", "scene-break"):
                    block["mark"] = [serial, i]
            serial += 1
    return serial > 0


def set_even(payload: bytes, measure: Measure, run: Run) -> bytes:
    """The PDF of `payload` (a book or a piece of one, as encoded data) with its
    spreads evened: one measuring run, then the run that gives the PDF."""
    data = json.loads(payload)
    if not any(part["chapters"] for part in data["parts"]):
        return run(payload)
    data["layout"]["measure"] = True
    report = json.loads(measure(encoded(data)))
    del data["layout"]["measure"]
    if not even(data, report):
        return run(payload)
    return run(encoded(data))


def even(data: dict[str, Any], report: dict[str, Any]) -> int:
    """Put the floats that even the spreads into `data`; how many pages run short."""
    grid = Grid.of(data["layout"])
    chapters = {
        chapter["serial"]: chapter
        for part in data["parts"]
        for chapter in part["chapters"]
        if "serial" in chapter
    }
    lines: dict[int, list[float]] = defaultdict(list)
    for page, y in report["lines"]:
        lines[page].append(y)
    starts: dict[int, dict[tuple[int, int], int]] = defaultdict(dict)
    for value, (page, y) in report["pars"]:
        if value is not None:
            serial, index = value
            starts[serial][(page, _row_of_mark(y, grid))] = index
    ornaments: dict[int, int] = defaultdict(int)
    for value, _ in report["breaks"]:
        if value is not None:
            ornaments[value[0]] += 1
    ends = {value: where for value, where in report["ends"] if value is not None}
    short = 0
    for serial, (open_page, _), folio in report["starts"]:
        chapter = chapters.get(serial)
        if chapter is None or serial not in ends or chapter.get("listing"):
            continue
        end_page = ends[serial][0]
        pages = range(open_page + 1, end_page + 1)
        stream = _stream(pages, lines, starts[serial], grid, folio + 1)
        if stream is None or sum(u.ornament for u in stream.units) != ornaments[serial]:
            continue
        caps = balance(stream, grid.rows)
        short += _apply(chapter["blocks"], stream, caps, grid)
    return short


def _row_of_mark(y: float, grid: Grid) -> int:
    """The grid row of the line a paragraph-start marker sits in (at the line's top)."""
    return round((y + grid.above - grid.first) / grid.pitch)


def _stream(
    pages: range,
    lines: dict[int, list[float]],
    starts: dict[tuple[int, int], int],
    grid: Grid,
    first_folio: int,
) -> Stream | None:
    """The chapter's rows from the measuring run, or None when anything is off the
    grid (a figure, a quotation, a heading): such a chapter is left as it is."""
    rows: list[tuple[bool, int | None]] = []  # (ornament, block index of a paragraph start)
    page_starts: list[int] = []
    for page in pages:
        page_starts.append(len(rows))
        expect = 0
        for y in sorted(lines.get(page, ())):
            row = (y - grid.first) / grid.pitch
            whole = round(row)
            if abs(row - whole) < _ON_GRID:
                if whole != expect:
                    return None
                rows.append((False, starts.get((page, whole))))
                expect += 1
            elif expect <= row < expect + 1:  # the ornament, drawn between two rows
                rows.append((True, None))
                expect += 2
            else:
                return None
    if not rows or len(page_starts) < 2:
        return None
    units = _units(rows)
    return None if units is None else Stream(units, page_starts, first_folio)


def _units(rows: list[tuple[bool, int | None]]) -> list[Unit] | None:
    """Rows grouped into paragraphs: each line knows its place in its paragraph."""
    spans: list[tuple[int, int, int | None, bool]] = []  # (first row, rows, block, earlier)
    for i, (ornament, block) in enumerate(rows):
        if ornament:
            continue
        if block is not None or not spans or rows[i - 1][0]:
            if block is None and spans:  # text after an ornament that no marker names
                return None
            spans.append((i, 1, block, block is None))
        else:
            first, count, owner, earlier = spans[-1]
            spans[-1] = (first, count + 1, owner, earlier)
    units: list[Unit] = [Unit(ornament=True) for _ in rows]
    for first, count, block, earlier in spans:
        for k in range(count):
            units[first + k] = Unit(block=block, line=k, lines=count, earlier=earlier)
    return units


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


def balance(stream: Stream, rows: int) -> list[tuple[int, int, int]]:
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
        at = _end(units, 0, rows)
    caps: list[tuple[int, int, int]] = []
    for spread in _spreads(units, at, rows):
        for start, stop, depth in spread:
            if _end(units, start, rows) != stop:
                caps.append((start, stop, depth))
    return caps


def _end(units: list[Unit], start: int, depth: int) -> int:
    got = fill(units, start, depth)
    return len(units) if got is None else got[0]


Page = tuple[int, int, int]  # first row, end row, depth


def _spreads(units: list[Unit], at: int, rows: int) -> list[list[Page]]:
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
    found: list[tuple[int, list[Page]]] = []
    for depth in range(rows, rows - MOST_SHORT - 1, -1):
        verso = fill(units, at, depth)
        if verso is None:
            continue
        if verso[0] == end:  # the chapter ends on the verso
            if depth == rows:
                found.append((0, [(at, end, depth)]))
            continue
        recto = fill(units, verso[0], depth)
        if verso[1] != depth or recto is None or (recto[1] != depth and recto[0] != end):
            continue
        pages = [(at, verso[0], depth), (verso[0], recto[0], depth)]
        if all(_anchor(units, a, b, d) is not None for a, b, d in pages if d < rows):
            found.append((2 * (rows - depth), pages))
    first = fill(units, at, rows)
    if first is None:
        return found
    second = fill(units, first[0], rows) if first[0] < end else None
    pages = [(at, first[0], rows)] + ([(first[0], second[0], rows)] if second else [])
    level = second is None or second[0] == end or second[1] == first[1]
    found.append((0 if level else UNEVEN, pages))
    return found


def _anchor(units: list[Unit], start: int, stop: int, depth: int) -> tuple[int, float] | None:
    """Where a page's float goes: (block, 0) at a paragraph starting on the page, or
    (block, fraction) inside the paragraph that runs through its middle; None when
    neither is known.

    Never in the page's first or last lines: Typst tries those on the page before
    (or after) when it keeps a widow or an orphan off, and a float met there would
    shorten that page instead."""
    middle = depth / 2
    starts: list[tuple[float, int]] = []
    inside: list[tuple[float, int, float]] = []
    row = 0
    for unit in units[start:stop]:
        if not unit.ornament and EDGE <= row < depth - EDGE and unit.block is not None:
            if unit.line == 0 and not unit.earlier:
                starts.append((abs(row - middle), unit.block))
            elif not unit.earlier:
                inside.append((abs(row - middle), unit.block, (unit.line + 0.5) / unit.lines))
        row += unit.height
    if starts:
        return min(starts)[1], 0.0
    if inside:
        _, block, fraction = min(inside)
        return block, fraction
    return None


def _apply(
    blocks: list[dict[str, Any]],
    stream: Stream,
    caps: list[tuple[int, int, int]],
    grid: Grid,
) -> int:
    """Write each short page's float into the chapter's blocks; how many were placed."""
    inside: dict[int, list[tuple[float, float]]] = defaultdict(list)
    placed = 0
    for start, stop, depth in caps:
        anchor = _anchor(stream.units, start, stop, depth)
        if anchor is None:
            continue
        block, fraction = anchor
        by = round((grid.rows - depth) * grid.pitch - grid.guard, 3)
        if fraction == 0.0:
            blocks[block]["shorten"] = by
        elif "inlines" in blocks[block] and "words" not in blocks[block]:
            inside[block].append((fraction, by))
        else:
            continue
        placed += 1
    for block, floats in inside.items():
        blocks[block]["inlines"] = _with_floats(blocks[block]["inlines"], floats)
    return placed


def _with_floats(inlines: list[Any], floats: list[tuple[float, float]]) -> list[Any]:
    """`inlines` with a ``shorten`` node at each fraction of its text, at a space."""
    total = sum(_length(x) for x in inlines) or 1
    wanted = sorted((fraction * total, by) for fraction, by in floats)
    out: list[Any] = []
    seen = 0
    for item in inlines:
        size = _length(item)
        if isinstance(item, str):
            while wanted and wanted[0][0] < seen + size:
                offset = max(0, int(wanted[0][0] - seen))
                cut = item.find(" ", offset)
                if cut < 0:
                    break
                out.append(item[: cut + 1])
                out.append({"type": "shorten", "by": wanted.pop(0)[1]})
                seen += cut + 1
                size -= cut + 1
                item = item[cut + 1 :]
            if item:
                out.append(item)
        else:
            out.append(item)
        seen += size
        while wanted and wanted[0][0] < seen:
            out.append({"type": "shorten", "by": wanted.pop(0)[1]})
    out.extend({"type": "shorten", "by": by} for _, by in wanted)
    return out


def _length(x: Any) -> int:
    """Characters of text in an inline node (a string, a list, or a node's children)."""
    if isinstance(x, str):
        return len(x)
    if isinstance(x, list):
        return sum(_length(y) for y in x)
    if isinstance(x, dict):
        return _length(x.get("children", x.get("text", "")))
    return 0
