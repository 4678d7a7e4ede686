"""A chapter's rows, read from the measuring run (:mod:`.spreads`).

The template leaves an invisible marker in every paragraph's first line (after
its first word), inside every scene-break ornament, and at every chapter
opening with its folio; the measuring run reports where each fell, and the
page every division opens on. A paragraph runs from its first line to the row
before whatever comes next; one that runs on to another page fills the page
to its last line, which the PDF itself gives: the lowest body-size line Typst
drew there (:func:`page_depths`).

Anything off the baseline grid (a figure, a quotation, a footnote, a heading
within the chapter) leaves rows unaccounted for, and that chapter is left as
Typst set it.
"""

from __future__ import annotations

import bisect
import io
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pikepdf

from ...record import record
from .pagebreaks import Stream, Unit

# A text run as Typst draws it: its origin (y up from the page foot) and its size.
_TEXT_RUN = re.compile(
    rb"1 0 0 -1 -?[\d.]+ (-?[\d.]+) cm[^B]{0,60}BT[^T]{0,12}Tr ?/f\d+ ([\d.]+) Tf"
)
# How far (in lines) a line may sit off the grid and still count as on it.
_ON_GRID = 0.02
_BODY_TYPES = frozenset({"paragraph", "scene-break"})


@record
class Grid:
    """The text block's baseline grid, in points from the page top."""

    pitch: float  # baseline to baseline
    first: float  # the first line's baseline
    rows: int  # lines on a full page
    guard: float  # taken off a float's height so the lines left surely fit
    above: float  # a line's height above its baseline
    height: float  # the page's
    size: float  # the body text's

    @classmethod
    def of(cls, layout: dict[str, Any]) -> Grid:
        size = layout["size"]
        pitch = (layout["top-edge"] + layout["leading"]) * size
        above = layout["top-edge"] * size
        height = layout["height"] - layout["top"] - layout["bottom"]
        rows = math.floor((height - above) / pitch + 1e-6) + 1
        slack = height - above - (rows - 1) * pitch
        guard = min(0.25, (pitch - slack) / 2)
        first = layout["top"] + above
        return cls(pitch, first, rows, guard, above, layout["height"], size)

    def row_of_line(self, y: float) -> int:
        """The row of the line an inline marker sits on (at its baseline)."""
        return round((y - self.first) / self.pitch)

    def row_of_block(self, y: float) -> int:
        """The first row a block takes, from a marker at its top (which is a line's top)."""
        return round((y + self.above - self.first) / self.pitch)


def page_depths(pdf: bytes, grid: Grid) -> dict[int, int]:
    """Each page's depth in rows: its lowest line of body text on the grid, plus one."""
    depths: dict[int, int] = {}
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages, start=1):
            rows = [-1]
            for y, size in _TEXT_RUN.findall(page.Contents.read_bytes()):
                if abs(float(size) - grid.size) > 0.01:
                    continue
                row = (grid.height - float(y) - grid.first) / grid.pitch
                if abs(row - round(row)) < _ON_GRID and 0 <= round(row) < grid.rows:
                    rows.append(round(row))
            depths[number] = max(rows) + 1
    return depths


@record
class Shape:
    """What a chapter's stream of rows is made of, as the measuring run found it: the
    markers' rows and pages (counted from its opening page), the depths of its pages,
    and which side its first page after the opening falls on.

    Two chapters of the same shape have the same stream, wherever they stand in the
    book, so :attr:`key` names the spreads planned for it (:mod:`.spreads` keeps
    them under ``--watch``)."""

    items: list[tuple[int, bool, int, int]]
    open_page: int
    last_page: int
    depths: dict[int, int]
    first_folio: int

    @property
    def key(self) -> tuple[object, ...]:
        at = self.open_page
        return (
            tuple((index, ornament, page - at, row) for index, ornament, page, row in self.items),
            tuple(self.depths.get(page, 0) for page in range(at, self.last_page + 1)),
            self.first_folio % 2,
        )

    def stream(self) -> Stream | None:
        """The chapter's stream of rows, or None when the rows do not add up."""
        return _stream(self.items, self.open_page, self.last_page, self.depths, self.first_folio)


def streams(
    data: dict[str, Any], report: dict[str, Any], depths: dict[int, int], grid: Grid
) -> Iterator[tuple[dict[str, Any], Shape]]:
    """Every chapter that can be evened, with the shape of its stream of rows."""
    chapters = {
        chapter["serial"]: chapter
        for part in data["parts"]
        for chapter in part["chapters"]
        if "serial" in chapter
    }
    found: dict[int, dict[int, tuple[bool, int, int]]] = defaultdict(dict)
    for key, row_of in (("pars", grid.row_of_line), ("breaks", grid.row_of_block)):
        for value, (page, y) in report[key]:
            if value is not None:
                found[value[0]][value[1]] = (key == "breaks", page, row_of(y))
    opens = [*sorted(set(report["opens"])), len(depths) + 1]  # sorted: found by bisection
    for serial, (open_page, _), folio in report["starts"]:
        chapter = chapters.get(serial)
        if chapter is None or chapter.get("listing"):
            continue
        if any(block["type"] not in _BODY_TYPES for block in chapter["blocks"]):
            continue
        # The chapter's last page: the last with text before the next division opens.
        limit = opens[bisect.bisect_right(opens, open_page)]
        pages = [page for page in range(open_page + 1, limit) if depths.get(page, 0) > 0]
        marks = found.get(serial, {})
        if pages and marks:
            items = [(index, *marks[index]) for index in sorted(marks)]
            yield chapter, Shape(items, open_page, pages[-1], depths, folio + 1)


def _stream(
    items: list[tuple[int, bool, int, int]],
    open_page: int,
    last_page: int,
    depths: dict[int, int],
    first_folio: int,
) -> Stream | None:
    """The rows after the opening page, or None when they do not add up.

    Each paragraph runs from its first line to the row before whatever comes
    next (the chapter's last line for the last one)."""
    placed: list[tuple[int, int, Unit]] = []
    ends = [(page, row) for _, _, page, row in items[1:]] + [(last_page, depths[last_page])]
    for (block, ornament, page, row), end in zip(items, ends, strict=True):
        if ornament:
            placed.append((page, row, Unit(ornament=True)))
            continue
        lines = _lines((page, row), end, depths)
        if not lines:
            return None
        placed += [
            (at, line, Unit(block=block, line=k, lines=len(lines)))
            for k, (at, line) in enumerate(lines)
        ]
    return _assemble(placed, open_page, depths, first_folio)


def _lines(
    start: tuple[int, int], end: tuple[int, int], depths: dict[int, int]
) -> list[tuple[int, int]]:
    """(page, row) of each line from `start` up to `end` (not included): a page that
    the text runs on from is filled to its depth."""
    (page, row), (last, stop) = start, end
    if last == page:
        return [(page, r) for r in range(row, stop)]
    if last < page:
        return []
    lines = [(page, r) for r in range(row, depths.get(page, 0))]
    for between in range(page + 1, last):
        lines += [(between, r) for r in range(depths.get(between, 0))]
    return lines + [(last, r) for r in range(stop)]


def _assemble(
    placed: list[tuple[int, int, Unit]], open_page: int, depths: dict[int, int], first_folio: int
) -> Stream | None:
    """The rows after the opening page in order, checked to follow on row after row
    from each page's head; the opening paragraph's lines (it has no markers: its
    drop cap sets it apart) are the rows before the first marked one."""
    after = sorted((p, r, i) for i, (p, r, _) in enumerate(placed) if p > open_page)
    if not after:
        return None
    first_page, first_row, _ = after[0]
    earlier = [(p, r) for p in range(open_page + 1, first_page) for r in range(depths.get(p, 0))]
    earlier += [(first_page, r) for r in range(first_row)]
    rows = [
        (p, r, Unit(line=k, lines=len(earlier), earlier=True)) for k, (p, r) in enumerate(earlier)
    ]
    rows += [(p, r, placed[i][2]) for p, r, i in after]
    page_starts: list[int] = []
    page, expect = open_page, 0
    for index, (at, row, unit) in enumerate(rows):
        if at != page:
            if at != page + 1:
                return None
            page, expect = at, 0
            page_starts.append(index)
        if row != expect:
            return None
        expect += unit.height
    units = [unit for _, _, unit in rows]
    return Stream(units, page_starts, first_folio) if len(page_starts) >= 2 else None
